import { todayIso } from '../domain/calendar';
import { BUILT_IN_GOAL_AREA_IDS } from '../domain/goal-areas';
import { goalHistory, latestGoalStatus } from '../domain/goals';
import {
  changedFields,
  checkGoal,
  checkGoalProgress,
  type GoalInput,
  type GoalProgressInput,
  RuleError,
} from '../domain/rules';
import { storedLine, storedText } from '../domain/text';
import type { Goal, GoalProgress, GoalStatus, Id, IsoDate, Meeting } from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb } from './db';

export type { GoalInput, GoalProgressInput } from '../domain/rules';

// A pairing's development plan: its goals and each goal's history. Titles, details, steps, notes and
// drop reasons are sealed at rest (lock/sealed-fields.ts) and only ever named in the audit log.

/** A goal with its history, oldest first. */
export interface GoalWithHistory {
  goal: Goal;
  history: GoalProgress[];
}

async function knownAreaIds(): Promise<Set<Id>> {
  const known = new Set<Id>(BUILT_IN_GOAL_AREA_IDS);
  for (const id of await getDb().goalAreas.toCollection().primaryKeys()) known.add(id);
  return known;
}

function tidy(input: GoalInput): GoalInput {
  return {
    ...input,
    title: storedLine(input.title),
    details: storedText(input.details),
    targetDate: input.targetDate || null,
    steps: input.steps.map((step) => ({ text: storedText(step.text), done: step.done })),
  };
}

/** Open goals first, then by target date (none last), then by title. */
function planOrder(a: Goal, b: Goal): number {
  const closed = (goal: Goal) => Number(goal.status === 'achieved' || goal.status === 'dropped');
  return (
    closed(a) - closed(b) ||
    (a.targetDate ?? '9').localeCompare(b.targetDate ?? '9') ||
    a.title.localeCompare(b.title)
  );
}

export async function listGoalsForRelationship(relationshipId: Id): Promise<Goal[]> {
  const goals = await getDb().goals.where('relationshipId').equals(relationshipId).toArray();
  return goals.sort(planOrder);
}

export async function getGoalWithHistory(id: Id): Promise<GoalWithHistory | null> {
  const db = getDb();
  const goal = await db.goals.get(id);
  if (!goal) return null;
  return { goal, history: goalHistory(await db.goalProgress.where('goalId').equals(id).toArray()) };
}

/** The progress a meeting recorded, by goal. */
export async function listProgressForMeeting(meetingId: Id): Promise<GoalProgress[]> {
  return getDb().goalProgress.where('meetingId').equals(meetingId).toArray();
}

export async function createGoal(input: GoalInput): Promise<Goal> {
  const db = getDb();
  return db.transaction(
    'rw',
    [db.goals, db.goalProgress, db.goalAreas, db.relationships, db.auditLog],
    async () => {
      if (!(await db.relationships.get(input.relationshipId)))
        throw new RuleError('no-relationship', 'This pairing no longer exists.', 'relationshipId');
      const clean = tidy(input);
      checkGoal(clean, await knownAreaIds());
      const at = nowIso();
      const goal: Goal = {
        ...clean,
        id: newId(),
        status: 'not-started',
        dropReason: null,
        createdAt: at,
        updatedAt: at,
      };
      const first: GoalProgress = {
        id: newId(),
        goalId: goal.id,
        relationshipId: goal.relationshipId,
        meetingId: null,
        date: goal.setDate,
        status: 'not-started',
        note: '',
        createdAt: at,
      };
      await db.goals.add(goal);
      await db.goalProgress.add(first);
      await recordAudit('goals', goal.id, 'create', Object.keys(clean).sort());
      await recordAudit('goalProgress', first.id, 'create', ['status', 'date']);
      return goal;
    },
  );
}

export async function updateGoal(id: Id, input: GoalInput): Promise<Goal> {
  const db = getDb();
  return db.transaction('rw', [db.goals, db.goalProgress, db.goalAreas, db.auditLog], async () => {
    const before = await db.goals.get(id);
    if (!before) throw new RuleError('not-found', 'This goal no longer exists.');
    if (input.relationshipId !== before.relationshipId)
      throw new RuleError('moved', 'A goal cannot be moved to another pairing.', 'relationshipId');
    const clean = tidy(input);
    checkGoal(clean, await knownAreaIds());
    const history = await db.goalProgress.where('goalId').equals(id).toArray();
    const first = goalHistory(history)[0];
    if (first && clean.setDate > first.date)
      throw new RuleError(
        'set-after-progress',
        'The goal has progress recorded before that date.',
        'setDate',
      );
    const after: Goal = { ...before, ...clean, updatedAt: nowIso() };
    await db.goals.put(after);
    // The first entry of the history is the goal being set: it moves with the set date.
    if (first && first.meetingId === null && first.date !== clean.setDate && first.date === before.setDate)
      await db.goalProgress.update(first.id, { date: clean.setDate });
    const changed = changedFields(before, after).filter((field) => field !== 'updatedAt');
    if (changed.length) await recordAudit('goals', id, 'update', changed);
    return after;
  });
}

