import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardInput, ENDING_SOON_DAYS } from '../../renderer/domain/dashboard';
import type { ActionItem, Person, Program, Relationship } from '../../renderer/domain/types';

const TODAY = '2024-06-15';
const STAMP = '2024-01-01T09:00:00.000Z';

const program = (overrides: Partial<Program> = {}): Program => ({
  id: 'residency',
  name: 'New-graduate nurse residency',
  cadenceDays: 14,
  typicalLengthMonths: 12,
  archived: false,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...overrides,
});

const people: Pick<Person, 'id' | 'name'>[] = [
  { id: 'mentor-a', name: 'Dr. Amal Haddad' },
  { id: 'mentor-b', name: 'Grace Okafor' },
  { id: 'mentee-a', name: 'Liam Chen' },
  { id: 'mentee-b', name: 'Sofia Rossi' },
  { id: 'mentee-c', name: 'Noah Patel' },
];

const pair = (id: string, overrides: Partial<Relationship> = {}): Relationship => ({
  id,
  programId: 'residency',
  mentorId: 'mentor-a',
  menteeId: 'mentee-a',
  focus: 'clinical',
  startDate: '2024-01-08',
  plannedEndDate: null,
  endDate: null,
  status: 'active',
  endReason: null,
  statusHistory: [{ status: 'active', date: '2024-01-08' }],
  capacityOverride: null,
  lastMeetingDate: '2024-06-10',
  createdAt: STAMP,
  updatedAt: STAMP,
  ...overrides,
});

const action = (id: string, relationshipId: string, overrides: Partial<ActionItem> = {}): ActionItem => ({
  id,
  meetingId: `meeting-of-${relationshipId}`,
  relationshipId,
  text: `Read the sepsis protocol (${id})`,
  owner: 'mentee',
  dueDate: '2024-06-14',
  done: false,
  doneDate: null,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...overrides,
});

function dashboardOf(input: Partial<DashboardInput>, today = TODAY) {
  return computeDashboard(
    { relationships: [], programs: [program()], people, openActionItems: [], ...input },
    today,
  );
}

describe('the overdue list', () => {
  it('lists active pairs past their cadence, most overdue first, with the due date and days overdue', () => {
    const board = dashboardOf({
      relationships: [
        pair('a little late', { lastMeetingDate: '2024-05-30' }),
        pair('on time', { lastMeetingDate: '2024-06-01' }),
        pair('very late', { lastMeetingDate: '2024-04-01', menteeId: 'mentee-b', mentorId: 'mentor-b' }),
        pair('late', { lastMeetingDate: '2024-05-15' }),
      ],
    });
    expect(board.overdue.map((row) => [row.relationshipId, row.dueDate, row.daysOverdue])).toEqual([
      ['very late', '2024-04-15', 61],
      ['late', '2024-05-29', 17],
      ['a little late', '2024-06-13', 2],
    ]);
    expect(board.overdue[0]).toMatchObject({
      mentorName: 'Grace Okafor',
      menteeName: 'Sofia Rossi',
      programName: 'New-graduate nurse residency',
    });
  });

  it('uses each pair’s own program cadence', () => {
    const board = dashboardOf({
      programs: [program(), program({ id: 'quarterly', name: 'Leadership', cadenceDays: 90 })],
      relationships: [
        pair('fortnightly', { lastMeetingDate: '2024-05-01' }),
        pair('quarterly', { programId: 'quarterly', lastMeetingDate: '2024-05-01' }),
      ],
    });
    expect(board.overdue.map((row) => row.relationshipId)).toEqual(['fortnightly']);
  });

  it('counts a pair that has never met from its start date', () => {
    const board = dashboardOf({
      relationships: [pair('new pair', { startDate: '2024-06-01', lastMeetingDate: null })],
    });
    // Started 1 June on a 14-day cadence: due 15 June, which is today, so not yet overdue.
    expect(board.overdue).toEqual([]);
    const later = dashboardOf(
      { relationships: [pair('new pair', { startDate: '2024-06-01', lastMeetingDate: null })] },
      '2024-06-20',
    );
    expect(later.overdue).toEqual([
      expect.objectContaining({ relationshipId: 'new pair', dueDate: '2024-06-15', daysOverdue: 5 }),
    ]);
  });

  it('leaves out paused, proposed, completed and ended pairs', () => {
    const longAgo = { lastMeetingDate: '2024-01-10' };
    const board = dashboardOf({
      relationships: [
        pair('paused', { ...longAgo, status: 'paused' }),
        pair('proposed', { ...longAgo, status: 'proposed' }),
        pair('completed', { ...longAgo, status: 'completed', endDate: '2024-03-01' }),
        pair('ended', { ...longAgo, status: 'ended-early', endDate: '2024-03-01', endReason: 'Moved away' }),
        pair('active', longAgo),
      ],
    });
    expect(board.overdue.map((row) => row.relationshipId)).toEqual(['active']);
    expect(board.quiet.map((row) => row.relationshipId)).toEqual(['active']);
    expect(board.activeCount).toBe(1);
  });

  it('is due on the cadence day itself, overdue only from the next day', () => {
    const dueToday = pair('due today', { lastMeetingDate: '2024-06-01' });
    expect(dashboardOf({ relationships: [dueToday] }).overdue).toEqual([]);
    expect(dashboardOf({ relationships: [dueToday] }, '2024-06-16').overdue).toEqual([
      expect.objectContaining({ relationshipId: 'due today', daysOverdue: 1 }),
    ]);
  });

  it('counts across 29 February in a leap year', () => {
    const board = dashboardOf(
      { relationships: [pair('winter', { lastMeetingDate: '2024-02-10' })] },
      '2024-03-01',
    );
    // Due 24 February: 25, 26, 27, 28, 29 February and 1 March.
    expect(board.overdue[0]).toMatchObject({ dueDate: '2024-02-24', daysOverdue: 6 });
  });
});

