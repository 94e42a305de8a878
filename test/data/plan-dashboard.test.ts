// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createGoal, recordGoalProgress } from '../../renderer/data/goals.repo';
import { createPerson } from '../../renderer/data/people.repo';
import { loadPlanDashboard } from '../../renderer/data/plan-dashboard.repo';
import { changeRelationshipStatus, createRelationship } from '../../renderer/data/relationships.repo';
import { fixTodayPerTest, freshDatabasePerTest, menteeInput, seedPair, TODAY } from './helpers';

freshDatabasePerTest();
fixTodayPerTest();

// TODAY is 2024-06-15.
function goal(relationshipId: string, title: string, targetDate: string | null) {
  return createGoal({
    relationshipId,
    areaId: 'area-time',
    title,
    details: '',
    setDate: '2024-03-05',
    targetDate,
    steps: [],
  });
}

describe('the dashboard plan lists', () => {
  it('lists open goals past their target date, most overdue first, and drops them once achieved', async () => {
    const { relationship } = await seedPair();
    await goal(relationship.id, 'Due yesterday', '2024-06-14');
    const late = await goal(relationship.id, 'Due in May', '2024-05-31');
    await goal(relationship.id, 'Due today', TODAY);
    await goal(relationship.id, 'No target', null);
    const before = await loadPlanDashboard(TODAY);
    expect(before.overdueGoals.map((row) => [row.title, row.daysOverdue])).toEqual([
      ['Due in May', 15],
      ['Due yesterday', 1],
    ]);
    expect(before.overdueGoals[0]).toMatchObject({
      menteeName: 'Liam Chen',
      programName: 'New-graduate nurse residency',
    });
    await recordGoalProgress({ goalId: late.id, status: 'achieved', note: '' }, TODAY);
    const after = await loadPlanDashboard(TODAY);
    expect(after.overdueGoals.map((row) => row.title)).toEqual(['Due yesterday']);
    expect(after.totals.overdueGoals).toBe(1);
  });

  it('leaves out the goals of a pairing that has ended', async () => {
    const { relationship } = await seedPair();
    await goal(relationship.id, 'Due in May', '2024-05-31');
    await changeRelationshipStatus(relationship.id, 'completed', '2024-06-01');
    expect((await loadPlanDashboard(TODAY)).totals.overdueGoals).toBe(0);
  });

  it('lists active pairs more than a month in without a goal, until a goal is added', async () => {
    const { relationship, mentor, program } = await seedPair({ startDate: '2024-05-14' });
    const recent = await createPerson(menteeInput({ name: 'Ava Stone', email: 'ava@clinic.example' }));
    // Started 2024-05-15: a plan is expected on 2024-06-15, today, so it is not late yet.
    await createRelationship({
      programId: program.id,
      mentorId: mentor.id,
      menteeId: recent.id,
      focus: 'clinical',
      startDate: '2024-05-15',
      plannedEndDate: null,
    });
    const board = await loadPlanDashboard(TODAY);
    expect(board.pairsWithoutPlan.map((row) => [row.menteeName, row.daysWithoutPlan])).toEqual([
      ['Liam Chen', 1],
    ]);
    await goal(relationship.id, 'A first goal', null);
    expect((await loadPlanDashboard(TODAY)).totals.pairsWithoutPlan).toBe(0);
  });

  it('shows ten rows a card with the full count', async () => {
    const { relationship } = await seedPair();
    for (let index = 0; index < 12; index += 1) await goal(relationship.id, `Goal ${index}`, '2024-05-01');
    const board = await loadPlanDashboard(TODAY, 10);
    expect(board.overdueGoals).toHaveLength(10);
    expect(board.totals.overdueGoals).toBe(12);
  });
});
