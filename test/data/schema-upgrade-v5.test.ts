// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DATABASE_TABLES } from '../../renderer/data/db';
import { closeUpgradeDatabasesAfterEach, createDatabaseAt, openUpgraded } from './schema-upgrade-helpers';

// Version 5 (the clinic lock) changes no index: a clinic on version 4 opens with every record as it
// was (text is sealed only when the manager turns the lock on, not by the upgrade).

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

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

describe('upgrading a version 4 database to version 5', () => {
  it('keeps every record exactly as it was and records the upgrade in the audit log', async () => {
    const name = `upgrade-v5-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 4, { meetings: [MEETING] });
    const db = await openUpgraded(name);
    // Later versions run after this one; what it kept must survive them.
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual([...DATABASE_TABLES].sort());
    // The notes in their own table since version 23.
    const stored = await db.meetings.get('meeting-1');
    expect({ ...stored, notes: (await db.meetingNotes.get('meeting-1'))?.notes }).toEqual(MEETING);
    const audit = await db.auditLog.toArray();
    // One confirmation for the whole open, naming the version reached.
    expect(audit.map((entry) => entry.detail)).toContain(
      `Database upgraded to version ${CURRENT_SCHEMA_VERSION}.`,
    );
  });
});
