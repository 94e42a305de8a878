import { describe, expect, it } from 'vitest';
import {
  achievedWithin,
  goalStatusOn,
  isGoalOverdue,
  latestStartWithoutPlan,
  planExpectedBy,
  smartSuggestions,
} from '../../renderer/domain/goals';
import type { GoalProgress, GoalStatus } from '../../renderer/domain/types';

// Hand-worked: a goal set on 31 January 2024 (a leap year), on track at the end of February, at risk on
// 31 March, achieved on 30 April. Its status is asked at each month end and the days around them.

function entry(date: string, status: GoalStatus, createdAt = `${date}T10:00:00.000Z`): GoalProgress {
  return {
    id: `${date}-${status}`,
    goalId: 'g',
    relationshipId: 'r',
    meetingId: null,
    date,
    status,
    note: '',
    createdAt,
  };
}

// Stored out of order on purpose: the history is read by date.
const HISTORY = [
  entry('2024-04-30', 'achieved'),
  entry('2024-01-31', 'not-started'),
  entry('2024-03-31', 'at-risk'),
  entry('2024-02-29', 'on-track'),
];

describe('a goal status over time', () => {
  it.each([
    ['2024-01-30', null],
    ['2024-01-31', 'not-started'],
    ['2024-02-28', 'not-started'],
    ['2024-02-29', 'on-track'],
    ['2024-03-01', 'on-track'],
    ['2024-03-30', 'on-track'],
    ['2024-03-31', 'at-risk'],
    ['2024-04-29', 'at-risk'],
    ['2024-04-30', 'achieved'],
    ['2025-01-01', 'achieved'],
  ])('on %s it is %s', (day, status) => {
    expect(goalStatusOn(HISTORY, day)).toBe(status);
  });

  it('two entries of one day: the one recorded later counts', () => {
    const sameDay = [
      entry('2024-03-31', 'achieved', '2024-03-31T15:00:00.000Z'),
      entry('2024-03-31', 'at-risk', '2024-03-31T09:00:00.000Z'),
    ];
    expect(goalStatusOn(sameDay, '2024-03-31')).toBe('achieved');
  });
});

describe('when a goal was achieved', () => {
  it('counts in the month it was achieved, not the month before or after', () => {
    expect(achievedWithin(HISTORY, '2024-04-01', '2024-04-30')).toBe('2024-04-30');
    expect(achievedWithin(HISTORY, '2024-03-01', '2024-03-31')).toBeNull();
    expect(achievedWithin(HISTORY, '2024-05-01', '2024-05-31')).toBeNull();
  });

  it('an achieved goal confirmed again later is achieved once, on the first day', () => {
    const confirmed = [...HISTORY, entry('2024-05-15', 'achieved')];
    expect(achievedWithin(confirmed, '2024-05-01', '2024-05-31')).toBeNull();
    expect(achievedWithin(confirmed, '2024-01-01', '2024-12-31')).toBe('2024-04-30');
  });

  it('reopened and achieved again, it is achieved again in the later period', () => {
    const reopened = [...HISTORY, entry('2024-06-03', 'at-risk'), entry('2024-07-01', 'achieved')];
    expect(achievedWithin(reopened, '2024-07-01', '2024-07-31')).toBe('2024-07-01');
  });
});

describe('overdue goals and pairs without a plan', () => {
  it('a goal is overdue the day after its target date, unless achieved or dropped', () => {
    expect(isGoalOverdue({ status: 'on-track', targetDate: '2024-02-29' }, '2024-02-29')).toBe(false);
    expect(isGoalOverdue({ status: 'on-track', targetDate: '2024-02-29' }, '2024-03-01')).toBe(true);
    expect(isGoalOverdue({ status: 'not-started', targetDate: '2024-02-29' }, '2024-03-01')).toBe(true);
    expect(isGoalOverdue({ status: 'achieved', targetDate: '2024-02-29' }, '2024-03-01')).toBe(false);
    expect(isGoalOverdue({ status: 'dropped', targetDate: '2024-02-29' }, '2024-03-01')).toBe(false);
    expect(isGoalOverdue({ status: 'at-risk', targetDate: null }, '2024-03-01')).toBe(false);
  });

  it('a plan is expected a month after the start; a start on the 31st expects it at the month end', () => {
    expect(planExpectedBy({ startDate: '2024-01-31' })).toBe('2024-02-29');
    expect(planExpectedBy({ startDate: '2023-01-31' })).toBe('2023-02-28');
    expect(planExpectedBy({ startDate: '2024-03-15' })).toBe('2024-04-15');
    expect(latestStartWithoutPlan('2024-03-31')).toBe('2024-02-29');
  });
});

describe('SMART suggestions', () => {
  it('suggest what looks missing, never block', () => {
    expect(smartSuggestions({ title: 'Sutures', details: '', targetDate: null })).toHaveLength(3);
    expect(
      smartSuggestions({
        title: 'Close simple lacerations alone in clinic',
        details: 'Five, checked',
        targetDate: '2024-05-01',
      }),
    ).toEqual([]);
  });
});
