import { addDaysIso } from '../calendar';
import {
  ACTION_OWNERS,
  type ActionItem,
  type IsoDate,
  MEETING_FORMATS,
  type Meeting,
  type Relationship,
} from '../types';
import { isWholeNumberIn, requireDate } from './fields';
import type { GoalProgressInput } from './goal';
import { checkAll, RuleError } from './rule-error';

type Stamped = 'id' | 'createdAt' | 'updatedAt';
export type ActionItemInput = Pick<ActionItem, 'text' | 'owner' | 'dueDate'> & {
  id?: string;
  done?: boolean;
  doneDate?: IsoDate | null;
};
export type MeetingInput = Omit<Meeting, Stamped> & {
  actionItems: ActionItemInput[];
  /** Progress on the pair's goals recorded at this meeting (a new meeting only). */
  goalProgress?: GoalProgressInput[];
};

export const MAX_MEETING_MINUTES = 24 * 60;

export function checkMeeting(
  input: MeetingInput,
  relationship: Relationship | undefined,
  today: IsoDate,
): void {
  checkAll([
    () => {
      if (!relationship)
        throw new RuleError(
          'no-relationship',
          'Choose the pairing this meeting belongs to.',
          'relationshipId',
        );
    },
    () => {
      requireDate(input.date, 'date', 'Meeting date', false);
      if (input.date > addDaysIso(today, 1))
        throw new RuleError(
          'future-meeting',
          'A meeting cannot be dated more than a day in the future.',
          'date',
        );
      if (relationship && input.date < relationship.startDate)
        throw new RuleError('before-start', 'The meeting is dated before this pairing started.', 'date');
    },
    () => {
      if (!isWholeNumberIn(input.durationMinutes, 1, MAX_MEETING_MINUTES))
        throw new RuleError(
          'bad-duration',
          `Duration must be a whole number of minutes, from 1 to ${MAX_MEETING_MINUTES}.`,
          'durationMinutes',
        );
    },
    () => {
      if (!MEETING_FORMATS.includes(input.format))
        throw new RuleError('bad-format', 'Choose a format.', 'format');
    },
    ...input.actionItems.flatMap((item, index) => {
      const label = `Action item ${index + 1}`;
      return [
        () => {
          if (!item.text.trim())
            throw new RuleError('required', `${label} needs a description.`, `actionItems.${index}.text`);
        },
        () => {
          if (!ACTION_OWNERS.includes(item.owner))
            throw new RuleError('bad-owner', `${label}: choose who owns it.`, `actionItems.${index}.owner`);
        },
        () => requireDate(item.dueDate, `actionItems.${index}.dueDate`, `${label}'s due date`, true),
      ];
    }),
  ]);
}
