// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  closeDatabase,
  GuidingHandsDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  switchDatabase,
} from '../../renderer/data/db';
import { listRelationshipsPage } from '../../renderer/data/relationships.repo';

// A clinic on version 6 opens version 7, which only adds the status and start-date index of pairs: every
// pair is kept exactly as it was, and the Relationships list finds them all by the new index.

const STAMP = '2024-01-01T09:00:00.000Z';
const opened: Dexie[] = [];

afterEach(async () => {
  closeDatabase();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function pair(id: string, status: string, startDate: string) {
  return {
    id,
    programId: 'residency',
    mentorId: 'mentor',
    menteeId: 'mentee',
    focus: 'clinical',
    startDate,
    plannedEndDate: null,
    endDate: null,
    status,
    endReason: null,
    statusHistory: [{ status, date: startDate }],
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    clockStart: startDate,
  };
}

const PAIRS = [
  pair('a', 'active', '2024-02-01'),
  pair('b', 'paused', '2024-03-01'),
  pair('c', 'completed', '2023-01-01'),
];

async function createVersion6Database(name: string): Promise<void> {
  const v6 = new Dexie(name);
  v6.version(1).stores(SCHEMA_V1);
  v6.version(2).stores(SCHEMA_V2);
  v6.version(3).stores(SCHEMA_V3);
  v6.version(4).stores(SCHEMA_V4);
  v6.version(5).stores(SCHEMA_V5);
  v6.version(6).stores(SCHEMA_V6);
  await v6.open();
  await v6.table('relationships').bulkAdd(PAIRS);
  v6.close();
}

describe('upgrading a version 6 database to version 7', () => {
  it('keeps every pair as it was and lists them by the new index, newest first', async () => {
    const name = `upgrade-v7-${crypto.randomUUID()}`;
    await createVersion6Database(name);
    const db = new GuidingHandsDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
    const raw = new Dexie(name);
    opened.push(raw);
    await raw.open();
    expect(await raw.table('relationships').toArray()).toStrictEqual(PAIRS);
    raw.close();

    switchDatabase(name);
    const page = await listRelationshipsPage({ statuses: ['active', 'paused', 'completed'], limit: 10 });
    expect(page.relationships.map((relationship) => relationship.id)).toEqual(['b', 'a', 'c']);
  });
});
