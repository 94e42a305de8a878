import { addDaysIso, addMonthsIso, daysBetween } from '../domain/calendar';
import type { IsoDate } from '../domain/types';

// The generator counts calendar days as whole numbers (0 is 1970-01-01), so its arithmetic is plain
// addition; the calendar itself (month lengths, leap years) is domain/calendar's. Both directions are
// remembered: even the large clinic uses only a few thousand distinct days across 200,000 meetings.

const DAY_ZERO: IsoDate = '1970-01-01';
const isoByDayNumber = new Map<number, IsoDate>();
const dayNumberByIso = new Map<IsoDate, number>();

export function toDayNumber(iso: IsoDate): number {
  let day = dayNumberByIso.get(iso);
  if (day === undefined) {
    day = daysBetween(DAY_ZERO, iso);
    dayNumberByIso.set(iso, day);
  }
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  let iso = isoByDayNumber.get(day);
  if (iso === undefined) {
    iso = addDaysIso(DAY_ZERO, day);
    isoByDayNumber.set(day, iso);
  }
  return iso;
}

/** The same day `months` later, as domain/calendar counts months (31 Jan + 1 month → 28 or 29 Feb). */
export function addMonthsToDay(day: number, months: number): number {
  return toDayNumber(addMonthsIso(fromDayNumber(day), months));
}

/** A record timestamp on that day. */
export const stamp = (day: number, time = '12:00:00.000Z'): string => `${fromDayNumber(day)}T${time}`;
