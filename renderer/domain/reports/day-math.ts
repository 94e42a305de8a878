import { addDays, addMonths, differenceInCalendarDays } from 'date-fns';
import type { IsoDate } from '../types';

// Date math for reports, which handle hundreds of thousands of dates: the 'yyyy-MM-dd' strings are read
// by position rather than through date-fns's pattern parser (which re-reads the pattern on every call);
// the arithmetic itself is date-fns's, on local calendar days.

/** A 'yyyy-MM-dd' string as local midnight of that day. The string is trusted: it comes from stored records. */
export function dayOf(date: IsoDate): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function isoOf(date: Date): IsoDate {
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return `${String(date.getFullYear()).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysFrom(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(dayOf(to), dayOf(from));
}

export function shiftDays(date: IsoDate, days: number): IsoDate {
  return isoOf(addDays(dayOf(date), days));
}

/** The same day `months` later; a day the month lacks becomes its last day (29 Feb + 12 months → 28 Feb). */
export function shiftMonths(date: IsoDate, months: number): IsoDate {
  return isoOf(addMonths(dayOf(date), months));
}
