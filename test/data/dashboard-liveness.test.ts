// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeBackup, restoreBackupFile } from '../../renderer/data/backup';
import { loadDashboard } from '../../renderer/data/dashboard.repo';
import { getDb, switchDatabase } from '../../renderer/data/db';
import { logMeeting, setActionItemDone } from '../../renderer/data/meetings.repo';
import { changeRelationshipStatus } from '../../renderer/data/relationships.repo';
import type { ActionItem, Relationship } from '../../renderer/domain/types';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { freshDatabasePerTest, meetingInput, seedPair, TODAY } from './helpers';

// An action item's liveDueDate (its due date while it is open and its pair live) is what the dashboard
// counts and reads its past-due list from. It depends on the pair as well as on the item, so it must
// follow both: a pair that ends or comes back, an item ticked off or on, a restore.

freshDatabasePerTest();

const LIVE = ['active', 'paused', 'proposed'];

/** The items the index holds, by id. */
async function indexed(): Promise<string[]> {
  return (await getDb().actionItems.where('liveDueDate').aboveOrEqual('').primaryKeys()).sort();
}

/** The items that should be there: open, dated, of a live pair, worked out from whole tables. */
async function expected(): Promise<string[]> {
  const db = getDb();
  const pairs = new Map((await db.relationships.toArray()).map((pair) => [pair.id, pair]));
  return (await db.actionItems.toArray())
    .filter(
      (item) => !item.done && item.dueDate && LIVE.includes(pairs.get(item.relationshipId)?.status ?? ''),
    )
    .map((item) => item.id)
    .sort();
}

/** A pair with three items due before today: two open, one done. */
async function pairWithItems(): Promise<{ pair: Relationship; items: ActionItem[] }> {
  const { relationship } = await seedPair();
  const meeting = await logMeeting(
    meetingInput(relationship.id, {
      date: '2024-05-01',
      actionItems: [
        { text: 'Read the handover guide', owner: 'mentee', dueDate: '2024-05-10', done: false },
        { text: 'Shadow a night shift', owner: 'mentee', dueDate: '2024-05-20', done: false },
        { text: 'Book the skills lab', owner: 'mentor', dueDate: '2024-05-12', done: true },
      ],
    }),
  );
  const items = await getDb().actionItems.where('meetingId').equals(meeting.id).toArray();
  return { pair: relationship, items };
}

describe('the past-due index of action items follows their pair', () => {
  it('holds the open items of a live pair, and follows an item ticked off and on', async () => {
    const { items } = await pairWithItems();
    const open = items.filter((item) => !item.done).map((item) => item.id);
    expect(await indexed()).toEqual([...open].sort());
    expect((await loadDashboard(TODAY)).totals.pastDueActions).toBe(2);

    await setActionItemDone(open[0], true);
    expect(await indexed()).toEqual([open[1]]);
    expect((await loadDashboard(TODAY, 1)).pastDueActions.map((row) => row.actionItemId)).toEqual([open[1]]);

    await setActionItemDone(open[0], false);
    const done = items.find((item) => item.done) as ActionItem;
    await setActionItemDone(done.id, false);
    expect(await indexed()).toEqual(items.map((item) => item.id).sort());
    expect((await loadDashboard(TODAY)).totals.pastDueActions).toBe(3);
  });

  it('drops the items of a pair that ends, keeps those of a paused one, and takes them back if it runs again', async () => {
    const { pair, items } = await pairWithItems();
    const open = items
      .filter((item) => !item.done)
      .map((item) => item.id)
      .sort();

    await changeRelationshipStatus(pair.id, 'paused', '2024-06-01');
    expect(await indexed()).toEqual(open);

    await changeRelationshipStatus(pair.id, 'completed', '2024-06-10');
    expect(await indexed()).toEqual([]);
    const board = await loadDashboard(TODAY);
    expect(board.totals.pastDueActions).toBe(0);
    expect(board.pastDueActions).toEqual([]);

    // The app has no way back from "completed"; a corrected record written back (as an undo or a
    // repair would) brings the items back.
    const db = getDb();
    await db.transaction(
      'rw',
      [db.relationships, db.actionItems, db.goals, db.milestones, db.people],
      async () => {
        const ended = (await db.relationships.get(pair.id)) as Relationship;
        await db.relationships.put({ ...ended, status: 'active', endDate: null });
      },
    );
    expect(await indexed()).toEqual(open);
    expect((await loadDashboard(TODAY)).totals.pastDueActions).toBe(2);
  });

  it('refuses a pair that stops running written without its items, and an item written without the pairs', async () => {
    const { pair, items } = await pairWithItems();
    const db = getDb();
    const stored = (await db.relationships.get(pair.id)) as Relationship;
    await expect(db.relationships.put({ ...stored, status: 'completed', endDate: TODAY })).rejects.toThrow(
      /includes action items/,
    );
    expect((await db.relationships.get(pair.id))?.status).toBe('active');
    // A write that keeps the pair live needs nothing more.
    await db.relationships.put({ ...stored, focus: 'career' });
    // An open item with a due date needs its pair's status (a done one does not).
    const open = items.find((item) => !item.done) as ActionItem;
    await expect(db.actionItems.put({ ...open, dueDate: '2024-05-11' })).rejects.toThrow(
      /includes the pairs/,
    );
    expect(await indexed()).toEqual(await expected());
  });

  it('clears the items of a deleted pair', async () => {
    const { pair } = await pairWithItems();
    const db = getDb();
    await db.transaction('rw', [db.relationships, db.actionItems, db.goals, db.milestones, db.people], () =>
      db.relationships.delete(pair.id),
    );
    expect(await indexed()).toEqual([]);
  });

  it('is right on a whole clinic written at once, and after a closed pair, a tick and a restore', async () => {
    // More pairs than the middleware reads one by one: the live pairs are read from the status index.
    await loadSampleClinic({
      seed: 3,
      size: { people: 120, relationships: 220, meetings: 900 },
      today: TODAY,
    });
    const all = await expected();
    expect(all.length).toBeGreaterThan(10);
    expect(await indexed()).toEqual(all);
    const db = getDb();
    const [first] = await db.relationships.where('status').equals('active').toArray();
    await changeRelationshipStatus(first.id, 'ended-early', TODAY, 'Moved to another clinic');
    const [item] = await db.actionItems.where('liveDueDate').below(TODAY).limit(1).toArray();
    await setActionItemDone(item.id, true);
    const before = await expected();
    expect(before).not.toEqual(all);
    expect(await indexed()).toEqual(before);

    const backup = await makeBackup({ passphrase: 'meadow-copper-violin-19', scryptWorkFactor: 2 });
    switchDatabase(`restored-${crypto.randomUUID()}`);
    await restoreBackupFile(backup.bytes, 'meadow-copper-violin-19');
    expect(await indexed()).toEqual(before);
    // Restored over a database that already had records (the safety copy path): still right.
    await restoreBackupFile(backup.bytes, 'meadow-copper-violin-19');
    expect(await indexed()).toEqual(before);
  });
});
