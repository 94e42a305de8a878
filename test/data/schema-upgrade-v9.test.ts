// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { tablesOfSchema } from '../../renderer/data/db';
import {
  closeUpgradeDatabasesAfterEach,
  pairAsStored,
  pairPeopleAsStored,
  storedTables,
  upgradeFrom,
} from './schema-upgrade-helpers';

// A clinic on version 8 opens version 9: every action item gains liveDueDate (its due date while it is
// open and its pair live), every other field of every record is kept, and the dashboard's new ranges
// (past-due items of live pairs; each program's overdue pairs) answer through the new indexes.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function pair(id: string, fields: object) {
  return pairAsStored(id, { clockStart: '2024-01-08', ...fields });
}

function item(id: string, relationshipId: string, fields: object) {
  return {
    id,
    meetingId: 'm1',
    relationshipId,
    text: 'Read the handover guide',
    owner: 'mentee',
    dueDate: '2024-02-01',
    done: false,
    doneDate: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    openDueDate: '2024-02-01',
    ...fields,
  };
}

const V8_CONTENT: Record<string, object[]> = {
  // Each table in primary-key order, as it reads back.
  people: pairPeopleAsStored(),
  programs: [
    { id: 'residency', name: 'Residency', cadenceDays: 14, typicalLengthMonths: 12, archived: false },
    { id: 'transition', name: 'Transition', cadenceDays: 30, typicalLengthMonths: 6, archived: false },
  ],
  relationships: [
    pair('a-active', {}),
    pair('b-paused', {
      status: 'paused',
      statusHistory: [
        { status: 'active', date: '2024-01-08' },
        { status: 'paused', date: '2024-01-20' },
      ],
    }),
    pair('c-ended', {
      status: 'completed',
      endDate: '2024-05-31',
      statusHistory: [
        { status: 'active', date: '2024-01-08' },
        { status: 'completed', date: '2024-05-31' },
      ],
    }),
    pair('d-other-program', {
      programId: 'transition',
      clockStart: '2024-01-02',
      startDate: '2024-01-02',
      statusHistory: [{ status: 'active', date: '2024-01-02' }],
    }),
  ],
  meetings: [],
  actionItems: [
    item('i1-open', 'a-active', {}),
    item('i2-done', 'a-active', { done: true, doneDate: '2024-01-30', openDueDate: undefined }),
    item('i3-undated', 'a-active', { dueDate: null, openDueDate: undefined }),
    item('i4-paused-pair', 'b-paused', { dueDate: '2024-01-25', openDueDate: '2024-01-25' }),
    item('i5-ended-pair', 'c-ended', {}),
    item('i6-missing-pair', 'z-gone', {}),
  ].map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined))),
  topics: [{ id: 'handover', label: 'Shift handover', builtIn: false, archived: false }],
  settings: [{ key: 'clinic', clinicName: 'Riverside', paperSize: 'A4', backupWarnDays: 7, onboarded: true }],
  auditLog: [{ seq: 1, at: STAMP, table: 'people', recordId: 'mentor', action: 'create', fields: ['name'] }],
};

describe('upgrading a version 8 database to version 9', () => {
  it('marks the open, dated items of live pairs with their due date and keeps every other field', async () => {
    const { name, db } = await upgradeFrom(8, V8_CONTENT);
    expect(db.verno).toBeGreaterThanOrEqual(9);
    db.close();
    const stored = await storedTables(name);
    const live: Record<string, string> = { 'i1-open': '2024-02-01', 'i4-paused-pair': '2024-01-25' };
    expect(stored.actionItems).toStrictEqual(
      (V8_CONTENT.actionItems as { id: string }[]).map((record) =>
        live[record.id] ? { ...record, liveDueDate: live[record.id] } : record,
      ),
    );
    for (const table of tablesOfSchema(8).filter((name) => name !== 'actionItems' && name !== 'auditLog'))
      expect(stored[table], table).toStrictEqual(V8_CONTENT[table] ?? []);
    // One confirmation, naming the newest version the database was brought to (9 or later).
    expect(stored.auditLog.at(-1)).toMatchObject({
      detail: expect.stringMatching(/^Database upgraded to version (9|[1-9]\d+)\.$/),
    });
  });

  it('answers the dashboard ranges through the new indexes', async () => {
    const { db } = await upgradeFrom(8, V8_CONTENT);
    expect(await db.actionItems.where('liveDueDate').below('2024-06-01').primaryKeys()).toEqual([
      'i4-paused-pair',
      'i1-open',
    ]);
    expect(await db.actionItems.where('liveDueDate').below('2024-06-01').count()).toBe(2);
    const overdueInTransition = await db.relationships
      .where('[status+programId+clockStart]')
      .between(['active', 'transition', Dexie.minKey], ['active', 'transition', '2024-03-01'], true, false)
      .primaryKeys();
    expect(overdueInTransition).toEqual(['d-other-program']);
  });
});
