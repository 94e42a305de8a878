// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DATABASE_TABLES, type GuidingHandsDb } from '../../renderer/data/db';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  inKeyOrder,
  openUpgraded,
  pairAsStored,
  storedRecords,
} from './schema-upgrade-helpers';

// A clinic on version 2 opens version 3: every record keeps every field, and pairs and action items
// gain the index fields the dashboard reads by (a pair's meeting-clock start, an open item's due date).

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function pair(id: string, fields: object) {
  return pairAsStored(id, { plannedEndDate: '2025-01-08', ...fields });
}

function item(id: string, fields: object) {
  return {
    id,
    meetingId: 'meeting',
    relationshipId: 'met',
    text: `Text of ${id}`,
    owner: 'mentee',
    dueDate: '2024-06-01',
    done: false,
    doneDate: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields,
  };
}

const PAIRS = [
  pair('never-met', {}),
  pair('met', { lastMeetingDate: '2024-05-20' }),
  // Paused in March, active again in April: the clock runs from the resumption.
  pair('resumed', {
    lastMeetingDate: '2024-02-10',
    status: 'active',
    statusHistory: [
      { status: 'active', date: '2024-01-08' },
      { status: 'paused', date: '2024-03-01' },
      { status: 'active', date: '2024-04-15' },
    ],
  }),
  pair('done', { status: 'completed', endDate: '2024-06-01', plannedEndDate: null }),
];
const ITEMS = [
  item('open', {}),
  item('ticked', { done: true, doneDate: '2024-05-30' }),
  item('no-date', { dueDate: null }),
];
const CLOCKS: Record<string, string> = {
  'never-met': '2024-01-08',
  met: '2024-05-20',
  resumed: '2024-04-15',
  done: '2024-01-08',
};

async function upgrade(name: string): Promise<GuidingHandsDb> {
  await createDatabaseAt(name, 2, { relationships: PAIRS, actionItems: ITEMS });
  const db = await openUpgraded(name);
  // Later versions run after version 3's upgrade; what it wrote must survive them.
  expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  return db;
}

describe('upgrading a version 2 database to version 3', () => {
  it('keeps every field of every pair and action item and adds only the index fields', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    const db = await upgrade(name);
    db.close();
    expect(await storedRecords(name, 'relationships')).toStrictEqual(
      inKeyOrder(PAIRS.map((row) => ({ ...row, clockStart: CLOCKS[row.id] }))),
    );
    expect(await storedRecords(name, 'actionItems')).toStrictEqual([
      { ...ITEMS[2] },
      // Version 9 (on the way to the current version) adds liveDueDate: the item is open, its pair active.
      { ...ITEMS[0], openDueDate: '2024-06-01', liveDueDate: '2024-06-01' },
      { ...ITEMS[1] },
    ]);
  });

  it('shows the app the records as they were, without the index fields', async () => {
    const db = await upgrade(`upgrade-v3-${crypto.randomUUID()}`);
    expect(await db.relationships.toArray()).toStrictEqual(inKeyOrder(PAIRS));
    expect(await db.actionItems.orderBy('id').toArray()).toStrictEqual([ITEMS[2], ITEMS[0], ITEMS[1]]);
    expect(DATABASE_TABLES.length).toBe(db.tables.length);
  });

  it('answers the dashboard by index: active pairs by clock start, open items by due date', async () => {
    const db = await upgrade(`upgrade-v3-${crypto.randomUUID()}`);
    const quietSinceMay = await db.relationships
      .where('[status+clockStart]')
      .between(['active', Dexie.minKey], ['active', '2024-05-01'])
      .primaryKeys();
    expect(quietSinceMay).toEqual(['never-met', 'resumed']);
    expect(
      await db.relationships
        .where('[status+plannedEndDate]')
        .between(['active', '2025-01-01'], ['active', '2025-02-01'])
        .count(),
    ).toBe(3);
    expect(await db.actionItems.where('openDueDate').below('2024-07-01').primaryKeys()).toEqual(['open']);
  });
});
