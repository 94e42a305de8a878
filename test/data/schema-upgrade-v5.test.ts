// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, GuidingHandsDb, SCHEMA_V4, TABLE_NAMES } from '../../renderer/data/db';

// Version 5 (the clinic lock) changes no index: a clinic on version 4 opens with every record as it
// was (text is sealed only when the manager turns the lock on, not by the upgrade).

const STAMP = '2024-01-01T09:00:00.000Z';
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const MEETING = {
  id: 'meeting-1',
  relationshipId: 'pair-1',
  date: '2024-05-02',
  durationMinutes: 45,
  format: 'in-person',
  topics: ['patient-loss'],
  notes: 'Talked about the night shift — café après.',
  confidential: true,
  createdAt: STAMP,
  updatedAt: STAMP,
};

async function createVersion4Database(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(4).stores(SCHEMA_V4);
  await old.open();
  await old.table('meetings').add(MEETING);
  old.close();
}

describe('upgrading a version 4 database to version 5', () => {
  it('keeps every record exactly as it was and records the upgrade in the audit log', async () => {
    const name = `upgrade-v5-${crypto.randomUUID()}`;
    await createVersion4Database(name);
    const db = new GuidingHandsDb(name);
    opened.push(db);
    await db.open();
    // Later versions run after this one; what it kept must survive them.
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual([...TABLE_NAMES].sort());
    expect(await db.meetings.get('meeting-1')).toEqual(MEETING);
    const audit = await db.auditLog.toArray();
    // One confirmation for the whole open, naming the version reached.
    expect(audit.map((entry) => entry.detail)).toContain(
      `Database upgraded to version ${CURRENT_SCHEMA_VERSION}.`,
    );
  });
});
