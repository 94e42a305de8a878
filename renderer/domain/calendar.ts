import type { IsoDate } from './types';

// The one home for calendar days. Dates are 'yyyy-MM-dd' strings read as calendar days, so day counts never
// shift by an hour across a daylight-saving change. Reading goes by position, not through a pattern parser,
// and the arithmetic (days between, days or months added) is done on day numbers, with no Date and no time
// zone: reports, imports and backups do it hundreds of thousands of times.

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
  return isoOf(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + Math.trunc(days));
}

/** The same day `months` later; a day the month lacks becomes its last day (29 Feb + 12 months → 28 Feb). */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  const counted = digits(date, 0, 4) * 12 + digits(date, 5, 2) - 1 + Math.trunc(months);
  const year = Math.floor(counted / 12);
  const month = counted - year * 12 + 1;
  return isoOf(year, month, Math.min(digits(date, 8, 2), daysInMonth(year, month)));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The day's number counted from 1 January 1970 (the proleptic Gregorian calendar, as Date counts): two
 * days' numbers differ by the days between them. The string is trusted, as in dayOf.
 */
export function dayNumber(date: IsoDate): number {
  const month = digits(date, 5, 2);
  // Counted from 1 March, so that a leap day is the last of its year.
  const year = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digits(date, 8, 2) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The 'yyyy-MM-dd' day of a day number (see dayNumber). */
export function dateOfDayNumber(days: number): IsoDate {
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return isoOf(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** The number written at `start` over `length` decimal digits. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let at = start; at < start + length; at++) value = value * 10 + text.charCodeAt(at) - 48;
  return value;
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