describe('the quiet list', () => {
  it('flags active pairs with no meeting for 90 days or more, longest silence first', () => {
    const board = dashboardOf({
      relationships: [
        pair('89 days', { lastMeetingDate: '2024-03-18' }),
        pair('90 days', { lastMeetingDate: '2024-03-17' }),
        pair('never met', { startDate: '2024-01-08', lastMeetingDate: null }),
      ],
    });
    expect(
      board.quiet.map((row) => [row.relationshipId, row.lastMeetingDate, row.daysWithoutMeeting]),
    ).toEqual([
      ['never met', null, 159],
      ['90 days', '2024-03-17', 90],
    ]);
  });
});

describe('the ending-soon list', () => {
  it(`lists planned ends from today to ${ENDING_SOON_DAYS} days ahead, soonest first`, () => {
    const board = dashboardOf({
      relationships: [
        pair('in 30 days', { plannedEndDate: '2024-07-15' }),
        pair('in 31 days', { plannedEndDate: '2024-07-16' }),
        pair('today', { plannedEndDate: '2024-06-15' }),
        pair('yesterday', { plannedEndDate: '2024-06-14' }),
        pair('in 3 days', { plannedEndDate: '2024-06-18' }),
        pair('open-ended', { plannedEndDate: null }),
      ],
    });
    expect(board.endingSoon.map((row) => [row.relationshipId, row.daysLeft])).toEqual([
      ['today', 0],
      ['in 3 days', 3],
      ['in 30 days', 30],
    ]);
  });

  it('reaches across a month end into the next month', () => {
    const board = dashboardOf(
      { relationships: [pair('march', { plannedEndDate: '2024-03-01' })] },
      '2024-01-31',
    );
    expect(board.endingSoon).toEqual([expect.objectContaining({ relationshipId: 'march', daysLeft: 30 })]);
  });
});

describe('past-due action items', () => {
  it('lists open items whose due date has passed, latest first, with days late', () => {
    const board = dashboardOf({
      relationships: [pair('p1'), pair('p2', { menteeId: 'mentee-c' })],
      openActionItems: [
        action('yesterday', 'p1', { dueDate: '2024-06-14' }),
        action('last month', 'p2', { dueDate: '2024-05-15' }),
        action('today', 'p1', { dueDate: '2024-06-15' }),
        action('next week', 'p1', { dueDate: '2024-06-22' }),
        action('no due date', 'p1', { dueDate: null }),
        action('done', 'p1', { dueDate: '2024-06-01', done: true, doneDate: '2024-06-02' }),
      ],
    });
    expect(board.pastDueActions.map((row) => [row.actionItemId, row.daysLate])).toEqual([
      ['last month', 31],
      ['yesterday', 1],
    ]);
    expect(board.pastDueActions[0]).toMatchObject({
      menteeName: 'Noah Patel',
      meetingId: 'meeting-of-p2',
      text: 'Read the sepsis protocol (last month)',
      dueDate: '2024-05-15',
    });
  });

  it('drops items of pairs that have completed or ended early', () => {
    const board = dashboardOf({
      relationships: [
        pair('completed', { status: 'completed', endDate: '2024-06-01' }),
        pair('ended', { status: 'ended-early', endDate: '2024-06-01', endReason: 'Left the clinic' }),
        pair('active'),
      ],
      openActionItems: [
        action('of completed', 'completed'),
        action('of ended', 'ended'),
        action('of active', 'active'),
      ],
    });
    expect(board.pastDueActions.map((row) => row.actionItemId)).toEqual(['of active']);
  });
});

describe('names on the dashboard', () => {
  it('says "Unknown person" and "Unknown program" rather than showing an id', () => {
    const board = dashboardOf({
      programs: [],
      relationships: [pair('orphan', { mentorId: 'gone', plannedEndDate: '2024-06-20' })],
    });
    expect(board.endingSoon[0]).toMatchObject({
      mentorName: 'Unknown person',
      menteeName: 'Liam Chen',
      programName: 'Unknown program',
    });
    // Without its program the cadence is unknown, so the pair is not called overdue.
    expect(board.overdue).toEqual([]);
  });
});
