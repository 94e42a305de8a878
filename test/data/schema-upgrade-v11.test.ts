// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GuidingHandsDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
  TABLE_NAMES,
  tablesOfSchema,
} from '../../renderer/data/db';

// A clinic on version 10 opens version 11: every record of every table (development plans included)
// keeps every field, the milestone, milestone-type and meeting-guide tables are there and empty, and
// meetings can be found by milestone.

const STAMP = '2024-01-01T09:00:00.000Z';
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const V10_CONTENT: Record<string, object[]> = {
  people: [
    {
      id: 'mentor',
      name: 'Grace Okafor',
      email: 'grace@clinic.example',
      profession: 'nurse',
      tags: [],
      nameKey: 'grace okafor',
    },
    {
      id: 'mentee',
      name: 'Liam Chen',
      email: 'liam@clinic.example',
      profession: 'nurse',
      tags: [],
      nameKey: 'liam chen',
    },
  ],
  programs: [
    { id: 'residency', name: 'Residency', cadenceDays: 14, typicalLengthMonths: 12, archived: false },
  ],
  relationships: [
    {
      id: 'pair',
      programId: 'residency',
      mentorId: 'mentor',
      menteeId: 'mentee',
      status: 'active',
      startDate: '2024-01-08',
      statusHistory: [{ status: 'active', date: '2024-01-08' }],
      lastMeetingDate: '2024-05-20',
      clockStart: '2024-05-20',
    },
  ],
  meetings: [
    {
      id: 'meeting',
      relationshipId: 'pair',
      date: '2024-05-20',
      durationMinutes: 30,
      format: 'debrief',
      topics: ['patient-loss'],
      notes: 'Private words',
      confidential: true,
      createdAt: STAMP,
      updatedAt: STAMP,
    },
  ],
  actionItems: [{ id: 'item', meetingId: 'meeting', relationshipId: 'pair', text: 'Rest', done: false }],
  topics: [{ id: 'own', label: 'Night shifts', builtIn: false, archived: false }],
  settings: [{ key: 'clinic', clinicName: 'Riverside', onboarded: true }],
  trainingCourses: [
    { id: 'course', name: 'Mentoring basics', provider: '', renewalMonths: 12, archived: false },
  ],
  goalAreas: [{ id: 'area-own', label: 'Night work', builtIn: false, archived: false }],
  goals: [
    {
      id: 'goal',
      relationshipId: 'pair',
      areaId: 'area-own',
      title: 'Lead a handover',
      details: 'Twice, unprompted',
      setDate: '2024-01-15',
      targetDate: '2024-06-30',
      status: 'on-track',
      dropReason: null,
      steps: [{ text: 'Watch one', done: true }],
      createdAt: STAMP,
      updatedAt: STAMP,
    },
  ],
  goalProgress: [
    {
      id: 'progress',
      goalId: 'goal',
      relationshipId: 'pair',
      meetingId: 'meeting',
      date: '2024-05-20',
      status: 'on-track',
      note: 'Going well',
      createdAt: STAMP,
    },
  ],
  auditLog: [{ at: STAMP, table: 'people', recordId: 'mentor', action: 'create', fields: ['name'] }],
};

/** In primary-key order, as a table reads back. */
function byKey(rows: object[]): object[] {
  const keyOf = (row: object) =>
    String((row as { id?: string; key?: string }).id ?? (row as { key?: string }).key);
  return [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

async function createVersion10Database(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  old.version(2).stores(SCHEMA_V2);
  old.version(3).stores(SCHEMA_V3);
  old.version(4).stores(SCHEMA_V4);
  old.version(5).stores(SCHEMA_V5);
  old.version(6).stores(SCHEMA_V6);
  old.version(7).stores(SCHEMA_V7);
  old.version(8).stores(SCHEMA_V8);
  old.version(9).stores(SCHEMA_V9);
  old.version(10).stores(SCHEMA_V10);
  await old.open();
  const tables = tablesOfSchema(10);
  await old.transaction('rw', tables, async () => {
    for (const table of tables) await old.table(table).bulkAdd(V10_CONTENT[table] ?? []);
  });
  old.close();
}

/** The records exactly as stored (no app hooks on this connection). */
async function storedRecords(name: string, table: string): Promise<object[]> {
  const raw = new Dexie(name);
  opened.push(raw);
  await raw.open();
  const rows = await raw.table(table).toArray();
  raw.close();
  return rows;
}

async function upgrade(name: string): Promise<GuidingHandsDb> {
  await createVersion10Database(name);
  const db = new GuidingHandsDb(name);
  opened.push(db);
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(11);
  return db;
}

describe('upgrading a version 10 database to version 11', () => {
  it('keeps every field of every record in every table of version 10', async () => {
    const name = `upgrade-v11-${crypto.randomUUID()}`;
    const db = await upgrade(name);
    db.close();
    for (const table of tablesOfSchema(10)) {
      const stored = await storedRecords(name, table);
      if (table === 'auditLog') {
        // The upgrade itself is recorded after the entries that were there.
        expect(stored[0]).toEqual({ ...V10_CONTENT.auditLog[0], seq: 1 });
        expect(stored.at(-1)).toMatchObject({
          detail: expect.stringMatching(/^Database upgraded to version/),
        });
      } else expect(stored, table).toStrictEqual(byKey(V10_CONTENT[table] ?? []));
    }
  });

  it('adds the milestone, milestone-type and meeting-guide tables, empty', async () => {
    const db = await upgrade(`upgrade-v11-${crypto.randomUUID()}`);
    expect(db.tables.map((table) => table.name).sort()).toEqual([...TABLE_NAMES].sort());
    expect(await db.milestones.count()).toBe(0);
    expect(await db.milestoneTypes.count()).toBe(0);
    expect(await db.meetingGuides.count()).toBe(0);
  });

  it('finds debrief meetings by milestone, and no meeting of before the upgrade', async () => {
    const db = await upgrade(`upgrade-v11-${crypto.randomUUID()}`);
    expect(await db.meetings.orderBy('milestoneId').count()).toBe(0);
    await db.milestones.add({
      id: 'first',
      relationshipId: 'pair',
      menteeId: 'mentee',
      typeId: 'first-patient-death',
      date: '2024-05-18',
      description: 'A first',
      debriefWithinDays: 7,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
    await db.meetings.update('meeting', { milestoneId: 'first' });
    expect(await db.meetings.where('milestoneId').equals('first').primaryKeys()).toEqual(['meeting']);
  });
});