/** Writes one progress entry and brings the goal's status (and drop reason) in line with its history. */
async function addProgress(
  input: GoalProgressInput,
  date: IsoDate,
  meetingId: Id | null,
  label: string,
  prefix = '',
  relationshipId?: Id,
): Promise<GoalProgress> {
  const db = getDb();
  checkGoalProgress(input, label, prefix);
  const goal = await db.goals.get(input.goalId);
  if (!goal) throw new RuleError('not-found', `${label}: this goal no longer exists.`, `${prefix}goalId`);
  if (relationshipId && goal.relationshipId !== relationshipId)
    throw new RuleError('other-pair', `${label}: this goal belongs to another pairing.`, `${prefix}goalId`);
  if (date < goal.setDate)
    throw new RuleError('before-set', `${label}: this is dated before the goal was set.`, `${prefix}status`);
  const entry: GoalProgress = {
    id: newId(),
    goalId: goal.id,
    relationshipId: goal.relationshipId,
    meetingId,
    date,
    status: input.status,
    note: storedText(input.note),
    createdAt: nowIso(),
  };
  await db.goalProgress.add(entry);
  await recordAudit(
    'goalProgress',
    entry.id,
    'create',
    entry.note ? ['status', 'date', 'note'] : ['status', 'date'],
  );
  const history = await db.goalProgress.where('goalId').equals(goal.id).toArray();
  await syncGoalStatus(goal, history, input.status === 'dropped' ? storedText(input.dropReason ?? '') : null);
  return entry;
}

/**
 * The goal's status is its history's latest. The last drop reason is kept (shown only while the goal is
 * dropped), so a goal that is dropped again because its later progress went away (a meeting deleted or
 * moved earlier) still has the reason it was dropped for.
 */
async function syncGoalStatus(
  goal: Goal,
  history: GoalProgress[],
  newDropReason: string | null,
): Promise<void> {
  const status: GoalStatus = latestGoalStatus(history, 'not-started');
  const dropReason = newDropReason || goal.dropReason || (status === 'dropped' ? '' : null);
  if (status === goal.status && dropReason === goal.dropReason) return;
  await getDb().goals.update(goal.id, { status, dropReason, updatedAt: nowIso() });
  const fields = ['status', ...(dropReason !== goal.dropReason ? ['dropReason'] : [])];
  await recordAudit('goals', goal.id, 'update', fields);
}

/** A new status for a goal, recorded on the goal itself (not at a meeting). */
export async function recordGoalProgress(
  input: GoalProgressInput,
  date: IsoDate = todayIso(),
): Promise<GoalProgress> {
  const db = getDb();
  return db.transaction('rw', [db.goals, db.goalProgress, db.auditLog], () =>
    addProgress(input, date, null, 'Progress'),
  );
}

/** The tables a meeting's transaction needs to record progress on its pair's goals. */
export function goalProgressTables() {
  const db = getDb();
  return [db.goals, db.goalProgress];
}

/** Inside a meeting's transaction: the progress recorded at that meeting, one entry per goal. */
export async function addMeetingProgress(
  meeting: Meeting,
  inputs: readonly GoalProgressInput[],
): Promise<void> {
  const goals = new Set<Id>();
  for (const [index, input] of inputs.entries()) {
    if (goals.has(input.goalId))
      throw new RuleError(
        'twice',
        'A goal can have one progress entry per meeting.',
        `goalProgress.${index}.goalId`,
      );
    goals.add(input.goalId);
    await addProgress(
      input,
      meeting.date,
      meeting.id,
      `Goal ${index + 1}`,
      `goalProgress.${index}.`,
      meeting.relationshipId,
    );
  }
}

/** Inside a meeting's transaction: a meeting moved to another day takes its progress entries along. */
export async function moveMeetingProgress(meetingId: Id, date: IsoDate): Promise<void> {
  const db = getDb();
  const entries = await db.goalProgress.where('meetingId').equals(meetingId).toArray();
  for (const entry of entries) {
    await db.goalProgress.update(entry.id, { date });
    await recordAudit('goalProgress', entry.id, 'update', ['date']);
  }
  await resyncGoals(entries);
}

/** Inside a meeting's transaction: removes what the meeting recorded, for a deleted meeting. */
export async function removeMeetingProgress(meetingId: Id): Promise<GoalProgress[]> {
  const db = getDb();
  const entries = await db.goalProgress.where('meetingId').equals(meetingId).toArray();
  await db.goalProgress.bulkDelete(entries.map((entry) => entry.id));
  for (const entry of entries) await recordAudit('goalProgress', entry.id, 'delete', []);
  await resyncGoals(entries);
  return entries;
}

/** Inside a meeting's transaction: puts back what removeMeetingProgress removed (undo). */
export async function restoreMeetingProgress(entries: readonly GoalProgress[]): Promise<void> {
  const db = getDb();
  const present = new Set(
    (await db.goals.bulkGet(entries.map((entry) => entry.goalId))).flatMap((goal) => (goal ? [goal.id] : [])),
  );
  const back = entries.filter((entry) => present.has(entry.goalId));
  await db.goalProgress.bulkAdd(back);
  for (const entry of back) await recordAudit('goalProgress', entry.id, 'restore', []);
  await resyncGoals(back);
}

async function resyncGoals(entries: readonly GoalProgress[]): Promise<void> {
  const db = getDb();
  for (const goalId of new Set(entries.map((entry) => entry.goalId))) {
    const goal = await db.goals.get(goalId);
    if (goal)
      await syncGoalStatus(goal, await db.goalProgress.where('goalId').equals(goalId).toArray(), null);
  }
}

/** Deletes a goal and its history (the plan screen asks first). */
export async function deleteGoal(id: Id): Promise<void> {
  const db = getDb();
  // With the pairs: a pair left without a goal is marked so (summary-fields.ts).
  await db.transaction('rw', [db.goals, db.goalProgress, db.relationships, db.auditLog], async () => {
    const goal = await db.goals.get(id);
    if (!goal) throw new RuleError('not-found', 'This goal no longer exists.');
    const history = await db.goalProgress.where('goalId').equals(id).primaryKeys();
    await db.goalProgress.bulkDelete(history);
    await db.goals.delete(id);
    await recordAudit('goals', id, 'delete', []);
    for (const entryId of history) await recordAudit('goalProgress', entryId, 'delete', []);
  });
}
