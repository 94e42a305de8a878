import { searchKey, storedLine } from '../text';
import {
  GOAL_STATUSES,
  type GoalArea,
  type GoalStatus,
  type GoalStep,
  type Id,
  type IsoDate,
} from '../types';
import { requireDate } from './fields';
import { checkAll, RuleError } from './rule-error';

export const MAX_GOAL_TITLE_LENGTH = 200;
export const MAX_GOAL_TEXT_LENGTH = 2000;
export const MAX_GOAL_STEPS = 20;
export const MAX_GOAL_AREA_LENGTH = 80;

/** What the plan form sends; the repository stamps the rest. */
export interface GoalInput {
  relationshipId: Id;
  areaId: Id;
  title: string;
  details: string;
  setDate: IsoDate;
  targetDate: IsoDate | null;
  steps: GoalStep[];
}

/** A change of status, from the goal itself or from a meeting. */
export interface GoalProgressInput {
  goalId: Id;
  status: GoalStatus;
  note: string;
  /** Required when the status is 'dropped'. */
  dropReason?: string | null;
}

export function checkGoal(input: GoalInput, knownAreas: ReadonlySet<Id>): void {
  checkAll([
    () => {
      if (!input.title.trim())
        throw new RuleError('required', 'Write what the goal is: a short title.', 'title');
      if (input.title.trim().length > MAX_GOAL_TITLE_LENGTH)
        throw new RuleError(
          'too-long',
          `A goal's title is ${MAX_GOAL_TITLE_LENGTH} characters at most; put the rest in the details.`,
          'title',
        );
    },
    () => {
      if (input.details.length > MAX_GOAL_TEXT_LENGTH)
        throw new RuleError('too-long', `Details are ${MAX_GOAL_TEXT_LENGTH} characters at most.`, 'details');
    },
    () => {
      if (!knownAreas.has(input.areaId))
        throw new RuleError('bad-area', 'Choose the area of this goal.', 'areaId');
    },
    () => requireDate(input.setDate, 'setDate', 'The date the goal was set', false),
    () => {
      requireDate(input.targetDate, 'targetDate', 'The target date', true);
      if (input.targetDate && input.setDate && input.targetDate < input.setDate)
        throw new RuleError(
          'target-before-set',
          'The target date comes before the goal was set.',
          'targetDate',
        );
    },
    () => {
      if (input.steps.length > MAX_GOAL_STEPS)
        throw new RuleError('too-many-steps', `A goal has ${MAX_GOAL_STEPS} steps at most.`, 'steps');
    },
    ...input.steps.map((step, index) => () => {
      if (!step.text.trim())
        throw new RuleError(
          'required',
          `Step ${index + 1} needs a description, or remove it.`,
          `steps.${index}.text`,
        );
      if (step.text.length > MAX_GOAL_TEXT_LENGTH)
        throw new RuleError('too-long', `Step ${index + 1} is too long.`, `steps.${index}.text`);
    }),
  ]);
}

/** `prefix` names the field in a larger form (the meeting form: "goalProgress.0."). */
export function checkGoalProgress(input: GoalProgressInput, label: string, prefix = ''): void {
  checkAll([
    () => {
      if (!GOAL_STATUSES.includes(input.status))
        throw new RuleError('bad-status', `${label}: choose a status.`, `${prefix}status`);
    },
    () => {
      if (input.note.length > MAX_GOAL_TEXT_LENGTH)
        throw new RuleError(
          'too-long',
          `${label}: the note is ${MAX_GOAL_TEXT_LENGTH} characters at most.`,
          `${prefix}note`,
        );
    },
    () => {
      if (input.status === 'dropped' && !input.dropReason?.trim())
        throw new RuleError('required', `${label}: say why the goal is dropped.`, `${prefix}dropReason`);
    },
  ]);
}

/** A goal area's label, tidied, once it is known to be present, short enough and not already taken. */
export function checkGoalAreaLabel(
  label: string,
  existing: Pick<GoalArea, 'id' | 'label'>[],
  exceptId?: Id,
): string {
  const clean = storedLine(label);
  if (!clean) throw new RuleError('required', 'An area needs a name.', 'label');
  if (clean.length > MAX_GOAL_AREA_LENGTH)
    throw new RuleError('too-long', `Area names are ${MAX_GOAL_AREA_LENGTH} characters at most.`, 'label');
  if (existing.some((area) => area.id !== exceptId && searchKey(area.label) === searchKey(clean)))
    throw new RuleError('duplicate', `There is already an area called "${clean}".`, 'label');
  return clean;
}
