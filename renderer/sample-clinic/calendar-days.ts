import { addMonths } from 'date-fns';
import { parseIsoDate, toIsoDate } from '../domain/calendar';
import type { IsoDate } from '../domain/types';

// Calendar days as whole numbers (days since 1970-01-01), so 200,000 meetings need no Date objects.
// Counted in UTC, which has no daylight-saving shifts: the same calendar days as domain/dates.ts.

const DAY_MS = 86_400_000;
const isoCache = new Map<number, IsoDate>();

export function dayOf(iso: IsoDate): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoOf(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

export function addMonthsDay(day: number, months: number): number {
  return dayOf(toIsoDate(addMonths(parseIsoDate(isoOf(day)), months)));
}

export const stamp = (day: number, time = '12:00:00.000Z'): string => `${isoOf(day)}T${time}`;
