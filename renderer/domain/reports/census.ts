import { type Id, PROFESSION_LABELS, PROFESSIONS, type Profession, type Relationship } from '../types';
import { activeSpans, endingWithin, firstActiveDate, statusOn } from './pair-status';
import type { ReportIndex, ReportPerson } from './report-data';

// Pair census: who was paired during the period, how pairs began and ended, and whether mentors
// carried more than they agreed to.

export interface CensusByProgram {
  programId: Id;
  programName: string;
  activeAtStart: number;
  activeAtEnd: number;
  started: number;
  ended: number;
  pairsInPeriod: number;
}

export interface MentorLoad {
  mentorId: Id;
  mentorName: string;
  /** Pairs active on the period's last day. */
  activeMentees: number;
  capacity: number;
  overCapacity: boolean;
}

export interface PairCensus {
  activeAtStart: number;
  activeAtEnd: number;
  pausedAtEnd: number;
  /** Pairs active on at least one day of the period. */
  pairsInPeriod: number;
  /** Pairs whose first active day falls within the period. */
  started: number;
  ended: number;
  endedByReason: { reason: string; count: number }[];
  byMenteeProfession: { profession: Profession; label: string; pairs: number }[];
  byProgram: CensusByProgram[];
  mentorLoad: MentorLoad[];
  mentorsOverCapacity: number;
  /** Mentees employed on the period's last day with no active or paused pair in any program. */
  menteesWithoutMentor: { id: Id; name: string; profession: Profession }[];
}

export const COMPLETED_REASON = 'Completed';

export function computePairCensus(index: ReportIndex): PairCensus {
  const { start, end } = index.period;
  const perProgram = new Map<Id, CensusByProgram>();
  for (const program of index.selectedPrograms)
    perProgram.set(program.id, {
      programId: program.id,
      programName: program.name,
      activeAtStart: 0,
      activeAtEnd: 0,
      started: 0,
      ended: 0,
      pairsInPeriod: 0,
    });
  const byProfession = new Map<Profession, number>();
  const byReason = new Map<string, number>();
  const loadByMentor = new Map<Id, number>();
  const census = { activeAtStart: 0, activeAtEnd: 0, pausedAtEnd: 0, pairsInPeriod: 0, started: 0, ended: 0 };

  for (const pair of index.relationships) {
    const program = perProgram.get(pair.programId);
    const atStart = statusOn(pair, start);
    const atEnd = statusOn(pair, end);
    const inPeriod = activeSpans(pair, start, end).length > 0;
    const firstActive = firstActiveDate(pair);
    const started = firstActive !== null && firstActive >= start && firstActive <= end;
    const ending = endingWithin(pair, start, end);
    const ended = ending !== null && atEnd === ending.status;

    if (atStart === 'active') census.activeAtStart++;
    if (atEnd === 'active') census.activeAtEnd++;
    if (atEnd === 'paused') census.pausedAtEnd++;
    if (inPeriod) {
      census.pairsInPeriod++;
      const profession = index.peopleById.get(pair.menteeId)?.profession ?? 'other';
      byProfession.set(profession, (byProfession.get(profession) ?? 0) + 1);
    }
    if (started) census.started++;
    if (ended) {
      census.ended++;
      const reason = endReasonOf(pair, ending.status);
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
    if (program) {
      if (atStart === 'active') program.activeAtStart++;
      if (atEnd === 'active') program.activeAtEnd++;
      if (started) program.started++;
      if (ended) program.ended++;
      if (inPeriod) program.pairsInPeriod++;
    }
  }

  // A mentor's load counts every program, as the pairing rule does, even when the report shows one.
  const mentorsInReport = new Set(index.relationships.map((pair) => pair.mentorId));
  for (const pair of index.allRelationships) {
    if (mentorsInReport.has(pair.mentorId) && statusOn(pair, end) === 'active')
      loadByMentor.set(pair.mentorId, (loadByMentor.get(pair.mentorId) ?? 0) + 1);
  }

  const mentorLoad: MentorLoad[] = [...loadByMentor]
    .map(([mentorId, activeMentees]) => {
      const mentor = index.peopleById.get(mentorId);
      const capacity = mentor?.mentorCapacity ?? 0;
      return {
        mentorId,
        mentorName: mentor?.name ?? 'Unknown person',
        activeMentees,
        capacity,
        overCapacity: activeMentees > capacity,
      };
    })
    .sort((a, b) => b.activeMentees - a.activeMentees || a.mentorName.localeCompare(b.mentorName));

  return {
    ...census,
    endedByReason: [...byReason]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    byMenteeProfession: PROFESSIONS.filter((profession) => byProfession.has(profession)).map(
      (profession) => ({
        profession,
        label: PROFESSION_LABELS[profession],
        pairs: byProfession.get(profession) ?? 0,
      }),
    ),
    byProgram: [...perProgram.values()],
    mentorLoad,
    mentorsOverCapacity: mentorLoad.filter((load) => load.overCapacity).length,
    menteesWithoutMentor: menteesWithoutMentor(index),
  };
}

function endReasonOf(pair: Relationship, status: Relationship['status']): string {
  if (status === 'completed') return COMPLETED_REASON;
  const reason = pair.endReason?.trim();
  return reason ? `Ended early: ${reason}` : 'Ended early: no reason recorded';
}

function menteesWithoutMentor(index: ReportIndex): PairCensus['menteesWithoutMentor'] {
  const { end } = index.period;
  const mentored = new Set<Id>();
  for (const pair of index.allRelationships) {
    const status = statusOn(pair, end);
    if (status === 'active' || status === 'paused') mentored.add(pair.menteeId);
  }
  return index.people
    .filter((person) => person.isMentee && !mentored.has(person.id) && employedOn(person, end))
    .map((person) => ({ id: person.id, name: person.name, profession: person.profession }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Employed on `date`: hired on or before it (or hire date unknown) and not yet left. */
export function employedOn(
  person: Pick<ReportPerson, 'hireDate' | 'leavingDate' | 'archived'>,
  date: string,
): boolean {
  if (person.hireDate !== null && person.hireDate > date) return false;
  if (person.leavingDate !== null && person.leavingDate <= date) return false;
  // An archived person without a leaving date has left on a day we do not know: not counted as staff.
  return !(person.archived && person.leavingDate === null);
}
