import { addMonths } from 'date-fns';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysOverdue, nextMeetingDue } from '../../renderer/domain/cadence';
import {
  addDaysIso,
  addMonthsIso,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  todayIso,
  toIsoDate,
} from '../../renderer/domain/calendar';
import { formatDisplayDate } from '../../renderer/domain/date-format';

// Node re-reads process.env.TZ whenever it is assigned, so each block below runs its dates in the
// named zone; the original zone is put back afterwards.
function runInTimeZone(zone: string): void {
  let previous: string | undefined;
  beforeAll(() => {
    previous = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });
}

/** The next calendar day computed on UTC midnights, independently of date-fns and of the local zone. */
function nextDayByUtc(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function everyDayOf(year: number): string[] {
  const days: string[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = nextDayByUtc(day)) days.push(day);
  return days;
}

describe('reading and writing calendar dates', () => {
  it('accepts real year-month-day dates, including 29 February in a leap year', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-12-31')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('refuses dates that do not exist or are written another way', () => {
    for (const bad of [
      '2023-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '1900-02-29',
      '31/01/2024',
      '01/31/2024',
      '2024-1-5',
      '2024-01-05T00:00:00Z',
      ' 2024-01-05',
      '',
    ])
      expect(isIsoDate(bad), bad).toBe(false);
  });

  it('explains the expected format when asked to read a date that is not one', () => {
    expect(() => parseIsoDate('31/01/2024')).toThrow(/year-month-day \(2024-03-31\)/);
    expect(() => parseIsoDate('2024-02-30')).toThrow(/"2024-02-30" is not a date/);
  });
});

describe('day arithmetic across month ends and leap years', () => {
  it('adds 30 days to 31 January landing on 1 March in a leap year and 2 March otherwise', () => {
    expect(addDaysIso('2024-01-31', 30)).toBe('2024-03-01');
    expect(addDaysIso('2023-01-31', 30)).toBe('2023-03-02');
  });

  it('moves from the last day of one month to the first of the next', () => {
    expect(addDaysIso('2024-04-30', 1)).toBe('2024-05-01');
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDaysIso('2023-03-01', -1)).toBe('2023-02-28');
  });

  it('counts February as 29 days in 2024 and 28 in 2023', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2023-02-28', 1)).toBe('2023-03-01');
  });

  it('counts a year containing 29 February as 366 days', () => {
    expect(daysBetween('2023-03-01', '2024-03-01')).toBe(366);
    expect(daysBetween('2024-03-01', '2025-03-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2023-01-01', '2023-12-31')).toBe(364);
  });

  it('gives a negative count when the second date is earlier', () => {
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2024-05-05', '2024-05-05')).toBe(0);
  });
});

const ZONES_WITH_DAYLIGHT_SAVING = [
  // Springs forward on 10 March 2024 and falls back on 3 November 2024.
  { zone: 'America/New_York', spring: '2024-03-10', autumn: '2024-11-03' },
  // Springs forward on 31 March 2024 and falls back on 27 October 2024.
  { zone: 'Europe/London', spring: '2024-03-31', autumn: '2024-10-27' },
  // Midnight itself does not exist on 8 September 2024: clocks jump from 00:00 to 01:00.
  { zone: 'America/Santiago', spring: '2024-09-08', autumn: '2024-04-07' },
  // Half-hour shifts, in the southern hemisphere.
  { zone: 'Australia/Lord_Howe', spring: '2024-10-06', autumn: '2024-04-07' },
];

