import { isIsoDate } from './calendar';
import type { IsoDate, IsoTimestamp } from './types';

// The one date style of the app, on every screen, in the report, its PDF and exports, and the letter.
// It follows the computer's locale: a US clinic reads "Nov 30, 2026", a UK one "30 Nov 2026".

/** undefined: the computer's locale. Tests pin one with setDisplayLocale. */
let displayLocale: string | undefined;
/** Per locale: one formatter, and each day written once (a report repeats the same few thousand days). */
const dayWriters = new Map<string, { formatter: Intl.DateTimeFormat; written: Map<IsoDate, string> }>();

/** Pins the locale dates are written in (tests, or a clinic setting); undefined follows the computer. */
export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = locale;
}

// A calendar day is written as that day in UTC, so neither the computer's time zone nor a change of
// it can move it.
function dayWriter(locale: string | undefined) {
  const key = locale ?? '';
  let writer = dayWriters.get(key);
  if (!writer) {
    const options = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } as const;
    writer = { formatter: new Intl.DateTimeFormat(locale, options), written: new Map() };
    dayWriters.set(key, writer);
  }
  return writer;
}

/** A calendar day for people to read: "Nov 30, 2026" (en-US), "30 Nov 2026" (en-GB); "—" for none. */
export function formatDisplayDate(date: IsoDate | null, locale = displayLocale): string {
  if (!date) return '—';
  const writer = dayWriter(locale);
  const known = writer.written.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date)) return date;
  // setUTCFullYear, not Date.UTC, which reads years below 100 as 19xx.
  const utcDay = new Date(0);
  utcDay.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const text = writer.formatter.format(utcDay);
  writer.written.set(date, text);
  return text;
}

/** A moment (backup time, report made at) in the same style with the time of day: "Nov 30, 2026, 5:11 PM". */
export function formatDisplayMoment(moment: IsoTimestamp, locale = displayLocale): string {
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return moment;
  // Not cached: a moment is read in the computer's time zone as it is now.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Two days as one span: "Jul 1, 2024 – Jun 30, 2025". */
export function formatDisplayRange(start: IsoDate, end: IsoDate, locale = displayLocale): string {
  return `${formatDisplayDate(start, locale)} – ${formatDisplayDate(end, locale)}`;
}
