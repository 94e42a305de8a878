// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, getDb, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { actionItemDerived, relationshipDerived } from '../../renderer/data/derived-fields';
import { loadReportData } from '../../renderer/data/reports.repo';
import {
  closeUpgradeDatabasesAfterEach,
  everyStoredField,
  inKeyOrder,
  pairAsStored,
  staffAsStored,
  type TableContent,
  upgradedFrom,
} from './schema-upgrade-helpers';

// A clinic on version 21 opens version 22: every record of every table keeps every field it had, and
// every action item gains the date of the meeting it was agreed at (none for an item whose meeting is
// gone). A report then reads its period's action items from that index.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-01-01T09:00:00.000Z';

function meeting(id: string, date: string) {
  return {
    id,
    relationshipId: 'p1',
    date,
    durationMinutes: 30,
    format: 'in-person',
    topics: [],
    notes: `Notes of ${id}`,
    confidential: false,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

function item(id: string, meetingId: string, dueDate: string | null) {
  const record = {
    id,
    meetingId,
    relationshipId: 'p1',
    text: `Item ${id}`,
    owner: 'mentee',
    dueDate,
    done: false,
    doneDate: null,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
  // As version 21 stored it: with its open due date and, its pair being active, its live due date.
  const derived = actionItemDerived(record as never);
  return derived.openDueDate ? { ...record, ...derived, liveDueDate: derived.openDueDate } : { ...record };
}

const OLD_CONTENT: TableContent = {
  people: [staffAsStored('m1', 'Grace Okafor', 'mentor'), staffAsStored('e1', 'Liam Chen', 'mentee')],
  programs: [{ id: 'prog', name: 'Residency', createdAt: STAMP }],
  relationships: [
    (() => {
      const stored = pairAsStored('p1', { mentorId: 'm1', menteeId: 'e1', status: 'active' });
      return { ...stored, ...relationshipDerived(stored as never) };
    })(),
  ],
  meetings: [meeting('jan', '2024-01-10'), meeting('mar', '2024-03-31'), meeting('apr', '2024-04-01')],
  actionItems: [
    item('a', 'jan', '2024-02-01'),
    item('b', 'mar', null),
    item('c', 'mar', '2024-04-15'),
    item('d', 'apr', '2024-05-01'),
    item('orphan', 'gone', '2024-03-15'),
  ],
};

const MEETING_DATES: Record<string, string | undefined> = {
  a: '2024-01-10',
  b: '2024-03-31',
  c: '2024-03-31',
  d: '2024-04-01',
  orphan: undefined,
};

const upgraded = () => upgradedFrom(21, OLD_CONTENT);

describe('upgrading a version 21 database to version 22', () => {
  it('keeps every field of every record and gives each action item its meeting’s date', async () => {
    const name = await upgraded();
    const stored = await everyStoredField(name);
    const items = stored.actionItems as Record<string, unknown>[];
    expect(items.map(({ meetingDate: _date, ...rest }) => rest)).toStrictEqual(
      inKeyOrder(OLD_CONTENT.actionItems!),
    );
    expect(Object.fromEntries(items.map((row) => [row.id, row.meetingDate]))).toStrictEqual(MEETING_DATES);
    expect(items.find((row) => row.id === 'orphan')).not.toHaveProperty('meetingDate');
    for (const table of tablesOfSchema(21)) {
      if (['actionItems', 'auditLog'].includes(table)) continue;
      const old = OLD_CONTENT[table as keyof TableContent] ?? [];
      expect(stored[table], table).toStrictEqual(inKeyOrder(old));
    }
  });

  it("reads a report's action items from the meeting-date index, the period's only", async () => {
    const name = await upgraded();
    switchDatabase(name);
    try {
      expect(
        await getDb()
          .actionItems.where('meetingDate')
          .between('2024-03-31', '2024-04-01', true, true)
          .primaryKeys(),
      ).toEqual(['b', 'c', 'd']);
      const march = await loadReportData({ start: '2024-03-01', end: '2024-03-31' });
      expect(march.actionItems.map((row) => row.id).sort()).toEqual(['b', 'c']);
      // A report's item carries its meeting's day (digest format 4), as the index gives it.
      for (const row of march.actionItems) expect(row.meetingDate).toBe(MEETING_DATES[row.id]);
      // No field stored for the index reaches the app.
      expect(await getDb().actionItems.get('a')).not.toHaveProperty('meetingDate');
    } finally {
      closeDatabase();
    }
  });
});