describe.each(ZONES_WITH_DAYLIGHT_SAVING)(
  'day counts in $zone stay whole days',
  ({ zone, spring, autumn }) => {
    runInTimeZone(zone);

    it('really runs in a zone whose clock offset changes during the year', () => {
      expect(new Date(2024, 0, 15).getTimezoneOffset()).not.toBe(new Date(2024, 6, 15).getTimezoneOffset());
    });

    it('counts exactly one day across the switch in each direction', () => {
      for (const change of [spring, autumn]) {
        const before = addDaysIso(change, -1);
        const after = addDaysIso(change, 1);
        expect(daysBetween(before, change)).toBe(1);
        expect(daysBetween(change, after)).toBe(1);
        expect(daysBetween(before, after)).toBe(2);
        expect(after).toBe(nextDayByUtc(change));
      }
    });

    it('steps through every day of 2024 one calendar day at a time', () => {
      for (const day of everyDayOf(2024)) {
        const next = addDaysIso(day, 1);
        expect(next, `the day after ${day}`).toBe(nextDayByUtc(day));
        expect(daysBetween(day, next), `days from ${day} to ${next}`).toBe(1);
        expect(isIsoDate(day), day).toBe(true);
        expect(formatDisplayDate(day, 'en-GB').endsWith(` ${day.slice(0, 4)}`)).toBe(true);
      }
      expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    });

    it('adds n days and counts back exactly n, for any date and any n', () => {
      const anyDate = fc
        .date({
          min: new Date(Date.UTC(1990, 0, 1)),
          max: new Date(Date.UTC(2060, 11, 31)),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10));
      fc.assert(
        fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (start, days) => {
          const end = addDaysIso(start, days);
          expect(isIsoDate(end)).toBe(true);
          expect(daysBetween(start, end)).toBe(days);
          expect(addDaysIso(end, -days)).toBe(start);
        }),
        { numRuns: 300 },
      );
    });

    it('keeps a two-week cadence due on the same calendar day across the switch', () => {
      const lastMeetingDate = addDaysIso(spring, -7);
      const due = nextMeetingDue({ startDate: '2024-01-01', lastMeetingDate }, { cadenceDays: 14 });
      expect(due).toBe(addDaysIso(spring, 7));
      expect(daysBetween(lastMeetingDate, due)).toBe(14);
      expect(daysOverdue({ startDate: '2024-01-01', lastMeetingDate }, { cadenceDays: 14 }, due)).toBe(0);
      expect(
        daysOverdue({ startDate: '2024-01-01', lastMeetingDate }, { cadenceDays: 14 }, addDaysIso(due, 1)),
      ).toBe(1);
    });
  },
);

describe("today's date follows the local clock", () => {
  runInTimeZone('America/New_York');

  it('is still the previous day late in the evening in New York, when UTC has moved on', () => {
    // 03:30 UTC on 10 March is 22:30 on 9 March in New York.
    expect(todayIso(new Date('2024-03-10T03:30:00Z'))).toBe('2024-03-09');
    // 04:30 UTC on 3 November is 00:30 on 3 November, during the repeated hour's day.
    expect(todayIso(new Date('2024-11-03T04:30:00Z'))).toBe('2024-11-03');
  });
});

describe('the one calendar', () => {
  it('knows leap years by the Gregorian rule', () => {
    expect([2024, 2000, 1600].map(isLeapYear)).toEqual([true, true, true]);
    expect([2023, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('gives each month its length, February by the year', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect([1, 3, 4, 6, 9, 11, 12].map((month) => daysInMonth(2023, month))).toEqual([
      31, 31, 30, 30, 30, 30, 31,
    ]);
  });

  it('reads years before 100 as themselves, not as the 1900s', () => {
    expect(parseIsoDate('0024-03-01').getFullYear()).toBe(24);
    expect(addDaysIso('0024-02-28', 1)).toBe('0024-02-29');
  });

  it('moves a day a month lacks to the last day of the month', () => {
    expect(addMonthsIso('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2024-03-15', -6)).toBe('2023-09-15');
  });
});

describe('day numbers agree with the calendar of Date', () => {
  const anyDay = fc
    .date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  it('numbers each day as the days since 1 January 1970, and writes a number back as its day', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dateOfDayNumber(dayNumber('1900-03-01') - 1)).toBe('1900-02-28');
    fc.assert(
      fc.property(anyDay, (day) => {
        const [year, month, date] = day.split('-').map(Number);
        const utc = new Date(0);
        utc.setUTCFullYear(year, month - 1, date);
        expect(dayNumber(day)).toBe(utc.getTime() / 86_400_000);
        expect(dateOfDayNumber(dayNumber(day))).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds months as date-fns does on local days, any day and any number of months', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -2400, max: 2400 }), (day, months) => {
        const expected = addMonths(parseIsoDate(day), months);
        if (expected.getFullYear() < 1 || expected.getFullYear() > 9999) return;
        expect(addMonthsIso(day, months)).toBe(toIsoDate(expected));
      }),
      { numRuns: 2000 },
    );
  });
});
