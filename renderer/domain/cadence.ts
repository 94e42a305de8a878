import { addDaysIso, daysBetween } from './calendar';
import type { IsoDate, Program, Relationship, StatusChange } from './types';

/** Pairs that have gone this long without a meeting are flagged as quiet. */
export const QUIET_AFTER_DAYS = 90;

type PairClock = Pick<Relationship, 'startDate' | 'lastMeetingDate'> & { statusHistory?: StatusChange[] };

/**
 * The day the meeting clock runs from: the last meeting, or the start, or the latest day the pair
 * became active again (a resumed pair is not overdue for the weeks it was paused), whichever is latest.
 * Only changes on or before `asOf` count, so a report can ask about a past day.
 */
export function meetingClockStart(relationship: PairClock, asOf?: IsoDate): IsoDate {
  let start = relationship.lastMeetingDate ?? relationship.startDate;
  for (const change of relationship.statusHistory ?? []) {
    if (change.status === 'active' && (!asOf || change.date <= asOf) && change.date > start)
      start = change.date;
  }
  return start;
}

/** The date a pair's next meeting is due: the program's cadence after the clock's start. */
export function nextMeetingDue(relationship: PairClock, program: Pick<Program, 'cadenceDays'>): IsoDate {
  return addDaysIso(meetingClockStart(relationship), program.cadenceDays);
}

/** Days past the due date on `today`; 0 when the pair is not overdue. */
export function daysOverdue(
  relationship: PairClock,
  program: Pick<Program, 'cadenceDays'>,
  today: IsoDate,
): number {
  return Math.max(0, daysBetween(nextMeetingDue(relationship, program), today));
}

/** Days without a meeting while active: since the last meeting, the start, or the latest resumption. */
export function daysWithoutMeeting(relationship: PairClock, today: IsoDate): number {
  return Math.max(0, daysBetween(meetingClockStart(relationship, today), today));
}
