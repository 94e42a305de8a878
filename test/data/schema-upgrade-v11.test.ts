// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DATABASE_TABLES, type GuidingHandsDb, tablesOfSchema } from '../../renderer/data/db';
import {
  closeUpgradeDatabasesAfterEach,
  inKeyOrder,
  pairPeopleAsStored,
  storedRecords,
  upgradeFrom,
} from './schema-upgrade-helpers';

// A clinic on version 10 opens version 11: every record of every table (development plans included)
// keeps every field, the milestone, milestone-type and meeting-guide tables are there and empty, and
// meetings can be found by milestone.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

const V10_CONTENT: Record<string, object[]> = {
  people: pairPeopleAsStored(),
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

/** A version 10 database holding V10_CONTENT, opened by the app. */
async function upgraded(): Promise<{ name: string; db: GuidingHandsDb }> {
  const result = await upgradeFrom(10, V10_CONTENT);
  expect(result.db.verno).toBeGreaterThanOrEqual(11);
  return result;
}

describe('upgrading a version 10 database to version 11', () => {
  it('keeps every field of every record in every table of version 10', async () => {
    const { name, db } = await upgraded();
    db.close();
    for (const table of tablesOfSchema(10)) {
      const stored = await storedRecords(name, table);
      if (table === 'auditLog') {
        // The upgrade itself is recorded after the entries that were there.
        expect(stored[0]).toEqual({ ...V10_CONTENT.auditLog[0], seq: 1 });
        expect(stored.at(-1)).toMatchObject({
          detail: expect.stringMatching(/^Database upgraded to version/),
        });
      } else expect(stored, table).toStrictEqual(inKeyOrder(V10_CONTENT[table] ?? []));
    }
  });

  it('adds the milestone, milestone-type and meeting-guide tables, empty', async () => {
    const { db } = await upgraded();
    expect(db.tables.map((table) => table.name).sort()).toEqual([...DATABASE_TABLES].sort());
    expect(await db.milestones.count()).toBe(0);
    expect(await db.milestoneTypes.count()).toBe(0);
    expect(await db.meetingGuides.count()).toBe(0);
  });

  it('finds debrief meetings by milestone, and no meeting of before the upgrade', async () => {
    const { db } = await upgraded();
    expect(await db.meetings.orderBy('milestoneId').count()).toBe(0);
    // With the pairs and meetings: the milestone's summary fields follow them (version 12).
    await db.transaction('rw', [db.milestones, db.relationships, db.meetings], async () => {
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
    });
    expect(await db.meetings.where('milestoneId').equals('first').primaryKeys()).toEqual(['meeting']);
  });
});
