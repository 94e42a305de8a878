import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createGoal, getGoalWithHistory } from '../../renderer/data/goals.repo';
import { createLock } from '../../renderer/data/lock/keyring';
import { isSealed, SEALED_RECORD_FIELD } from '../../renderer/data/lock/seal';
import { sealClinic } from '../../renderer/data/lock/seal-all';
import { closeSession } from '../../renderer/data/lock/session';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { changeRelationshipStatus } from '../../renderer/data/relationships.repo';
import type { GoalInput } from '../../renderer/domain/rules';
import { unreadableFields, unreadableMessage } from '../../renderer/domain/unreadable';
import { FAST_SCRYPT, freshDatabasePerTest, meetingInput, seedPair, storedRows, TODAY } from './helpers';

// With the clinic lock on, a record of a table with several sealed fields keeps them as one sealed value
// (schema version 25). The app's writes change a field or two of a record (Dexie's update works on the
// stored record): the others must come through, a field taken out must stay out, a null must stay null,
// and a sealed value that will not open must be kept as stored until something is typed over it.

const db = freshDatabasePerTest();
afterEach(() => closeSession());

const TITLE = 'Sleep through the week after a night shift — «QUOKKA-7310»';
const DETAILS = 'We will both know when she does.';
const STEPS = [{ text: 'Keep a sleep diary', done: false }];

function goalInput(relationshipId: string, overrides: Partial<GoalInput> = {}): GoalInput {
  return {
    relationshipId,
    areaId: 'area-resilience',
    title: TITLE,
    details: DETAILS,
    setDate: '2024-03-10',
    targetDate: '2024-05-31',
    steps: STEPS,
    ...overrides,
  };
}

async function lockOn(): Promise<void> {
  await createLock(db().name, 'a clinic passphrase 42', FAST_SCRYPT);
  await sealClinic(db());
}

type Row = Record<string, unknown>;

async function storedGoal(id: string): Promise<Row> {
  const rows = await storedRows(db().name, 'goals');
  return rows.find((row) => row.id === id) as Row;
}

