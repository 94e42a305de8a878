import { addDaysIso, daysBetween } from './dates';
import type { IsoDate, Program, Relationship } from './types';

/** Pairs that have gone this long without a meeting are flagged as quiet. */
export const QUIET_AFTER_DAYS = 90;

/** The date a pair's next meeting is due: the program's cadence after the last meeting, or after the start. */
export function nextMeetingDue(
  relationship: Pick<Relationship, 'startDate' | 'lastMeetingDate'>,
  program: Pick<Program, 'cadenceDays'>,
): IsoDate {
  return addDaysIso(relationship.lastMeetingDate ?? relationship.startDate, program.cadenceDays);
}

/** Days past the due date on `today`; 0 when the pair is not overdue. */
export function daysOverdue(
  relationship: Pick<Relationship, 'startDate' | 'lastMeetingDate'>,
  program: Pick<Program, 'cadenceDays'>,
  today: IsoDate,
): number {
  return Math.max(0, daysBetween(nextMeetingDue(relationship, program), today));
}

/** Days since the last meeting, or since the start for a pair that has not met yet. */
export function daysWithoutMeeting(
  relationship: Pick<Relationship, 'startDate' | 'lastMeetingDate'>,
  today: IsoDate,
): number {
  return Math.max(0, daysBetween(relationship.lastMeetingDate ?? relationship.startDate, today));
}
