// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DATABASE_TABLES, type GuidingHandsDb, tablesOfSchema } from '../../renderer/data/db';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  openUpgraded,
  pairAsStored,
  storedRecords as storedWithIndexFields,
} from './schema-upgrade-helpers';

// A clinic on version 9 opens version 10 (development plans): every record of every table keeps every
// field, the goal tables are there and empty.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function pair(id: string, status: string, startDate: string) {
  return pairAsStored(id, { status, startDate, statusHistory: [{ status, date: startDate }] });
}

const V9_CONTENT: Record<string, object[]> = {
  people: [{ id: 'mentor', name: 'Grace Okafor', email: 'grace@clinic.example' }],
  programs: [{ id: 'residency', name: 'Residency', cadenceDays: 14, typicalLengthMonths: 12 }],
  relationships: [
    pair('early', 'active', '2024-01-31'),
    pair('late', 'active', '2024-05-02'),
    pair('paused', 'paused', '2024-01-02'),
  ],
  meetings: [{ id: 'm1', relationshipId: 'early', date: '2024-02-29', notes: 'Private words' }],
  actionItems: [
    { id: 'a1', meetingId: 'm1', relationshipId: 'early', text: 'Read', done: false, dueDate: null },
  ],
  topics: [{ id: 'handover', label: 'Shift handover', builtIn: false, archived: false }],
  settings: [{ key: 'clinic', clinicName: 'Riverside', paperSize: 'A4', backupWarnDays: 7, onboarded: true }],
  auditLog: [{ at: STAMP, table: 'people', recordId: 'mentor', action: 'create', fields: ['name'] }],
};

/** The records exactly as stored (no app hooks on this connection), derived index fields left out. */
async function storedRecords(name: string, table: string): Promise<object[]> {
  const rows = await storedWithIndexFields(name, table);
  return rows.map((row) => {
    const {
      clockStart: _clock,
      openDueDate: _due,
      liveDueDate: _live,
      nameKey: _key,
      ...rest
    } = row as Record<string, unknown>;
    return rest;
  });
}

async function upgrade(name: string): Promise<GuidingHandsDb> {
  await createDatabaseAt(name, 9, V9_CONTENT);
  const db = await openUpgraded(name);
  expect(db.verno).toBeGreaterThanOrEqual(10);
  return db;
}

describe('upgrading a version 9 database to version 10 (development plans)', () => {
  it('keeps every field of every record of every table', async () => {
    const name = `upgrade-v10-${crypto.randomUUID()}`;
    const db = await upgrade(name);
    db.close();
    for (const table of tablesOfSchema(9)) {
      const before = V9_CONTENT[table] ?? [];
      const after = await storedRecords(name, table);
      if (table === 'auditLog') {
        expect(after.slice(0, before.length)).toEqual(
          before.map((entry, index) => ({ ...entry, seq: index + 1 })),
        );
        expect(after.at(-1)).toMatchObject({
          detail: expect.stringMatching(/^Database upgraded to version \d+\.$/),
        });
      } else {
        const byId = (rows: object[]) =>
          [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        expect(byId(after)).toEqual(byId(before));
      }
    }
  });

  it('adds the goal tables, empty', async () => {
    const db = await upgrade(`upgrade-v10-${crypto.randomUUID()}`);
    expect(db.tables.map((table) => table.name).sort()).toEqual([...DATABASE_TABLES].sort());
    expect(await db.goals.count()).toBe(0);
    expect(await db.goalProgress.count()).toBe(0);
    expect(await db.goalAreas.count()).toBe(0);
  });
});
