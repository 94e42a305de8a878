import { addDays, format, isExists, isValid, parse } from 'date-fns';

// Dates as clinics' files write them. Year-first (2019-03-15) and Excel serial numbers (43539) say
// which part is which; 03/15/2019 and 15.03.2019 do not, so the order is read from the whole column:
// a column holding 15/03/2019 is day first throughout. Only when every value of a column reads both
// ways (03/04/2019, 11/12/2020) is the manager asked.

/** How a column's day/month/year dates are ordered. */
export type DateOrder = 'day-first' | 'month-first';

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  'day-first': 'Day first (15/03/2019 is 15 March 2019)',
  'month-first': 'Month first (03/15/2019 is March 15, 2019)',
};

/** Years outside this range are typing mistakes (0202, 20024) rather than real hire or leaving dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

// Excel counts days from 30 Dec 1899 (its leap-day bug only touches serials before 1 March 1900).
// Five digits cover 1927-05-18 to 2173; a bare year such as 2019 is never taken for a serial.
const SERIAL = /^\d{5}(\.\d+)?$/;
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
// A time of day that some exports append ("2019-03-15 00:00:00", "3/15/2019 12:00 AM").
const TIME_OF_DAY = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?Z?$/;

// Two-digit years are read within 50 years of 2000: 19 is 2019, 75 is 1975.
const REFERENCE = new Date(2000, 0, 1);

function stripTime(raw: string): string {
  return raw.trim().replace(TIME_OF_DAY, '').trim();
}

function isoOf(date: Date): string | null {
  if (!isValid(date)) return null;
  const year = date.getFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return format(date, 'yyyy-MM-dd');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A day/month/year value read in the given order as yyyy-MM-dd, or null when it is no real date. */
function readDayMonthYear(value: string, order: DateOrder): string | null {
  const match = DAY_MONTH_YEAR.exec(value);
  if (!match) return null;
  const [, first, , second, yearText] = match;
  const [day, month] = (order === 'day-first' ? [first, second] : [second, first]).map(Number);
  // Two-digit years take date-fns' century rule; four-digit years are checked with isExists, which is
  // far quicker than parse for a column of thousands of dates read both ways.
  const year = yearText.length === 2 ? parse(yearText, 'yy', REFERENCE).getFullYear() : Number(yearText);
  if (!isExists(year, month - 1, day) || year < MIN_YEAR || year > MAX_YEAR) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Whether a value is written day/month/year or month/day/year, the only forms whose order is in doubt. */
function isOrderDependent(value: string): boolean {
  return DAY_MONTH_YEAR.test(value);
}

/** What the column's values say about their order. */
export interface DateColumnFinding {
  /** The order the whole column fits, or the one most values fit; null when no value depends on it. */
  order: DateOrder | null;
  /** Every order-dependent value reads both ways: only the manager can say. */
  ambiguous: boolean;
  /** An order-dependent value, to show the manager when asking. */
  example: string | null;
}

export function findDateOrder(values: readonly string[]): DateColumnFinding {
  const dependent = values.map(stripTime).filter(isOrderDependent);
  if (dependent.length === 0) return { order: null, ambiguous: false, example: null };
  const fitsDayFirst = dependent.filter((value) => readDayMonthYear(value, 'day-first')).length;
  const fitsMonthFirst = dependent.filter((value) => readDayMonthYear(value, 'month-first')).length;
  const example = dependent.find((value) => !/^(\d{1,2})\D\1\D/.test(value)) ?? dependent[0];
  if (fitsDayFirst === dependent.length && fitsMonthFirst === dependent.length)
    return { order: null, ambiguous: true, example };
  return { order: fitsMonthFirst > fitsDayFirst ? 'month-first' : 'day-first', ambiguous: false, example };
}

export type DateCell = { ok: true; value: string | null } | { ok: false; reason: string };

/**
 * Reads one date cell as yyyy-MM-dd. `order` is the column's order; null means the column has no
 * order-dependent value, or that the manager has not yet said which it is.
 */
export function readRosterDate(raw: string, label: string, order: DateOrder | null): DateCell {
  const value = stripTime(raw);
  if (!value) return { ok: true, value: null };
  const shown = raw.trim();
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) {
    const date = parse(`${yearFirst[1]}-${yearFirst[2]}-${yearFirst[3]}`, 'yyyy-M-d', REFERENCE);
    if (!isValid(date)) return { ok: false, reason: `${label} “${shown}” is not a real calendar date.` };
    const iso = isoOf(date);
    if (!iso) return { ok: false, reason: `${label} “${shown}” has an unlikely year; please check it.` };
    return { ok: true, value: iso };
  }
  if (SERIAL.test(value)) {
    const iso = isoOf(addDays(new Date(1899, 11, 30), Math.floor(Number(value))));
    if (!iso) return { ok: false, reason: `${label} “${shown}” has an unlikely year; please check it.` };
    return { ok: true, value: iso };
  }
  if (isOrderDependent(value)) {
    if (!order)
      return {
        ok: false,
        reason: `${label} “${shown}” could be day first or month first; say which under “Match the values”.`,
      };
    const iso = readDayMonthYear(value, order);
    if (iso) return { ok: true, value: iso };
    const other: DateOrder = order === 'day-first' ? 'month-first' : 'day-first';
    const otherIso = readDayMonthYear(value, other);
    const form = order === 'day-first' ? 'day/month/year' : 'month/day/year';
    return {
      ok: false,
      reason: otherIso
        ? `${label} “${shown}” is not a date when read ${form} like the rest of the column; is it ${otherIso}?`
        : `${label} “${shown}” is not a real calendar date (read ${form}).`,
    };
  }
  return {
    ok: false,
    reason: `${label} “${shown}” is not a date we can read; write it like 2019-03-15, 15/03/2019 or 03/15/2019.`,
  };
}
