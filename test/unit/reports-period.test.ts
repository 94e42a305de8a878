import { describe, expect, it } from 'vitest';
import { setDisplayLocale } from '../../renderer/domain/date-format';
import {
  academicYearOf,
  customPeriodProblem,
  formatPeriodRange,
  PeriodError,
  resolvePeriod,
} from '../../renderer/domain/reports/period';

describe('report periods', () => {
  it('last quarter is the whole calendar quarter before today', () => {
    expect(resolvePeriod({ kind: 'last-quarter' }, '2024-03-15')).toMatchObject({
      start: '2023-10-01',
      end: '2023-12-31',
      name: 'Q4 2023',
      toDate: false,
    });
    expect(resolvePeriod({ kind: 'last-quarter' }, '2024-07-01')).toMatchObject({
      start: '2024-04-01',
      end: '2024-06-30',
      name: 'Q2 2024',
    });
  });

  it('last 12 months ends today and starts the day after the same date a year ago, across 29 February', () => {
    expect(resolvePeriod({ kind: 'last-12-months' }, '2024-02-29')).toMatchObject({
      start: '2023-03-01',
      end: '2024-02-29',
    });
    expect(resolvePeriod({ kind: 'last-12-months' }, '2025-06-15')).toMatchObject({
      start: '2024-06-16',
      end: '2025-06-15',
    });
  });

  it('an academic year runs from 1 July to 30 June, cut at today while it is under way', () => {
    expect(resolvePeriod({ kind: 'academic-year', startYear: 2023 }, '2025-01-01')).toMatchObject({
      start: '2023-07-01',
      end: '2024-06-30',
      name: 'Academic year 2023–2024',
      toDate: false,
    });
    expect(resolvePeriod({ kind: 'academic-year', startYear: 2024 }, '2024-11-25')).toMatchObject({
      start: '2024-07-01',
      end: '2024-11-25',
      name: 'Academic year 2024–2025 (to date)',
      toDate: true,
    });
    expect(academicYearOf('2024-06-30')).toBe(2023);
    expect(academicYearOf('2024-07-01')).toBe(2024);
  });

  it('a calendar year is 1 January to 31 December', () => {
    expect(resolvePeriod({ kind: 'calendar-year', year: 2024 }, '2025-02-01')).toMatchObject({
      start: '2024-01-01',
      end: '2024-12-31',
      name: 'Calendar year 2024',
    });
  });

  it('custom dates are checked and explained in plain words', () => {
    expect(
      resolvePeriod({ kind: 'custom', start: '2024-02-01', end: '2024-02-29' }, '2024-12-01'),
    ).toMatchObject({
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(customPeriodProblem('2024-03-01', '2024-02-01', '2024-12-01')).toBe(
      'The last day comes before the first day.',
    );
    expect(customPeriodProblem('2023-02-29', '2023-03-01', '2024-12-01')).toBe(
      'The first day is not a valid date.',
    );
    expect(customPeriodProblem('', '2023-03-01', '2024-12-01')).toMatch(/both a first and a last day/);
    expect(() =>
      resolvePeriod({ kind: 'custom', start: '2025-01-01', end: '2025-02-01' }, '2024-12-01'),
    ).toThrow(PeriodError);
  });

  it('a year that has not begun is refused', () => {
    expect(() => resolvePeriod({ kind: 'calendar-year', year: 2026 }, '2025-12-31')).toThrow(
      /has not started yet/,
    );
  });

  it('reads as a date range for people, in the computer’s date style', () => {
    setDisplayLocale('en-GB');
    expect(formatPeriodRange({ start: '2024-01-01', end: '2024-06-30' })).toBe('1 Jan 2024 – 30 Jun 2024');
    setDisplayLocale('en-US');
    expect(formatPeriodRange({ start: '2024-01-01', end: '2024-06-30' })).toBe('Jan 1, 2024 – Jun 30, 2024');
    setDisplayLocale(undefined);
  });
});
