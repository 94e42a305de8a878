import { addDays, addMonths, differenceInCalendarDays } from 'date-fns';
import type { IsoDate } from './types';

// The one home for calendar days. Dates are 'yyyy-MM-dd' strings read as local calendar days, so day
// counts never shift by an hour across a daylight-saving change. Reading goes by position, not through
// date-fns's pattern parser: reports, imports and backups read hundreds of thousands of dates.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month, `month` counted from 1 (January) to 12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether a year, month (1–12) and day name a real calendar day. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  return isCalendarDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

/** Local midnight of a stored 'yyyy-MM-dd' day. The string is trusted: use parseIsoDate for input. */
export function dayOf(date: IsoDate): Date {
  const day = new Date(2000, 0, 1);
  day.setFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return day;
}

/** Local midnight of a 'yyyy-MM-dd' day; throws a plain RangeError for anything else. */
export function parseIsoDate(value: IsoDate): Date {
  if (!isIsoDate(value))
    throw new RangeError(`"${value}" is not a date in the form year-month-day (2024-03-31).`);
  return dayOf(value);
}

export function toIsoDate(date: Date): IsoDate {
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return `${String(date.getFullYear()).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(dayOf(date), days));
}

/** The same day `months` later; a day the month lacks becomes its last day (29 Feb + 12 months → 28 Feb). */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  return toIsoDate(addMonths(dayOf(date), months));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(dayOf(to), dayOf(from));
}
