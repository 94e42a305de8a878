// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  GuidingHandsDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  TABLE_NAMES,
  tablesOfSchema,
} from '../../renderer/data/db';

// A clinic on version 7 opens version 8: every record of every table keeps every field, the three
// questionnaire tables appear empty, and pairs can be found by status and start or end date.

const STAMP = '2024-01-01T09:00:00.000Z';
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function pair(id: string, fields: object) {
  return {
    id,
    programId: 'residency',
    mentorId: 'mentor',
    menteeId: 'mentee',
    focus: 'clinical',
    startDate: '2024-01-08',
    plannedEndDate: null,
    endDate: null,
    status: 'active',
    endReason: null,
    statusHistory: [{ status: 'active', date: '2024-01-08' }],
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    clockStart: '2024-01-08',
    ...fields,
  };
}

const V7_CONTENT: Record<string, object[]> = {
  // Each table in primary-key order, as it reads back.
  people: [
    { id: 'mentee', name: 'Liam Chen', email: 'liam@clinic.example', profession: 'nurse', tags: [] },
    { id: 'mentor', name: 'Grace Okafor', email: 'grace@clinic.example', profession: 'nurse', tags: [] },
  ],
  programs: [
    { id: 'residency', name: 'Residency', cadenceDays: 14, typicalLengthMonths: 12, archived: false },
  ],
  relationships: [
    pair('a-started-feb', { startDate: '2024-02-01', clockStart: '2024-02-01' }),
    pair('b-started-jan', {}),
    pair('c-ended', {
      status: 'completed',
      endDate: '2024-05-31',
      statusHistory: [
        { status: 'active', date: '2024-01-08' },
        { status: 'completed', date: '2024-05-31' },
      ],
    }),
  ],
  meetings: [],
  actionItems: [],
  topics: [{ id: 'handover', label: 'Shift handover', builtIn: false, archived: false }],
  settings: [{ key: 'clinic', clinicName: 'Riverside', paperSize: 'A4', backupWarnDays: 7, onboarded: true }],
  auditLog: [{ seq: 1, at: STAMP, table: 'people', recordId: 'mentor', action: 'create', fields: ['name'] }],
};

async function createVersion7Database(name: string): Promise<void> {
  const v7 = new Dexie(name);
  v7.version(1).stores(SCHEMA_V1);
  v7.version(2).stores(SCHEMA_V2);
  v7.version(3).stores(SCHEMA_V3);
  v7.version(4).stores(SCHEMA_V4);
  v7.version(5).stores(SCHEMA_V5);
  v7.version(6).stores(SCHEMA_V6);
  v7.version(7).stores(SCHEMA_V7);
  await v7.open();
  await v7.transaction('rw', [...tablesOfSchema(7)], async () => {
    for (const table of tablesOfSchema(7)) await v7.table(table).bulkAdd(V7_CONTENT[table] ?? []);
  });
  v7.close();
}

/** The records exactly as stored (no app hooks on this connection). */
async function storedTables(name: string): Promise<Record<string, object[]>> {
  const raw = new Dexie(name);
  opened.push(raw);
  await raw.open();
  const tables: Record<string, object[]> = {};
  for (const table of raw.tables) tables[table.name] = await table.toArray();
  raw.close();
  return tables;
}

async function upgrade(name: string): Promise<GuidingHandsDb> {
  await createVersion7Database(name);
  const db = new GuidingHandsDb(name);
  opened.push(db);
  await db.open();
  return db;
}

describe('upgrading a version 7 database to version 8', () => {
  it('keeps every field of every record in every table and adds three empty questionnaire tables', async () => {
    const name = `upgrade-v8-${crypto.randomUUID()}`;
    const db = await upgrade(name);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
    const stored = await storedTables(name);
    expect(Object.keys(stored).sort()).toEqual([...TABLE_NAMES].sort());
    for (const table of tablesOfSchema(7)) {
      const expected =
        table === 'auditLog'
          ? [
              ...V7_CONTENT.auditLog,
              {
                seq: 2,
                at: expect.any(String),
                table: 'settings',
                recordId: 'clinic',
                action: 'update',
                fields: ['schemaVersion'],
                detail: `Database upgraded to version ${CURRENT_SCHEMA_VERSION}.`,
              },
            ]
          : (V7_CONTENT[table] ?? []);
      expect(stored[table], table).toStrictEqual(expected);
    }
    expect(stored.questionnaires).toEqual([]);
    expect(stored.responses).toEqual([]);
    expect(stored.supportRequests).toEqual([]);
  });

  it('finds pairs by status and start date, and ended pairs by end date, through the new indexes', async () => {
    const db = await upgrade(`upgrade-v8-${crypto.randomUUID()}`);
    const startedInJanuary = await db.relationships
      .where('[status+startDate+id]')
      .between(['active', '2024-01-01', Dexie.minKey], ['active', '2024-01-31', Dexie.maxKey], true, true)
      .primaryKeys();
    expect(startedInJanuary).toEqual(['b-started-jan']);
    const endedInMay = await db.relationships
      .where('[status+endDate]')
      .between(['completed', '2024-05-01'], ['completed', '2024-05-31'], true, true)
      .primaryKeys();
    expect(endedInMay).toEqual(['c-ended']);
  });

  it('takes answers by person and by pairing once upgraded', async () => {
    const db = await upgrade(`upgrade-v8-${crypto.randomUUID()}`);
    await db.responses.add({
      id: 'r1',
      questionnaireId: 'builtin-pairing-fit',
      personId: 'mentee',
      relationshipId: 'b-started-jan',
      checkpoint: 'month-1',
      answeredOn: '2024-02-09',
      createdAt: STAMP,
      answers: { 'often-enough': 3 },
      support: 'not-offered',
    });
    expect(await db.responses.where('personId').equals('mentee').primaryKeys()).toEqual(['r1']);
    expect(await db.responses.where('relationshipId').equals('b-started-jan').count()).toBe(1);
  });
});