describe('fields sealed together', () => {
  it('are stored as one sealed value, a null one left plain in its field', async () => {
    const { relationship } = await seedPair();
    await lockOn();
    const goal = await createGoal(goalInput(relationship.id));
    const stored = await storedGoal(goal.id);
    expect(isSealed(stored[SEALED_RECORD_FIELD])).toBe(true);
    for (const field of ['title', 'details', 'steps']) expect(stored).not.toHaveProperty(field);
    expect(stored.dropReason).toBeNull();
    expect(JSON.stringify(await storedRows(db().name, 'goals'))).not.toContain('QUOKKA-7310');
    expect((await getGoalWithHistory(goal.id))?.goal).toMatchObject({
      title: TITLE,
      details: DETAILS,
      steps: STEPS,
      dropReason: null,
    });
  });

  it('keep the fields a change leaves alone and take the changed ones; taking one out is refused', async () => {
    const { relationship } = await seedPair();
    await lockOn();
    const goal = await createGoal(goalInput(relationship.id));
    // A change of one field, as the goals repository makes it (on the stored record).
    await db().goals.update(goal.id, { dropReason: 'Moved to another ward' });
    expect((await db().goals.get(goal.id))?.title).toBe(TITLE);
    expect(await db().goals.get(goal.id)).toMatchObject({
      details: DETAILS,
      dropReason: 'Moved to another ward',
    });
    expect((await storedGoal(goal.id)).dropReason).toBeUndefined();

    // Back to null: out of the sealed value, plain in its field again.
    await db().goals.update(goal.id, { dropReason: null });
    expect((await storedGoal(goal.id)).dropReason).toBeNull();
    expect(await db().goals.get(goal.id)).toMatchObject({ title: TITLE, dropReason: null });

    // Taken out (undefined) by an update: refused in plain words (the stored record does not hold it, so
    // the change would be lost), nothing changed.
    await expect(db().goals.update(goal.id, { details: undefined })).rejects.toThrow(
      /details cannot be taken out by an update while the clinic lock seals it: set it to null/,
    );
    expect((await db().goals.get(goal.id))?.details).toBe(DETAILS);
    await db().goals.update(goal.id, { details: null as never });
    expect((await db().goals.get(goal.id))?.details).toBeNull();
    expect((await storedGoal(goal.id)).details).toBeNull();

    // A change by a function (modify) keeps them too.
    await db()
      .goals.where(':id')
      .equals(goal.id)
      .modify((row) => {
        row.targetDate = '2024-06-30';
      });
    expect(await db().goals.get(goal.id)).toMatchObject({
      title: TITLE,
      steps: STEPS,
      targetDate: '2024-06-30',
    });
  });

  it('moved to another record do not open: every field reads empty, is named, and is kept until typed over', async () => {
    const { relationship } = await seedPair();
    await lockOn();
    const first = await createGoal(goalInput(relationship.id));
    const second = await createGoal(goalInput(relationship.id, { title: 'Lead a debrief' }));
    const moved = (await storedGoal(first.id))[SEALED_RECORD_FIELD];
    // The first goal's sealed fields copied onto the second, straight to the object store.
    const target = await storedGoal(second.id);
    await db().transaction('rw', db().goals, async (tx) => {
      const store = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore('goals');
      store.put({ ...target, [SEALED_RECORD_FIELD]: moved });
    });

    const read = await db().goals.get(second.id);
    expect(read).toMatchObject({ title: '', details: '', steps: [] });
    expect(read?.dropReason).toBeNull();
    expect(unreadableFields(read)).toEqual([SEALED_RECORD_FIELD]);
    expect(unreadableMessage('goals', read, 'this goal')).toBe(
      'Part of this goal could not be opened: the title, the details, the steps and why it was dropped were damaged or do not belong to it. The rest is shown.',
    );

    // Saved with nothing typed into them: stored as they were, byte for byte.
    await db().goals.put({ ...(read as NonNullable<typeof read>), targetDate: '2024-07-31' });
    const kept = await storedGoal(second.id);
    expect(kept[SEALED_RECORD_FIELD]).toEqual(moved);
    expect(kept.targetDate).toBe('2024-07-31');
    // The null stayed a null, plain, and reads as one.
    expect(kept.dropReason).toBeNull();
    expect((await db().goals.get(second.id))?.dropReason).toBeNull();
    // A change of its other fields on the stored record (update) needs no sealed value to open.
    await db().goals.update(second.id, { status: 'on-track' });
    expect((await storedGoal(second.id))[SEALED_RECORD_FIELD]).toEqual(moved);

    // Once a field is typed into, the record's values are sealed anew and open again.
    const again = await db().goals.get(second.id);
    await db().goals.put({ ...(again as NonNullable<typeof again>), title: 'Lead a debrief, again' });
    const retyped = await db().goals.get(second.id);
    expect(unreadableFields(retyped)).toEqual([]);
    expect(retyped).toMatchObject({ title: 'Lead a debrief, again', details: '', steps: [] });
    // The first goal is untouched.
    expect((await db().goals.get(first.id))?.title).toBe(TITLE);
  });

  it('leave an empty value of a table with one sealed field plain, and seal the others', async () => {
    const { relationship } = await seedPair();
    await lockOn();
    const empty = await logMeeting(meetingInput(relationship.id, { notes: '' }));
    const full = await logMeeting(
      meetingInput(relationship.id, { notes: 'Talked it through', date: '2024-06-02' }),
    );
    const notes = await storedRows(db().name, 'meetingNotes');
    expect(notes.find((note) => note.id === empty.id)?.notes).toBe('');
    expect(isSealed(notes.find((note) => note.id === full.id)?.notes)).toBe(true);
    expect((await db().meetingNotes.get(full.id))?.notes).toBe('Talked it through');
  });

  it("keep a pair's capacity reason, nested in its override, beside the end reason", async () => {
    const { relationship } = await seedPair();
    await lockOn();
    const override = {
      reason: 'Covering a colleague on leave — QUOKKA-8841',
      at: '2024-06-01T09:00:00.000Z',
    };
    await db().relationships.update(relationship.id, { capacityOverride: override });
    const stored = (await storedRows(db().name, 'relationships')).find(
      (row) => row.id === relationship.id,
    ) as Row;
    expect(stored.capacityOverride).toEqual({ at: override.at });
    expect(stored.endReason).toBeNull();
    expect(isSealed(stored[SEALED_RECORD_FIELD])).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('QUOKKA-8841');
    expect((await db().relationships.get(relationship.id))?.capacityOverride).toEqual(override);

    // Ended early with a reason: both kept, sealed together.
    await changeRelationshipStatus(relationship.id, 'ended-early', TODAY, 'Moved away');
    expect(await db().relationships.get(relationship.id)).toMatchObject({
      endReason: 'Moved away',
      capacityOverride: override,
    });
    // The override taken off: the pair reads without it, its reason sealed with it or not.
    await db().relationships.update(relationship.id, { capacityOverride: null });
    expect(await db().relationships.get(relationship.id)).toMatchObject({
      endReason: 'Moved away',
      capacityOverride: null,
    });
  });
});
