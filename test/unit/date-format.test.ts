import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDisplayDate,
  formatDisplayMoment,
  formatDisplayRange,
  setDisplayLocale,
} from '../../renderer/domain/date-format';
import { formatPeriodRange } from '../../renderer/domain/reports/period';

// One date style everywhere, in the computer's locale: the same day reads the US way on a US
// computer and the UK way on a UK one, on screens, reports and backups alike.

afterEach(() => setDisplayLocale(undefined));

describe('dates for people to read', () => {
  it('a US computer writes "Nov 30, 2026", a UK one "30 Nov 2026"', () => {
    expect(formatDisplayDate('2026-11-30', 'en-US')).toBe('Nov 30, 2026');
    expect(formatDisplayDate('2026-11-30', 'en-GB')).toBe('30 Nov 2026');
    expect(formatDisplayDate('2024-02-29', 'en-GB')).toBe('29 Feb 2024');
    expect(formatDisplayDate('2025-01-05', 'en-US')).toBe('Jan 5, 2025');
    expect(formatDisplayDate(null, 'en-US')).toBe('—');
  });

  it('a backup time reads in the same style with the time of day, not "November 30, 2026 at 5:11 PM"', () => {
    // A local time, so the test reads the same in every time zone.
    const moment = new Date(2026, 10, 30, 17, 11).toISOString();
    expect(formatDisplayMoment(moment, 'en-US')).toBe('Nov 30, 2026, 5:11 PM');
    expect(formatDisplayMoment(moment, 'en-GB')).toBe('30 Nov 2026, 17:11');
  });

  it('a period reads as two days in that style', () => {
    expect(formatDisplayRange('2024-07-01', '2025-06-30', 'en-US')).toBe('Jul 1, 2024 – Jun 30, 2025');
    setDisplayLocale('en-GB');
    expect(formatPeriodRange({ start: '2024-07-01', end: '2025-06-30' })).toBe('1 Jul 2024 – 30 Jun 2025');
    setDisplayLocale('en-US');
    expect(formatPeriodRange({ start: '2024-07-01', end: '2025-06-30' })).toBe('Jul 1, 2024 – Jun 30, 2025');
  });

  it('follows the computer’s locale when none is pinned', () => {
    const computer = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
    expect(formatDisplayDate('2026-11-30')).toBe(computer.format(new Date(2026, 10, 30)));
  });
});
