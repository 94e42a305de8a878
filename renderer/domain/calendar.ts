import { addDays, differenceInCalendarDays, format, parse } from 'date-fns';
import type { IsoDate } from './types';

// Calendar dates are 'yyyy-MM-dd' strings read as local calendar days, so that day counts
// never shift by an hour's difference across a daylight-saving change.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Plain arithmetic: this runs for every row of large imports and backups.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= monthDays[month - 1]!;
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
