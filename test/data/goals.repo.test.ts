// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addGoalArea, archiveGoalArea, listGoalAreas } from '../../renderer/data/goal-areas.repo';
import {
  createGoal,
  deleteGoal,
  type GoalInput,
  getGoalWithHistory,
  listGoalsForRelationship,
  recordGoalProgress,
  updateGoal,
} from '../../renderer/data/goals.repo';
import {
  deleteMeeting,
  logMeeting,
  undoDeleteMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import { createPerson } from '../../renderer/data/people.repo';
import { createRelationship, deleteRelationship } from '../../renderer/data/relationships.repo';
import { RuleError, RuleErrors } from '../../renderer/domain/rules';
import {
  auditText,
  fixTodayPerTest,
  freshDatabasePerTest,
  meetingInput,
  menteeInput,
  seedPair,
} from './helpers';

const db = freshDatabasePerTest();
fixTodayPerTest();

const SECRET_GOAL = 'Cope with the memory of the child who died in resus';
const SECRET_STEP = 'Talk to the chaplain about the night in resus';
const SECRET_NOTE = 'Still wakes at night thinking of it';
const SECRET_REASON = 'Moving away after the divorce';

function goalInput(relationshipId: string, overrides: Partial<GoalInput> = {}): GoalInput {
  return {
    relationshipId,
    areaId: 'area-resilience',
    title: SECRET_GOAL,
    details: 'We will both know when she sleeps through the week after a bad shift.',
    setDate: '2024-03-10',
    targetDate: '2024-05-31',
    steps: [{ text: SECRET_STEP, done: false }],
    ...overrides,
  };
}

describe('a pairing development plan', () => {
  it('keeps a new goal, not started, with its first history entry on the day it was set', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    expect(goal.status).toBe('not-started');
    const saved = await getGoalWithHistory(goal.id);
    expect(saved?.goal.title).toBe(SECRET_GOAL);
    expect(saved?.history.map((entry) => [entry.date, entry.status])).toEqual([
      ['2024-03-10', 'not-started'],
    ]);
    expect(await listGoalsForRelationship(relationship.id)).toHaveLength(1);
  });

  it('refuses a goal without a title, with an unknown area or a target before it was set, naming each field', async () => {
    const { relationship } = await seedPair();
    const attempt = createGoal(
      goalInput(relationship.id, { title: '  ', areaId: 'no-such-area', targetDate: '2024-03-01' }),
    );
    await expect(attempt).rejects.toBeInstanceOf(RuleErrors);
    const fields = await attempt.catch((error: RuleErrors) => error.all.map((one) => one.field));
    expect(fields).toEqual(['title', 'areaId', 'targetDate']);
    expect(await db().goals.count()).toBe(0);
  });

  it('records progress on the goal itself; a drop needs a reason, which stays with the goal', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    await expect(
      recordGoalProgress({ goalId: goal.id, status: 'dropped', note: '' }, '2024-04-01'),
    ).rejects.toThrow(/say why the goal is dropped/);
    await recordGoalProgress(
      { goalId: goal.id, status: 'dropped', note: '', dropReason: SECRET_REASON },
      '2024-04-01',
    );
    expect((await db().goals.get(goal.id))?.dropReason).toBe(SECRET_REASON);
    await recordGoalProgress({ goalId: goal.id, status: 'on-track', note: 'Back on' }, '2024-04-10');
    const after = await db().goals.get(goal.id);
    expect(after?.status).toBe('on-track');
    expect(after?.dropReason).toBe(SECRET_REASON);
  });

  it('a backdated entry does not override a later status', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    await recordGoalProgress({ goalId: goal.id, status: 'achieved', note: '' }, '2024-05-01');
    await recordGoalProgress({ goalId: goal.id, status: 'at-risk', note: '' }, '2024-04-01');
    expect((await db().goals.get(goal.id))?.status).toBe('achieved');
    const history = (await getGoalWithHistory(goal.id))?.history ?? [];
    expect(history.map((entry) => entry.status)).toEqual(['not-started', 'at-risk', 'achieved']);
  });

  it('edits a goal; the first history entry moves with the set date', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    await updateGoal(goal.id, goalInput(relationship.id, { setDate: '2024-03-05', title: 'Shorter shifts' }));
    const saved = await getGoalWithHistory(goal.id);
    expect(saved?.goal.title).toBe('Shorter shifts');
    expect(saved?.history[0]?.date).toBe('2024-03-05');
  });

  it('deletes a goal with its history', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    await recordGoalProgress({ goalId: goal.id, status: 'on-track', note: SECRET_NOTE }, '2024-04-01');
    await deleteGoal(goal.id);
    expect(await db().goals.count()).toBe(0);
    expect(await db().goalProgress.count()).toBe(0);
  });

  it('goes with a pairing deleted before its first meeting', async () => {
    const { relationship } = await seedPair();
    await createGoal(goalInput(relationship.id));
    await deleteRelationship(relationship.id, 'entered-by-mistake');
    expect(await db().goals.count()).toBe(0);
    expect(await db().goalProgress.count()).toBe(0);
  });

  it('never writes goal text, steps, progress notes or drop reasons to the audit log', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    await recordGoalProgress({ goalId: goal.id, status: 'at-risk', note: SECRET_NOTE }, '2024-04-01');
    await recordGoalProgress(
      { goalId: goal.id, status: 'dropped', note: SECRET_NOTE, dropReason: SECRET_REASON },
      '2024-04-02',
    );
    const audit = await auditText();
    for (const secret of [SECRET_GOAL, SECRET_STEP, SECRET_NOTE, SECRET_REASON])
      expect(audit).not.toContain(secret);
    expect(audit).toContain('"goals"');
    expect(audit).toContain('"dropReason"');
  });
});

