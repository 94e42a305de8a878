// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadDashboard } from '../../renderer/data/dashboard.repo';
import { deleteMeeting, getMeeting, logMeeting, setActionItemDone } from '../../renderer/data/meetings.repo';
import { createPerson } from '../../renderer/data/people.repo';
import { changeRelationshipStatus, createRelationship } from '../../renderer/data/relationships.repo';
import { fixTodayPerTest, freshDatabasePerTest, meetingInput, menteeInput, seedPair, TODAY } from './helpers';

freshDatabasePerTest();
fixTodayPerTest();

describe('the dashboard loaded from the database', () => {
  it('drops a pair from the overdue list once a meeting is logged, and brings it back if deleted', async () => {
    // Started 1 March on a 14-day cadence, never met: due 15 March, 92 days overdue on 15 June.
    const { relationship } = await seedPair({ startDate: '2024-03-01' });
    const before = await loadDashboard(TODAY);
    expect(before.activeCount).toBe(1);
    expect(before.overdue).toEqual([
      expect.objectContaining({
        relationshipId: relationship.id,
        mentorName: 'Grace Okafor',
        menteeName: 'Liam Chen',
        programName: 'New-graduate nurse residency',
        dueDate: '2024-03-15',
        daysOverdue: 92,
      }),
    ]);
    expect(before.quiet.map((row) => row.relationshipId)).toEqual([relationship.id]);

    const meeting = await logMeeting(meetingInput(relationship.id, { date: '2024-06-14' }));
    const after = await loadDashboard(TODAY);
    expect(after.overdue).toEqual([]);
    expect(after.quiet).toEqual([]);

    // Two weeks and a day later the pair is overdue again, counted from the meeting.
    expect((await loadDashboard('2024-06-29')).overdue).toEqual([
      expect.objectContaining({ relationshipId: relationship.id, dueDate: '2024-06-28', daysOverdue: 1 }),
    ]);

    await deleteMeeting(meeting.id);
    expect((await loadDashboard(TODAY)).overdue).toEqual([
      expect.objectContaining({ relationshipId: relationship.id, daysOverdue: 92 }),
    ]);
  });

  it('keeps paused pairs off the overdue list and lists planned ends within 30 days', async () => {
    const { relationship, program, mentor } = await seedPair({ plannedEndDate: '2024-07-10' });
    const sofia = await createPerson(menteeInput({ name: 'Sofia Rossi', email: 'sofia@clinic.example' }));
    const paused = await createRelationship({
      programId: program.id,
      mentorId: mentor.id,
      menteeId: sofia.id,
      focus: 'career',
      startDate: '2024-03-01',
      plannedEndDate: '2024-06-20',
    });
    await changeRelationshipStatus(paused.id, 'paused', '2024-04-01');
    const board = await loadDashboard(TODAY);
    expect(board.activeCount).toBe(1);
    expect(board.overdue.map((row) => row.relationshipId)).toEqual([relationship.id]);
    expect(board.endingSoon).toEqual([
      expect.objectContaining({
        relationshipId: relationship.id,
        plannedEndDate: '2024-07-10',
        daysLeft: 25,
      }),
    ]);
  });

  it('lists open action items past their due date until they are ticked off', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        date: '2024-06-01',
        actionItems: [
          { text: 'Read the sepsis bundle', owner: 'mentee', dueDate: '2024-06-10' },
          { text: 'Due today', owner: 'mentee', dueDate: TODAY },
          { text: 'Whenever', owner: 'mentor', dueDate: null },
        ],
      }),
    );
    const board = await loadDashboard(TODAY);
    expect(board.pastDueActions).toEqual([
      expect.objectContaining({
        text: 'Read the sepsis bundle',
        dueDate: '2024-06-10',
        daysLate: 5,
        meetingId: meeting.id,
        menteeName: 'Liam Chen',
      }),
    ]);
    const late = (await getMeeting(meeting.id))?.actionItems.find((item) => item.dueDate === '2024-06-10');
    if (!late) throw new Error('The late action item was not stored.');
    await setActionItemDone(late.id, true);
    expect((await loadDashboard(TODAY)).pastDueActions).toEqual([]);
  });

  it('shows an empty dashboard for a new clinic', async () => {
    expect(await loadDashboard(TODAY)).toEqual({
      activeCount: 0,
      overdue: [],
      quiet: [],
      endingSoon: [],
      pastDueActions: [],
      totals: { overdue: 0, quiet: 0, endingSoon: 0, pastDueActions: 0 },
    });
  });
});
