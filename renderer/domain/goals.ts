import { addMonthsIso, daysBetween } from './calendar';
import {
  type Goal,
  type GoalProgress,
  type GoalStatus,
  type IsoDate,
  OPEN_GOAL_STATUSES,
  type Relationship,
} from './types';

// What a goal's history says: its status on any day, whether it is overdue, and when it was achieved.
// A goal's history is its progress entries; the latest one dated on or before a day gives the status.

/** A pair this long into its program without a goal is listed as having no plan. */
export const PLAN_EXPECTED_AFTER_MONTHS = 1;

/** What reading a history needs: no note, so reports can use it too. */
type HistoryEntry = Pick<GoalProgress, 'date' | 'status' | 'createdAt'>;

/** The history of a goal, oldest first; entries of one day keep the order they were recorded in. */
export function goalHistory<T extends HistoryEntry>(progress: readonly T[]): T[] {
  return [...progress].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
}

/** The status a goal had at the end of `day`; null when it had not been set yet. */
export function goalStatusOn(progress: readonly HistoryEntry[], day: IsoDate): GoalStatus | null {
  let status: GoalStatus | null = null;
  for (const entry of goalHistory(progress)) {
    if (entry.date > day) break;
    status = entry.status;
  }
  return status;
}

/** The status a goal's history ends on, or `fallback` when it has none. */
export function latestGoalStatus(progress: readonly HistoryEntry[], fallback: GoalStatus): GoalStatus {
  const history = goalHistory(progress);
  return history.at(-1)?.status ?? fallback;
}

export function isOpenGoalStatus(status: GoalStatus): boolean {
  return (OPEN_GOAL_STATUSES as readonly GoalStatus[]).includes(status);
}

/** Past its target date and still being worked on (not achieved, not dropped). */
export function isGoalOverdue(goal: Pick<Goal, 'status' | 'targetDate'>, today: IsoDate): boolean {
  return isOpenGoalStatus(goal.status) && goal.targetDate !== null && goal.targetDate < today;
}

export function daysGoalOverdue(goal: Pick<Goal, 'targetDate'>, today: IsoDate): number {
  return goal.targetDate ? Math.max(0, daysBetween(goal.targetDate, today)) : 0;
}

/**
 * The day a goal was achieved within [from, to]: the first entry in the period that made it achieved
 * (from another status), or null when it was not achieved in the period.
 */
export function achievedWithin(
  progress: readonly HistoryEntry[],
  from: IsoDate,
  to: IsoDate,
): IsoDate | null {
  let previous: GoalStatus | null = null;
  for (const entry of goalHistory(progress)) {
    if (entry.date > to) break;
    if (entry.status === 'achieved' && previous !== 'achieved' && entry.date >= from) return entry.date;
    previous = entry.status;
  }
  return null;
}

/** The day a pair is expected to have a plan: a month after it started (the end of a short month clamps). */
export function planExpectedBy(relationship: Pick<Relationship, 'startDate'>): IsoDate {
  return addMonthsIso(relationship.startDate, PLAN_EXPECTED_AFTER_MONTHS);
}

/** The latest start date a pair may have on `today` and still be listed when it has no plan. */
export function latestStartWithoutPlan(today: IsoDate): IsoDate {
  return addMonthsIso(today, -PLAN_EXPECTED_AFTER_MONTHS);
}

/** The prompts that help write a SMART goal; shown beside the form, never required. */
export const SMART_PROMPTS: ReadonlyArray<{ letter: string; word: string; prompt: string }> = [
  { letter: 'S', word: 'Specific', prompt: 'What exactly will the mentee do, and where?' },
  { letter: 'M', word: 'Measurable', prompt: 'How will you both know it is done?' },
  { letter: 'A', word: 'Achievable', prompt: 'Is it within reach with the time and support there is?' },
  { letter: 'R', word: 'Relevant', prompt: 'Why does it matter for this mentee’s work now?' },
  { letter: 'T', word: 'Time-bound', prompt: 'By when? Set a target date.' },
];

/** Gentle suggestions for a goal being written: which SMART parts look missing. Never a rule. */
export function smartSuggestions(draft: Pick<Goal, 'title' | 'details' | 'targetDate'>): string[] {
  const suggestions: string[] = [];
  const words = draft.title.trim().split(/\s+/).filter(Boolean).length;
  if (draft.title.trim() && words < 4)
    suggestions.push('Specific: a few more words would say what exactly the mentee will do.');
  if (draft.title.trim() && !draft.details.trim())
    suggestions.push('Measurable: say how you will both know it is done.');
  if (!draft.targetDate) suggestions.push('Time-bound: a target date lets the dashboard remind you.');
  return suggestions;
}
