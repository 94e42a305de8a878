// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DATABASE_TABLES, TABLE_NAMES, type TableName } from '../../renderer/data/db';
import {
  appRecords,
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  inKeyOrder,
  openUpgraded,
} from './schema-upgrade-helpers';

// A clinic that used version 1 of the app opens version 2: every record must survive untouched, and
// each pairing must learn the date of its latest meeting from the meetings already stored.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function pairV1(id: string, menteeId: string) {
  // Version 1 relationships had no lastMeetingDate field at all.
  return {
    id,
    programId: 'residency',
    mentorId: 'mentor',
    menteeId,
    focus: 'clinical',
    startDate: '2024-01-08',
    plannedEndDate: '2025-01-08',
    endDate: null,
    status: 'active',
    endReason: null,
    statusHistory: [{ status: 'active', date: '2024-01-08' }],
    capacityOverride: id === 'pair-b' ? { reason: 'Only night-shift mentor', at: STAMP } : null,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

function meetingV1(id: string, relationshipId: string, date: string) {
  return {
    id,
    relationshipId,
    date,
    durationMinutes: 30,
    format: 'video',
    topics: ['ethics'],
    notes: `Notes of ${id}`,
    confidential: id.endsWith('2'),
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

/** What a version-1 clinic had stored, table by table. */
const V1_CONTENT: Partial<Record<TableName, object[]>> & Record<'relationships' | 'auditLog', object[]> = {
  people: [
    {
      id: 'mentor',
      name: 'Grace Okafor',
      email: 'grace@clinic.example',
      profession: 'nurse',
      tags: ['triage'],
    },
    { id: 'mentee-a', name: 'Liam Chen', email: 'liam@clinic.example', profession: 'nurse', tags: [] },
    { id: 'mentee-b', name: 'Sofia Rossi', email: 'sofia@clinic.example', profession: 'resident', tags: [] },
    { id: 'mentee-c', name: 'Noah Patel', email: 'noah@clinic.example', profession: 'student', tags: [] },
  ],
  programs: [
    { id: 'residency', name: 'Residency', cadenceDays: 14, typicalLengthMonths: 12, archived: false },
  ],
  relationships: [pairV1('pair-a', 'mentee-a'), pairV1('pair-b', 'mentee-b'), pairV1('pair-c', 'mentee-c')],
  // Stored out of date order on purpose: the upgrade must find the latest, not the last written.
  meetings: [
    meetingV1('a-2', 'pair-a', '2024-05-20'),
    meetingV1('a-1', 'pair-a', '2024-02-29'),
    meetingV1('a-3', 'pair-a', '2024-03-31'),
    meetingV1('b-1', 'pair-b', '2023-12-31'),
  ],
  actionItems: [
    {
      id: 'item-1',
      meetingId: 'a-2',
      relationshipId: 'pair-a',
      text: 'Read the sepsis bundle',
      owner: 'mentee',
      dueDate: '2024-06-01',
      done: false,
      doneDate: null,
    },
  ],
  topics: [{ id: 'handover', label: 'Shift handover', builtIn: false, archived: false }],
  // No tables of later versions: a version 1 clinic has none, and the upgrade leaves them empty.
  settings: [{ key: 'clinic', clinicName: 'Riverside', paperSize: 'A4', backupWarnDays: 7, onboarded: true }],
  auditLog: [{ at: STAMP, table: 'people', recordId: 'mentor', action: 'create', fields: ['name'] }],
};

describe('upgrading a version 1 database to version 2', () => {
  it('gives each pairing the date of its latest meeting, or none when it never met', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 1, V1_CONTENT);
    const db = await openUpgraded(name);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const lastDates = Object.fromEntries(
      (await db.relationships.toArray()).map((pair) => [pair.id, pair.lastMeetingDate]),
    );
    expect(lastDates).toEqual({ 'pair-a': '2024-05-20', 'pair-b': '2023-12-31', 'pair-c': null });
  });

  it('keeps every field of every record in every table, adding only lastMeetingDate', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 1, V1_CONTENT);
    const db = await openUpgraded(name);
    const lastDates: Record<string, string | null> = {
      'pair-a': '2024-05-20',
      'pair-b': '2023-12-31',
      'pair-c': null,
    };
    for (const table of TABLE_NAMES) {
      const expected =
        table === 'relationships'
          ? V1_CONTENT.relationships.map((pair) => ({
              ...pair,
              lastMeetingDate: lastDates[(pair as { id: string }).id],
            }))
          : table === 'auditLog'
            ? [
                ...V1_CONTENT.auditLog.map((entry, index) => ({ ...entry, seq: index + 1 })),
                // The upgrade itself is recorded, by the strict commit that follows it.
                {
                  seq: V1_CONTENT.auditLog.length + 1,
                  at: expect.any(String),
                  table: 'settings',
                  recordId: 'clinic',
                  action: 'update',
                  fields: ['schemaVersion'],
                  detail: `Database upgraded to version ${CURRENT_SCHEMA_VERSION}.`,
                },
              ]
            : (V1_CONTENT[table] ?? []);
      expect(inKeyOrder(await appRecords(db, table)), table).toStrictEqual(inKeyOrder(expected));
    }
  });

  it('lets the dashboard find pairs by last meeting date through the new index', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 1, V1_CONTENT);
    const db = await openUpgraded(name);
    const metBeforeMarch = await db.relationships.where('lastMeetingDate').below('2024-03-01').primaryKeys();
    expect(metBeforeMarch).toEqual(['pair-b']);
  });

  it('changes nothing when a version 2 database is opened again', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 1, V1_CONTENT);
    const first = await openUpgraded(name);
    const snapshot = await Promise.all(TABLE_NAMES.map((table) => appRecords(first, table)));
    first.close();
    const again = await openUpgraded(name);
    expect(await Promise.all(TABLE_NAMES.map((table) => appRecords(again, table)))).toEqual(snapshot);
  });

  it('creates an empty version 2 database for a new clinic', async () => {
    const db = await openUpgraded(`new-${crypto.randomUUID()}`);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual([...DATABASE_TABLES].sort());
    expect(await db.relationships.count()).toBe(0);
  });
});
