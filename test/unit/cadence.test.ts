import { describe, expect, it } from 'vitest';
import {
  daysOverdue,
  daysWithoutMeeting,
  meetingClockStart,
  nextMeetingDue,
  QUIET_AFTER_DAYS,
} from '../../renderer/domain/cadence';

const fortnightly = { cadenceDays: 14 };
const monthly = { cadenceDays: 30 };

describe('when the next meeting is due', () => {
  it("is the program's cadence after the last meeting", () => {
    expect(nextMeetingDue({ startDate: '2024-01-02', lastMeetingDate: '2024-05-06' }, fortnightly)).toBe(
      '2024-05-20',
    );
  });

  it('counts from the start of the pairing when the pair has not met yet', () => {
    expect(nextMeetingDue({ startDate: '2024-05-06', lastMeetingDate: null }, fortnightly)).toBe(
      '2024-05-20',
    );
    expect(daysOverdue({ startDate: '2024-05-06', lastMeetingDate: null }, fortnightly, '2024-05-25')).toBe(
      5,
    );
  });

  it('lands on 1 March 2024 but 2 March 2023 for a 30-day cadence from 31 January', () => {
    expect(nextMeetingDue({ startDate: '2024-01-01', lastMeetingDate: '2024-01-31' }, monthly)).toBe(
      '2024-03-01',
    );
    expect(nextMeetingDue({ startDate: '2023-01-01', lastMeetingDate: '2023-01-31' }, monthly)).toBe(
      '2023-03-02',
    );
  });

  it('runs from a meeting held on 29 February like from any other day', () => {
    expect(nextMeetingDue({ startDate: '2024-01-01', lastMeetingDate: '2024-02-29' }, fortnightly)).toBe(
      '2024-03-14',
    );
    expect(
      nextMeetingDue({ startDate: '2024-01-01', lastMeetingDate: '2024-02-29' }, { cadenceDays: 365 }),
    ).toBe('2025-02-28');
  });

  it('crosses the end of the year', () => {
    expect(nextMeetingDue({ startDate: '2024-01-01', lastMeetingDate: '2024-12-20' }, fortnightly)).toBe(
      '2025-01-03',
    );
  });
});

describe('how many days overdue a pair is', () => {
  const pair = { startDate: '2024-01-01', lastMeetingDate: '2024-01-31' };

  it('is zero before and on the due date, then one per day after it', () => {
    expect(daysOverdue(pair, monthly, '2024-02-15')).toBe(0);
    expect(daysOverdue(pair, monthly, '2024-03-01')).toBe(0);
    expect(daysOverdue(pair, monthly, '2024-03-02')).toBe(1);
    expect(daysOverdue(pair, monthly, '2024-03-31')).toBe(30);
  });

  it('counts the leap day when a pair is overdue across February', () => {
    const late = { startDate: '2024-01-01', lastMeetingDate: '2024-01-15' };
    // Due 29 January; on 1 March that is 2 days of January + 29 of February + 1 of March.
    expect(daysOverdue(late, fortnightly, '2024-03-01')).toBe(32);
    const lateIn2023 = { startDate: '2023-01-01', lastMeetingDate: '2023-01-15' };
    expect(daysOverdue(lateIn2023, fortnightly, '2023-03-01')).toBe(31);
  });

  it('is never negative for a pair that met recently', () => {
    expect(
      daysOverdue({ startDate: '2024-01-01', lastMeetingDate: '2024-06-10' }, monthly, '2024-06-11'),
    ).toBe(0);
  });
});

describe('how long a pair has gone without meeting', () => {
  it('counts from the last meeting', () => {
    expect(daysWithoutMeeting({ startDate: '2024-01-01', lastMeetingDate: '2024-03-01' }, '2024-03-31')).toBe(
      30,
    );
  });

  it('counts from the start for a pair that has never met', () => {
    expect(daysWithoutMeeting({ startDate: '2024-01-01', lastMeetingDate: null }, '2024-03-31')).toBe(90);
  });

  it('is zero for a pair that starts in the future', () => {
    expect(daysWithoutMeeting({ startDate: '2024-07-01', lastMeetingDate: null }, '2024-06-15')).toBe(0);
  });

  it('flags a pair as quiet after 90 days', () => {
    expect(QUIET_AFTER_DAYS).toBe(90);
  });
});

describe('a pair that was paused and resumed', () => {
  const resumed = {
    startDate: '2024-01-02',
    lastMeetingDate: '2024-02-01',
    statusHistory: [
      { status: 'active' as const, date: '2024-01-02' },
      { status: 'paused' as const, date: '2024-02-10' },
      { status: 'active' as const, date: '2024-06-03' },
    ],
  };

  it('is not overdue on the day it resumes: meetings are expected again from that day', () => {
    expect(daysOverdue(resumed, fortnightly, '2024-06-03')).toBe(0);
    expect(nextMeetingDue(resumed, fortnightly)).toBe('2024-06-17');
    expect(daysOverdue(resumed, fortnightly, '2024-06-20')).toBe(3);
  });

  it('is not quiet for the months it was paused', () => {
    expect(daysWithoutMeeting(resumed, '2024-06-10')).toBe(7);
  });

  it('counts from a meeting held after the resumption', () => {
    expect(nextMeetingDue({ ...resumed, lastMeetingDate: '2024-06-05' }, fortnightly)).toBe('2024-06-19');
  });

  it('looks only at changes up to the day asked about', () => {
    expect(meetingClockStart(resumed, '2024-05-31')).toBe('2024-02-01');
    expect(meetingClockStart(resumed, '2024-06-03')).toBe('2024-06-03');
  });
});
