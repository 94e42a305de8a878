// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, closeDatabase } from '../../renderer/data/db';
import { unpackRows } from '../../renderer/data/packed-rows';
import { type StoredMonthDigest, tableDigestKey } from '../../renderer/data/report-digests';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import { loadAndSave } from './helpers';
import {
  closeUpgradeDatabasesAfterEach,
  pairAsStored,
  personRecordAsTyped,
  rawStoredTables,
  type TableContent,
  upgradeAppDatabaseFrom,
} from './schema-upgrade-helpers';

// A clinic on version 25 opens version 26: every record of every table stays exactly as it was, and the
// new table of digests (report-digests.ts) is there, empty. The first report counts the months it
// needs from the records and keeps them; the next is made from them, and both are the report the
// records give.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-01-01T09:00:00.000Z';

function meeting(id: string, date: string, topics: string[]) {
  return {
    id,
    relationshipId: 'p1',
    date,
    durationMinutes: 40,
    format: 'in-person',
    topics,
    confidential: false,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

function item(id: string, meetingId: string, meetingDate: string, done: boolean) {
  return {
    id,
    meetingId,
    relationshipId: 'p1',
    text: `Action ${id}`,
    owner: 'mentee',
    dueDate: '2024-06-30',
    done,
    doneDate: done ? meetingDate : null,
    createdAt: STAMP,
    updatedAt: STAMP,
    meetingDate,
  };
}

const CONTENT: TableContent = {
  people: [
    personRecordAsTyped('mentee', 'Liam Chen', { isMentee: true, hireDate: '2023-09-01' }),
    personRecordAsTyped('mentor', 'Grace Okafor', { isMentor: true, hireDate: '2015-02-01' }),
  ],
  programs: [{ id: 'residency', name: 'Residency', cadenceDays: 14, createdAt: STAMP }],
  relationships: [pairAsStored('p1', { lastMeetingDate: '2024-05-20' })],
  meetings: [
    meeting('m1', '2024-02-10', ['ethics']),
    meeting('m2', '2024-03-05', ['stress', 'ethics']),
    meeting('m3', '2024-03-28', []),
    meeting('m4', '2024-05-20', ['research']),
  ],
  actionItems: [item('a1', 'm2', '2024-03-05', true), item('a2', 'm4', '2024-05-20', false)],
};

describe('schema version 26: month digests of the report', () => {
  it('adds the empty table and changes no record; reports count the months from the records, then keep them', async () => {
    const { name, db } = await upgradeAppDatabaseFrom(25, CONTENT);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const stored = await rawStoredTables(name);
    expect(stored.reportDigests).toEqual([]);
    for (const table of ['people', 'programs', 'relationships', 'meetings', 'actionItems'] as const)
      expect(stored[table]).toEqual(CONTENT[table]);

    const period = resolvePeriod({ kind: 'custom', start: '2024-02-15', end: '2024-05-31' }, '2024-06-15');
    const fromRecords = await loadAndSave(period, { digests: false });
    expect(fromRecords.meetings.map((row) => row.id)).toEqual(['m2', 'm3', 'm4']);
    expect(fromRecords.actionItems.map((row) => row.id)).toEqual(['a1', 'a2']);
    const first = await loadAndSave(period);
    const kept = await db.reportDigests.toArray();
    expect(kept.map((row) => row.key)).toEqual([
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      'table:milestones',
      'table:people',
      // The pairs' digest in parts by id, each kept (empty or not).
      ...Array.from({ length: 16 }, (_, part) => tableDigestKey('relationships', part)).sort(),
      'table:trainingRecords',
    ]);
    // The whole of February is kept, though the period starts on the 15th.
    expect(unpackRows((kept[0].digest as StoredMonthDigest).meetings).map((row) => row.id)).toEqual(['m1']);
    const second = await loadAndSave(period);
    const options = {
      period,
      programIds: 'all' as const,
      today: '2024-06-15',
      generatedAt: STAMP,
      appVersion: 'test',
    };
    for (const data of [first, second]) {
      expect(data).toEqual(fromRecords);
      expect(computeReport(data, options)).toEqual(computeReport(fromRecords, options));
    }
    closeDatabase();
    // Nothing but the digests was written by the reports.
    const after = await rawStoredTables(name);
    for (const table of ['people', 'programs', 'relationships', 'meetings', 'actionItems'] as const)
      expect(after[table]).toEqual(stored[table]);
  });
});
