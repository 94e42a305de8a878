import { meetingClockStart, QUIET_AFTER_DAYS } from '../cadence';
import { daysBetween } from '../calendar';
import type { Id, IsoDate, RelationshipStatus } from '../types';
import { activeDaysWithin, statusOn } from './pair-status';
import type { ReportIndex } from './report-data';
import { percent } from './suppression';

// Meeting compliance: meetings held against the program's cadence, counted only over the days the
// pair was active within the period (a pause or a late start does not count against a pair).
// Expected meetings = whole cadences that fit in those days: 30 active days at a 14-day cadence expect 2.

export interface PairCompliance {
  relationshipId: Id;
  mentorName: string;
  menteeName: string;
  programId: Id;
  programName: string;
  cadenceDays: number;
  activeDays: number;
  expected: number;
  held: number;
  minutes: number;
  /** Held as a share of expected; null when no meeting was due yet. */
  percentOfTarget: number | null;
  /** Null when no meeting was due yet. */
  metTarget: boolean | null;
  statusAtEnd: RelationshipStatus | null;
  lastMeetingDate: IsoDate | null;
  /** Active on the last day and past the cadence since the last meeting (or the start). */
  overdueAtEnd: boolean;
  /** Active on the last day with no meeting for 90 days or more. */
  quietAtEnd: boolean;
}

export interface ProgramCompliance {
  programId: Id;
  programName: string;
  cadenceDays: number;
  pairs: number;
  /** Pairs that had at least one meeting due. */
  pairsWithTarget: number;
  pairsMeetingTarget: number;
  shareMeetingTarget: number | null;
  expected: number;
  held: number;
  minutes: number;
  overdueAtEnd: number;
  quietAtEnd: number;
}

export interface MeetingCompliance {
  pairs: PairCompliance[];
  programs: ProgramCompliance[];
  totals: ComplianceSummary;
}

export function computeMeetingCompliance(index: ReportIndex): MeetingCompliance {
  const { start, end } = index.period;
  const pairs: PairCompliance[] = [];
  for (const pair of index.relationships) {
    const program = index.programsById.get(pair.programId);
    const meetings = index.meetingsByRelationship.get(pair.id) ?? [];
    const activeDays = activeDaysWithin(pair, start, end);
    if (activeDays === 0 && meetings.length === 0) continue;
    const cadenceDays = program && program.cadenceDays > 0 ? program.cadenceDays : 0;
    const expected = cadenceDays > 0 ? Math.floor(activeDays / cadenceDays) : 0;
    const held = meetings.length;
    let minutes = 0;
    for (const meeting of meetings) minutes += meeting.durationMinutes;
    const statusAtEnd = statusOn(pair, end);
    const lastMeetingDate = index.lastMeetingByRelationship.get(pair.id) ?? null;
    // A pair resumed late in the period is not overdue for the weeks it was paused.
    const clock = { startDate: pair.startDate, statusHistory: pair.statusHistory, lastMeetingDate };
    const sinceLast = daysBetween(meetingClockStart(clock, end), end);
    const activeAtEnd = statusAtEnd === 'active';
    pairs.push({
      relationshipId: pair.id,
      mentorName: index.peopleById.get(pair.mentorId)?.name ?? 'Unknown person',
      menteeName: index.peopleById.get(pair.menteeId)?.name ?? 'Unknown person',
      programId: pair.programId,
      programName: program?.name ?? 'Unknown program',
      cadenceDays,
      activeDays,
      expected,
      held,
      minutes,
      percentOfTarget: expected > 0 ? percent(held, expected) : null,
      metTarget: expected > 0 ? held >= expected : null,
      statusAtEnd,
      lastMeetingDate,
      overdueAtEnd: activeAtEnd && cadenceDays > 0 && sinceLast > cadenceDays,
      quietAtEnd: activeAtEnd && sinceLast >= QUIET_AFTER_DAYS,
    });
  }
  pairs.sort(
    (a, b) =>
      a.programName.localeCompare(b.programName) ||
      a.menteeName.localeCompare(b.menteeName) ||
      a.mentorName.localeCompare(b.mentorName),
  );

  const pairsByProgram = new Map<Id, PairCompliance[]>();
  for (const pair of pairs) {
    const list = pairsByProgram.get(pair.programId);
    if (list) list.push(pair);
    else pairsByProgram.set(pair.programId, [pair]);
  }
  const programs = index.selectedPrograms.map((program) => ({
    programId: program.id,
    programName: program.name,
    cadenceDays: program.cadenceDays,
    ...summarise(pairsByProgram.get(program.id) ?? []),
  }));
  const totals = summarise(pairs);
  return { pairs, programs, totals };
}

type ComplianceSummary = Omit<ProgramCompliance, 'programId' | 'programName' | 'cadenceDays'>;

function summarise(pairs: PairCompliance[]): ComplianceSummary {
  const summary: ComplianceSummary = {
    pairs: pairs.length,
    pairsWithTarget: 0,
    pairsMeetingTarget: 0,
    shareMeetingTarget: null,
    expected: 0,
    held: 0,
    minutes: 0,
    overdueAtEnd: 0,
    quietAtEnd: 0,
  };
  for (const pair of pairs) {
    if (pair.metTarget !== null) summary.pairsWithTarget++;
    if (pair.metTarget) summary.pairsMeetingTarget++;
    summary.expected += pair.expected;
    summary.held += pair.held;
    summary.minutes += pair.minutes;
    if (pair.overdueAtEnd) summary.overdueAtEnd++;
    if (pair.quietAtEnd) summary.quietAtEnd++;
  }
  summary.shareMeetingTarget = percent(summary.pairsMeetingTarget, summary.pairsWithTarget);
  return summary;
}
