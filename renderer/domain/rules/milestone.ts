import { addDaysIso } from '../calendar';
import { searchKey, storedLine } from '../text';
import type { Id, IsoDate, MilestoneType, Relationship } from '../types';
import { isWholeNumberIn, requireDate } from './fields';
import { checkAll, RuleError } from './rule-error';

export const MAX_MILESTONE_TYPE_LENGTH = 80;
export const MAX_MILESTONE_DESCRIPTION_LENGTH = 500;
/** A debrief is a conversation soon after the event: a target beyond three months is not one. */
export const MAX_DEBRIEF_DAYS = 90;
export const DEFAULT_DEBRIEF_DAYS = 7;

export interface MilestoneInput {
  relationshipId: Id;
  typeId: Id;
  date: IsoDate;
  description: string;
}

/** A milestone as entered: a pairing, a known type still offered, a real date not ahead of tomorrow. */
export function checkMilestone(
  input: MilestoneInput,
  relationship: Relationship | undefined,
  type: MilestoneType | undefined,
  today: IsoDate,
): void {
  checkAll([
    () => {
      if (!relationship)
        throw new RuleError(
          'no-relationship',
          'Choose the pairing that should debrief it.',
          'relationshipId',
        );
    },
    () => {
      if (!type) throw new RuleError('no-type', 'Choose what kind of first it was.', 'typeId');
    },
    () => {
      requireDate(input.date, 'date', 'The milestone date', false);
      if (input.date > addDaysIso(today, 1))
        throw new RuleError('future-milestone', 'A milestone cannot be dated in the future.', 'date');
    },
    () => {
      if (!input.description.trim())
        throw new RuleError('required', 'Say in a few words what happened.', 'description');
      if (input.description.trim().length > MAX_MILESTONE_DESCRIPTION_LENGTH)
        throw new RuleError(
          'too-long',
          `Keep the description short: ${MAX_MILESTONE_DESCRIPTION_LENGTH} characters at most.`,
          'description',
        );
    },
  ]);
}

export interface MilestoneTypeInput {
  label: string;
  debriefWithinDays: number;
}

/** A milestone type's name, tidied and not already taken, and a debrief target of 1 to 90 days. */
export function checkMilestoneType(
  input: MilestoneTypeInput,
  existing: Pick<MilestoneType, 'id' | 'label'>[],
  exceptId?: Id,
): MilestoneTypeInput {
  const label = storedLine(input.label);
  checkAll([
    () => {
      if (!label) throw new RuleError('required', 'A milestone needs a name.', 'label');
      if (label.length > MAX_MILESTONE_TYPE_LENGTH)
        throw new RuleError(
          'too-long',
          `Milestone names are ${MAX_MILESTONE_TYPE_LENGTH} characters at most.`,
          'label',
        );
      if (existing.some((type) => type.id !== exceptId && searchKey(type.label) === searchKey(label)))
        throw new RuleError('duplicate', `There is already a milestone called "${label}".`, 'label');
    },
    () => {
      if (!isWholeNumberIn(input.debriefWithinDays, 1, MAX_DEBRIEF_DAYS))
        throw new RuleError(
          'bad-days',
          `The debrief target must be a whole number of days, from 1 to ${MAX_DEBRIEF_DAYS}.`,
          'debriefWithinDays',
        );
    },
  ]);
  return { label, debriefWithinDays: input.debriefWithinDays };
}

/** A debrief meeting must belong to the milestone's pairing and cannot come before the milestone. */
export function checkDebriefLink(
  meeting: { relationshipId: Id; date: IsoDate },
  milestone: { relationshipId: Id; date: IsoDate } | undefined,
): void {
  if (!milestone)
    throw new RuleError('no-milestone', 'The milestone this debrief is for no longer exists.', 'milestoneId');
  if (milestone.relationshipId !== meeting.relationshipId)
    throw new RuleError(
      'other-pairing',
      'A debrief is logged for the pairing that should debrief the milestone.',
      'milestoneId',
    );
  if (meeting.date < milestone.date)
    throw new RuleError('before-milestone', 'The debrief is dated before the milestone happened.', 'date');
}
