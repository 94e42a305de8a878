// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, tablesOfSchema } from '../../renderer/data/db';
import {
  closeUpgradeDatabasesAfterEach,
  pairAsStored,
  pairPeopleAsStored,
  storedTables,
  upgradeFrom,
} from './schema-upgrade-helpers';

// A clinic on version 7 opens version 8: every record of every table keeps every field, the three
// questionnaire tables appear empty, and pairs can be found by status and start or end date.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function pair(id: string, fields: object) {
  return pairAsStored(id, { clockStart: '2024-01-08', ...fields });
}

const V7_CONTENT: Record<string, object[]> = {
  // Each table in primary-key order, as it reads back.
  people: pairPeopleAsStored(),
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

describe('upgrading a version 7 database to version 8', () => {
  it('keeps every field of every record in every table and adds three empty questionnaire tables', async () => {
    const { name, db } = await upgradeFrom(7, V7_CONTENT);
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
    const { db } = await upgradeFrom(7, V7_CONTENT);
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
    const { db } = await upgradeFrom(7, V7_CONTENT);
    // As the app writes an answer: with the pairs, whose questionnaire summaries it keeps.
    await db.transaction('rw', db.responses, db.relationships, () =>
      db.responses.add({
        id: 'r1',
        questionnaireId: 'builtin-pairing-fit',
        personId: 'mentee',
        relationshipId: 'b-started-jan',
        checkpoint: 'month-1',
        answeredOn: '2024-02-09',
        createdAt: STAMP,
        answers: { 'often-enough': 3 },
        support: 'not-offered',
      }),
    );
    expect(await db.responses.where('personId').equals('mentee').primaryKeys()).toEqual(['r1']);
    expect(await db.responses.where('relationshipId').equals('b-started-jan').count()).toBe(1);
  });
});
