import { addDays, endOfQuarter, format, startOfQuarter, subQuarters, subYears } from 'date-fns';
import { isIsoDate, parseIsoDate, toIsoDate } from '../calendar';
import { formatDisplayRange } from '../date-format';
import type { IsoDate } from '../types';

// The period a report covers: both ends are included. A period never reaches past today, because
// meetings that have not happened yet cannot be expected of anyone.

export const PERIOD_KINDS = [
  'last-quarter',
  'last-12-months',
  'academic-year',
  'calendar-year',
  'custom',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  'last-quarter': 'Last quarter',
  'last-12-months': 'Last 12 months',
  'academic-year': 'Academic year (July–June)',
  'calendar-year': 'Calendar year',
  custom: 'Custom dates',
};

export type PeriodChoice =
  | { kind: 'last-quarter' }
  | { kind: 'last-12-months' }
  /** The academic year that starts on 1 July of `startYear`. */
  | { kind: 'academic-year'; startYear: number }
  | { kind: 'calendar-year'; year: number }
  | { kind: 'custom'; start: IsoDate; end: IsoDate };

export interface ReportPeriod {
  kind: PeriodKind;
  start: IsoDate;
  end: IsoDate;
  /** A name for people, e.g. "Academic year 2024–2025". */
  name: string;
  /** True when the period was cut short at today. */
  toDate: boolean;
}

export class PeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PeriodError';
  }
}

/** Turns the manager's choice into exact dates, or throws a PeriodError that says what to fix. */
export function resolvePeriod(choice: PeriodChoice, today: IsoDate): ReportPeriod {
  const now = parseIsoDate(today);
  switch (choice.kind) {
    case 'last-quarter': {
      const previous = subQuarters(now, 1);
      const start = toIsoDate(startOfQuarter(previous));
      const end = toIsoDate(endOfQuarter(previous));
      return finish(
        'last-quarter',
        start,
        end,
        `${quarterName(previous)} ${format(previous, 'yyyy')}`,
        today,
      );
    }
    case 'last-12-months':
      return finish(
        'last-12-months',
        toIsoDate(addDays(subYears(now, 1), 1)),
        today,
        'Last 12 months',
        today,
      );
    case 'academic-year': {
      const year = checkedYear(choice.startYear);
      return finish(
        'academic-year',
        `${year}-07-01`,
        `${year + 1}-06-30`,
        `Academic year ${year}–${year + 1}`,
        today,
      );
    }
    case 'calendar-year': {
      const year = checkedYear(choice.year);
      return finish('calendar-year', `${year}-01-01`, `${year}-12-31`, `Calendar year ${year}`, today);
    }
    case 'custom': {
      const problem = customPeriodProblem(choice.start, choice.end, today);
      if (problem) throw new PeriodError(problem);
      return finish('custom', choice.start, choice.end, 'Custom period', today);
    }
  }
}

/** What is wrong with custom dates, in plain words, or null when they make a period. */
export function customPeriodProblem(start: string, end: string, today: IsoDate): string | null {
  if (!start || !end) return 'Choose both a first and a last day for the period.';
  if (!isIsoDate(start)) return 'The first day is not a valid date.';
  if (!isIsoDate(end)) return 'The last day is not a valid date.';
  if (end < start) return 'The last day comes before the first day.';
  if (start > today) return 'The period starts in the future; choose a first day up to today.';
  return null;
}

/** The academic year (by its starting year) that contains `date`. */
export function academicYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year : year - 1;
}

/** "Jul 1, 2024 – Jun 30, 2025" on a US computer, "1 Jul 2024 – 30 Jun 2025" on a UK one. */
export function formatPeriodRange(period: Pick<ReportPeriod, 'start' | 'end'>): string {
  return formatDisplayRange(period.start, period.end);
}

function finish(kind: PeriodKind, start: IsoDate, end: IsoDate, name: string, today: IsoDate): ReportPeriod {
  if (start > today) throw new PeriodError(`${name} has not started yet; choose an earlier period.`);
  const toDate = end > today;
  return { kind, start, end: toDate ? today : end, name: toDate ? `${name} (to date)` : name, toDate };
}

function checkedYear(year: number): number {
  if (!Number.isInteger(year) || year < 1900 || year > 9998)
    throw new PeriodError('Choose a year between 1900 and 9998.');
  return year;
}

function quarterName(date: Date): string {
  return `Q${Math.floor(date.getMonth() / 3) + 1}`;
}
