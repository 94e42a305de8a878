import { isTrainingCurrentOn } from '../training';
import { type Id, type IsoDate, PROFESSION_LABELS, PROFESSIONS, type Profession } from '../types';
import { activeSpans } from './pair-status';
import type { ReportIndex, ReportTrainingRecord } from './report-data';
import {
  FEWER_THAN_5,
  type GuardedFigure,
  guardCount,
  guardPercent,
  SMALL_GROUP_MINIMUM,
} from './suppression';

// Mentor training for accreditation: of the mentors who mentored a pair active during the period (in
// the programs reported on), how many had current training on the period's last day, and how many hours
// of training they completed in the period, by profession. A group of fewer than 5 mentors shows no
// figure, so that no one mentor's training can be read off the report.

export interface MentorTrainingRow {
  label: string;
  mentors: GuardedFigure;
  currentAtEnd: GuardedFigure;
  currentPercent: GuardedFigure;
  /** Hours completed in the period; "fewer than 5" when the group is too small to show. */
  hoursInPeriod: number | typeof FEWER_THAN_5;
}

export interface MentorTraining {
  asOf: IsoDate;
  rows: MentorTrainingRow[];
  total: MentorTrainingRow;
}

function row(
  label: string,
  mentors: Id[],
  byMentor: Map<Id, ReportTrainingRecord[]>,
  period: { start: IsoDate; end: IsoDate },
): MentorTrainingRow {
  let current = 0;
  let hours = 0;
  for (const id of mentors) {
    const records = byMentor.get(id) ?? [];
    if (isTrainingCurrentOn(records, period.end)) current += 1;
    for (const record of records)
      if (record.completedOn >= period.start && record.completedOn <= period.end) hours += record.hours;
  }
  const small = mentors.length > 0 && mentors.length < SMALL_GROUP_MINIMUM;
  return {
    label,
    mentors: guardCount(mentors.length),
    currentAtEnd: small ? FEWER_THAN_5 : current,
    currentPercent: guardPercent(current, mentors.length),
    hoursInPeriod: small ? FEWER_THAN_5 : Math.round(hours * 100) / 100,
  };
}

export function computeMentorTraining(
  index: ReportIndex,
  trainingRecords: readonly ReportTrainingRecord[],
): MentorTraining {
  const { period } = index;
  const mentorIds = new Set<Id>();
  for (const pair of index.relationships)
    if (activeSpans(pair, period.start, period.end).length > 0) mentorIds.add(pair.mentorId);
  const byMentor = new Map<Id, ReportTrainingRecord[]>();
  for (const record of trainingRecords) {
    if (!mentorIds.has(record.personId)) continue;
    const list = byMentor.get(record.personId);
    if (list) list.push(record);
    else byMentor.set(record.personId, [record]);
  }
  const byProfession = new Map<Profession, Id[]>();
  for (const id of mentorIds) {
    const profession = index.peopleById.get(id)?.profession ?? 'other';
    byProfession.set(profession, [...(byProfession.get(profession) ?? []), id]);
  }
  return {
    asOf: period.end,
    rows: PROFESSIONS.filter((profession) => byProfession.has(profession)).map((profession) =>
      row(PROFESSION_LABELS[profession], byProfession.get(profession) ?? [], byMentor, period),
    ),
    total: row('All mentors', [...mentorIds], byMentor, period),
  };
}
