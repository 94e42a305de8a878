import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DATABASE_TABLES } from '../../renderer/data/db';
import { closeUpgradeDatabasesAfterEach, createDatabaseAt, openUpgraded } from './schema-upgrade-helpers';

// Version 6 adds mentor training and recognition tables. Nothing in the tables that were there changes.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-03-01T09:00:00.000Z';
const PERSON = {
  id: 'grace',
  name: 'Grace Okafor',
  email: 'grace@clinic.example',
  profession: 'nurse',
  specialty: 'Emergency',
  careerStage: 'senior',
  hireDate: '2010-01-04',
  leavingDate: null,
  tags: ['triage'],
  isMentor: true,
  isMentee: false,
  mentorCapacity: 3,
  archived: false,
  createdAt: STAMP,
  updatedAt: STAMP,
};
const PAIR = {
  id: 'pair',
  programId: 'program',
  mentorId: 'grace',
  menteeId: 'liam',
  focus: 'clinical',
  startDate: '2024-01-08',
  plannedEndDate: null,
  endDate: null,
  status: 'active',
  endReason: null,
  statusHistory: [{ status: 'active', date: '2024-01-08' }],
  capacityOverride: null,
  lastMeetingDate: '2024-02-01',
  createdAt: STAMP,
  updatedAt: STAMP,
};

async function createVersion5Database(name: string): Promise<void> {
  // As versions 3 and 4 stored them, with their index fields.
  await createDatabaseAt(name, 5, {
    people: [{ ...PERSON, nameKey: 'grace okafor' }],
    relationships: [{ ...PAIR, clockStart: '2024-02-01' }],
  });
}

describe('upgrading a version 5 database to version 6', () => {
  it('keeps every person and pairing as it was and starts the training and recognition tables empty', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    await createVersion5Database(name);
    const db = await openUpgraded(name);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.people.toArray()).toStrictEqual([PERSON]);
    expect(await db.relationships.toArray()).toStrictEqual([PAIR]);
    expect(await db.trainingCourses.count()).toBe(0);
    expect(await db.trainingRecords.count()).toBe(0);
    expect(await db.recognitions.count()).toBe(0);
    // Every later version's tables come with it (empty).
    expect(db.tables.map((table) => table.name).sort()).toEqual([...DATABASE_TABLES].sort());
    const upgrade = await db.auditLog.where('[table+recordId]').equals(['settings', 'clinic']).last();
    expect(upgrade?.detail).toBe(`Database upgraded to version ${CURRENT_SCHEMA_VERSION}.`);
  });

  it('finds completions by renew-by day and by person through the new indexes', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    await createVersion5Database(name);
    const db = await openUpgraded(name);
    const record = (id: string, renewBy: string) => ({
      id,
      personId: 'grace',
      courseId: 'course',
      provider: 'Regional college',
      completedOn: '2023-05-01',
      hours: 6,
      renewBy,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
    // With the people: a mentor's furthest renew-by day is kept beside them (version 12).
    await db.transaction('rw', db.trainingRecords, db.people, () =>
      db.trainingRecords.bulkAdd([record('old', '2024-05-01'), record('new', '2025-05-01')]),
    );
    expect(await db.trainingRecords.where('renewBy').below('2024-12-31').primaryKeys()).toEqual(['old']);
    expect(await db.trainingRecords.where('personId').equals('grace').count()).toBe(2);
  });
});