describe('progress recorded when a meeting is logged', () => {
  it('adds an entry per goal on the meeting day and moves the goal to its new status', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        date: '2024-04-02',
        goalProgress: [{ goalId: goal.id, status: 'on-track', note: SECRET_NOTE }],
      }),
    );
    const saved = await getGoalWithHistory(goal.id);
    expect(saved?.goal.status).toBe('on-track');
    expect(saved?.history.at(-1)).toMatchObject({
      meetingId: meeting.id,
      date: '2024-04-02',
      note: SECRET_NOTE,
    });
  });

  it('refuses progress on another pairing goal, and then saves nothing of the meeting', async () => {
    const first = await seedPair();
    const other = await createGoal(goalInput(first.relationship.id));
    const mentee = await createPerson(menteeInput({ name: 'Ava Stone', email: 'ava@clinic.example' }));
    const second = {
      relationship: await createRelationship({
        programId: first.relationship.programId,
        mentorId: first.relationship.mentorId,
        focus: 'clinical',
        menteeId: mentee.id,
        startDate: '2024-03-01',
        plannedEndDate: null,
      }),
    };
    await expect(
      logMeeting(
        meetingInput(second.relationship.id, {
          goalProgress: [{ goalId: other.id, status: 'achieved', note: '' }],
        }),
      ),
    ).rejects.toThrow(/belongs to another pairing/);
    expect(await db().meetings.count()).toBe(0);
    expect((await db().goals.get(other.id))?.status).toBe('not-started');
  });

  it('refuses progress dated before the goal was set', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id, { setDate: '2024-04-10' }));
    const attempt = logMeeting(
      meetingInput(relationship.id, {
        date: '2024-04-02',
        goalProgress: [{ goalId: goal.id, status: 'on-track', note: '' }],
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    await expect(attempt).rejects.toThrow(/before the goal was set/);
  });

  it('a deleted meeting takes its progress with it, and Undo puts it back', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        date: '2024-04-02',
        goalProgress: [{ goalId: goal.id, status: 'achieved', note: SECRET_NOTE }],
      }),
    );
    const deleted = await deleteMeeting(meeting.id);
    expect((await db().goals.get(goal.id))?.status).toBe('not-started');
    await undoDeleteMeeting(deleted);
    expect((await db().goals.get(goal.id))?.status).toBe('achieved');
    expect((await getGoalWithHistory(goal.id))?.history).toHaveLength(2);
  });

  it('a goal dropped again because its later progress went away keeps the reason it was dropped for', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    await recordGoalProgress(
      { goalId: goal.id, status: 'dropped', note: '', dropReason: SECRET_REASON },
      '2024-04-01',
    );
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        date: '2024-04-02',
        goalProgress: [{ goalId: goal.id, status: 'on-track', note: '' }],
      }),
    );
    expect((await db().goals.get(goal.id))?.status).toBe('on-track');
    await deleteMeeting(meeting.id);
    const after = await db().goals.get(goal.id);
    expect(after?.status).toBe('dropped');
    expect(after?.dropReason).toBe(SECRET_REASON);
  });

  it('a meeting moved to another day moves its progress too', async () => {
    const { relationship } = await seedPair();
    const goal = await createGoal(goalInput(relationship.id));
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        date: '2024-04-02',
        goalProgress: [{ goalId: goal.id, status: 'at-risk', note: '' }],
      }),
    );
    await updateMeeting(meeting.id, meetingInput(relationship.id, { date: '2024-04-03' }));
    expect((await getGoalWithHistory(goal.id))?.history.at(-1)?.date).toBe('2024-04-03');
  });
});

describe('goal areas', () => {
  it('lists the built-in areas, adds the clinic own, refuses a duplicate, archives', async () => {
    expect((await listGoalAreas()).map((area) => area.label)).toContain('Resilience and well-being');
    const own = await addGoalArea('  Teaching   students ');
    expect(own.label).toBe('Teaching students');
    await expect(addGoalArea('teaching STUDENTS')).rejects.toThrow(/already an area/);
    await archiveGoalArea(own.id);
    expect((await listGoalAreas()).find((area) => area.id === own.id)?.archived).toBe(true);
    const { relationship } = await seedPair();
    await expect(createGoal(goalInput(relationship.id, { areaId: own.id }))).resolves.toBeTruthy();
  });
});
