import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeDaysWithin,
  activeSpans,
  endingWithin,
  firstActiveDate,
  statusOn,
} from '../../renderer/domain/reports/pair-status';
import type { RelationshipStatus } from '../../renderer/domain/types';

function pairWith(history: [RelationshipStatus, string][]) {
  return {
    status: history[history.length - 1][0],
    startDate: history[0][1],
    statusHistory: history.map(([status, date]) => ({ status, date })),
  };
}

describe('a pair’s status on any date', () => {
  const paused = pairWith([
    ['proposed', '2024-01-10'],
    ['active', '2024-02-01'],
    ['paused', '2024-03-01'],
    ['active', '2024-04-01'],
    ['completed', '2024-05-01'],
  ]);

  it('follows the history, each change taking effect on its own date', () => {
    expect(statusOn(paused, '2024-01-09')).toBeNull();
    expect(statusOn(paused, '2024-01-10')).toBe('proposed');
    expect(statusOn(paused, '2024-02-29')).toBe('active');
    expect(statusOn(paused, '2024-03-01')).toBe('paused');
    expect(statusOn(paused, '2024-04-30')).toBe('active');
    expect(statusOn(paused, '2024-05-01')).toBe('completed');
    expect(statusOn(paused, '2030-01-01')).toBe('completed');
  });

  it('counts active days without the pause, with 29 days in February 2024', () => {
    // February (29) + April (30).
    expect(activeDaysWithin(paused, '2024-01-01', '2024-12-31')).toBe(59);
    expect(activeSpans(paused, '2024-02-15', '2024-04-10')).toEqual([
      { start: '2024-02-15', end: '2024-02-29' },
      { start: '2024-04-01', end: '2024-04-10' },
    ]);
    // February 2023 has 28 days.
    const lastYear = pairWith([
      ['active', '2023-02-01'],
      ['completed', '2023-03-01'],
    ]);
    expect(activeDaysWithin(lastYear, '2023-01-01', '2023-12-31')).toBe(28);
  });

  it('reads a history recorded out of order, and lets the last change of a day win', () => {
    const muddled = pairWith([
      ['active', '2024-03-01'],
      ['paused', '2024-02-01'],
    ]);
    muddled.statusHistory = [
      { status: 'paused', date: '2024-03-10' },
      { status: 'active', date: '2024-03-01' },
    ];
    expect(statusOn(muddled, '2024-03-05')).toBe('active');
    expect(activeDaysWithin(muddled, '2024-01-01', '2024-12-31')).toBe(9);

    const sameDay = pairWith([
      ['active', '2024-03-01'],
      ['ended-early', '2024-03-01'],
    ]);
    expect(statusOn(sameDay, '2024-03-01')).toBe('ended-early');
    expect(activeDaysWithin(sameDay, '2024-01-01', '2024-12-31')).toBe(0);
  });

  it('knows when a pair first became active and when it ended', () => {
    expect(firstActiveDate(paused)).toBe('2024-02-01');
    expect(endingWithin(paused, '2024-01-01', '2024-06-30')).toEqual({
      status: 'completed',
      date: '2024-05-01',
    });
    expect(endingWithin(paused, '2024-01-01', '2024-04-30')).toBeNull();
    expect(firstActiveDate(pairWith([['proposed', '2024-01-01']]))).toBeNull();
  });
});

describe('active days, checked day by day', () => {
  const statuses: RelationshipStatus[] = ['proposed', 'active', 'paused', 'completed', 'ended-early'];
  const dayOffset = fc.integer({ min: 0, max: 900 });
  const isoFromOffset = (offset: number) => format(addDays(new Date(2023, 0, 1), offset), 'yyyy-MM-dd');

  it('equals the number of days statusOn says "active", for any history and period', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...statuses), dayOffset), { minLength: 1, maxLength: 6 }),
        dayOffset,
        fc.integer({ min: 0, max: 400 }),
        (changes, from, length) => {
          const history = changes
            .map(([status, offset]) => ({ status, date: isoFromOffset(offset) }))
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
          const pair = {
            status: history[history.length - 1].status,
            startDate: history[0].date,
            statusHistory: history,
          };
          const start = isoFromOffset(from);
          const end = isoFromOffset(from + length);
          let counted = 0;
          for (let day = 0; day <= length; day++)
            if (statusOn(pair, isoFromOffset(from + day)) === 'active') counted++;
          expect(activeDaysWithin(pair, start, end)).toBe(counted);
        },
      ),
      { numRuns: 200 },
    );
  });
});
