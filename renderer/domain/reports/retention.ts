import { addMonthsIso } from '../calendar';
import type { Id, IsoDate, Relationship } from '../types';
import { firstActiveDate } from './pair-status';
import type { ReportIndex, ReportPerson } from './report-data';
import {
  FEWER_THAN_5,
  type GuardedFigure,
  guardCount,
  guardPercent,
  SMALL_GROUP_MINIMUM,
} from './suppression';

// New-hire retention: of the staff hired within the period, how many were still employed 6 and
// 12 months after their hire date, for mentored staff and for staff who had no mentor, side by side.
// Only hires whose 6 (or 12) months have passed by the day the report is made are counted for that mark.
// Groups are small in a clinic, so any figure about fewer than 5 people reads "fewer than 5".

export const RETENTION_MARKS = [6, 12] as const;
export type RetentionMark = (typeof RETENTION_MARKS)[number];

export interface RetentionAtMark {
  months: RetentionMark;
  /** Hires whose mark has passed. */
  eligible: GuardedFigure;
  retained: GuardedFigure;
  rate: GuardedFigure;
}

export interface RetentionGroup {
  label: string;
  hired: GuardedFigure;
  marks: RetentionAtMark[];
}

export interface Retention {
  /** The day retention is measured on. */
  asOf: IsoDate;
  mentored: RetentionGroup;
  notMentored: RetentionGroup;
}

export const MENTORED_LABEL = 'Mentored new hires';
export const NOT_MENTORED_LABEL = 'New hires without a mentor';

export function computeRetention(index: ReportIndex): Retention {
  const { start, end } = index.period;
  // Mentored means in a pair that became active; a pairing only ever proposed mentored no one.
  const wasActive = (pair: Relationship) => firstActiveDate(pair) !== null;
  const menteesInSelection = new Set<Id>(index.relationships.filter(wasActive).map((pair) => pair.menteeId));
  const menteesAnywhere = new Set<Id>(index.allRelationships.filter(wasActive).map((pair) => pair.menteeId));
  const mentored: ReportPerson[] = [];
  const notMentored: ReportPerson[] = [];
  for (const person of index.people) {
    if (person.hireDate === null || person.hireDate < start || person.hireDate > end) continue;
    if (menteesInSelection.has(person.id)) mentored.push(person);
    else if (!menteesAnywhere.has(person.id)) notMentored.push(person);
  }
  return {
    asOf: index.today,
    mentored: retentionOf(MENTORED_LABEL, mentored, index.today),
    notMentored: retentionOf(NOT_MENTORED_LABEL, notMentored, index.today),
  };
}

/** Still employed `months` after hire: no leaving date, or leaving on or after that day. */
export function stillEmployedAfter(
  person: Pick<ReportPerson, 'hireDate' | 'leavingDate'>,
  months: number,
): boolean {
  if (person.hireDate === null) return false;
  const mark = markDate(person.hireDate, months);
  return person.leavingDate === null || person.leavingDate >= mark;
}

/** The day `months` after a hire date; 29 February plus 12 months is 28 February. */
export function markDate(hireDate: IsoDate, months: number): IsoDate {
  return addMonthsIso(hireDate, months);
}

function retentionOf(label: string, hires: ReportPerson[], asOf: IsoDate): RetentionGroup {
  return {
    label,
    hired: guardCount(hires.length),
    marks: RETENTION_MARKS.map((months) => {
      const eligible = hires.filter((person) => markDate(person.hireDate!, months) <= asOf);
      const retained = eligible.filter((person) => stillEmployedAfter(person, months)).length;
      const tooFew = eligible.length > 0 && eligible.length < SMALL_GROUP_MINIMUM;
      return {
        months,
        eligible: guardCount(eligible.length),
        retained: tooFew ? FEWER_THAN_5 : retained,
        rate: guardPercent(retained, eligible.length),
      };
    }),
  };
}
