import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';
import type { IsoDate } from './types';

// Calendar dates are 'yyyy-MM-dd' strings read as local calendar days, so that day counts
// never shift by an hour's difference across a daylight-saving change.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

export function parseIsoDate(value: IsoDate): Date {
  if (!isIsoDate(value))
    throw new RangeError(`"${value}" is not a date in the form year-month-day (2024-03-31).`);
  return parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

export function toIsoDate(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(parseIsoDate(date), days));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseIsoDate(to), parseIsoDate(from));
}

/** A date for people to read, e.g. "31 Mar 2024". */
export function formatDisplayDate(date: IsoDate | null): string {
  if (!date) return '—';
  return format(parseIsoDate(date), 'd MMM yyyy');
}
