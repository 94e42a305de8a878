// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import {
  countMeetingsForRelationship,
  listLatestMeetingsForRelationship,
  listMeetingsForRelationship,
} from '../../renderer/data/meetings.repo';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  everyStoredField,
  inKeyOrder,
  openUpgraded,
  pairPeopleAsStored,
} from './schema-upgrade-helpers';
import { withoutSummaryFields } from './stored-rows';

// A clinic on version 16 opens version 17: the meetings lose their index of the pairing alone, every
// record of every table keeps every field, and every query by pairing is answered from the pair-and-date
// index instead, the meetings of one pair only, in date order.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function pair(id: string) {
  return {
    id,
    programId: 'residency',
    mentorId: 'mentor',
    menteeId: 'mentee',
    status: 'active',
    startDate: '2024-01-08',
    statusHistory: [{ status: 'active', date: '2024-01-08' }],
    lastMeetingDate: '2024-05-20',
    clockStart: '2024-05-20',
  };
}

function meeting(id: string, relationshipId: string, date: string, extra: object = {}) {
  return {
    id,
    relationshipId,
    date,
    durationMinutes: 30,
    format: 'in-person',
    topics: ['patient-loss'],
    notes: `Notes of ${id}`,
    confidential: false,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...extra,
  };
}

// Ids out of date order, and a pair whose id is a prefix of the other's.
const MEETINGS = [
  meeting('m-3', 'pair', '2024-03-01'),
  meeting('m-1', 'pair', '2024-05-20', { milestoneId: 'milestone' }),
  meeting('m-2', 'pair-b', '2024-04-01'),
  meeting('m-4', 'pair', '2024-01-15'),
  meeting('m-5', 'pair-b', '2024-02-01'),
];

const V16_CONTENT = {
  people: pairPeopleAsStored(),
  programs: [
    { id: 'residency', name: 'Residency', cadenceDays: 14, typicalLengthMonths: 12, archived: false },
  ],
  relationships: [pair('pair'), pair('pair-b')],
  meetings: MEETINGS,
};

async function upgraded(): Promise<string> {
  const name = `upgrade-v17-${crypto.randomUUID()}`;
  await createDatabaseAt(name, 16, V16_CONTENT);
  const before = await everyStoredField(name);
  const db = await openUpgraded(name);
  expect(db.verno).toBeGreaterThanOrEqual(17);
  const store = db.backendDB().transaction('meetings', 'readonly').objectStore('meetings');
  expect([...store.indexNames].sort()).toEqual(['[relationshipId+date]', 'date', 'milestoneId']);
  db.close();
  const after = await everyStoredField(name);
  // Version 18 runs after this one: its pairing summaries (and the derived fields its rewrite of every
  // person brings up to date) are checked by its own test.
  after.people = withoutSummaryFields('people', after.people);
  before.people = withoutSummaryFields('people', before.people);
  // No record of any table changed (the upgrade's audit entry aside).
  for (const table of tablesOfSchema(16))
    if (table !== 'auditLog') expect(after[table], table).toEqual(before[table]);
  expect(after.meetings).toEqual(inKeyOrder(MEETINGS));
  return name;
}

describe('upgrading a version 16 database to version 17', () => {
  it('drops the meetings index of the pairing alone and keeps every field of every record', async () => {
    await upgraded();
  });

  it('answers every query by pairing from the pair-and-date index', async () => {
    const name = await upgraded();
    const db = switchDatabase(name);
    try {
      await db.open();
      expect(await countMeetingsForRelationship('pair')).toBe(3);
      expect(await countMeetingsForRelationship('pair-b')).toBe(2);
      expect(await countMeetingsForRelationship('pai')).toBe(0);
      expect((await listMeetingsForRelationship('pair')).map((row) => row.id)).toEqual(['m-1', 'm-3', 'm-4']);
      const latest = await listLatestMeetingsForRelationship('pair-b', 1);
      expect(latest.meetings.map((row) => row.id)).toEqual(['m-2']);
      expect(latest.total).toBe(2);
      expect(await db.meetings.where('relationshipId').anyOf(['pair-b', 'nobody']).primaryKeys()).toEqual([
        'm-5',
        'm-2',
      ]);
      const keys: string[] = [];
      await db.meetings.orderBy('relationshipId').eachKey((key) => keys.push(key as string));
      expect(keys).toEqual(['pair', 'pair', 'pair', 'pair-b', 'pair-b']);
    } finally {
      closeDatabase();
    }
  });
});
