// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { closeDatabase, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { searchPeoplePage } from '../../renderer/data/people.repo';
import { searchTerms } from '../../renderer/domain/people-search';
import { closeUpgradeDatabasesAfterEach, createDatabaseAt, openUpgraded } from './schema-upgrade-helpers';
import { withoutPairingSummaries } from './stored-rows';

// A clinic on version 15 opens version 16: every record of every table keeps every field it had, and
// every person gains, for each of their words, an entry of the word, their name key and their id (a
// multi-entry index), so the people with a word come in name order from the index. The app never sees
// the entries.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function person(id: string, name: string, nameKey: string, wordKeys: string[], extra: object = {}) {
  return {
    id,
    name,
    email: `${id}@clinic.example`,
    profession: 'nurse',
    specialty: '',
    careerStage: 'experienced',
    hireDate: null,
    leavingDate: null,
    tags: [],
    isMentor: true,
    isMentee: false,
    mentorCapacity: 2,
    archived: false,
    createdAt: STAMP,
    updatedAt: STAMP,
    // As version 15 stored it: the name key of version 4 and the words of version 14.
    nameKey,
    wordKeys,
    ...extra,
  };
}

const PEOPLE = [
  person('zoe', 'Zoé Martin', 'zoe martin', ['clinic', 'example', 'martin', 'zoe']),
  person('ana', 'Ana MARTIN', 'ana martin', ['ana', 'clinic', 'example', 'martin'], {
    trainingRenewBy: '2025-01-01',
    mentorRenewBy: '2025-01-01',
  }),
  person('ben', 'Ben Martinez', 'ben martinez', ['ben', 'clinic', 'example', 'martinez']),
];
const PROGRAM = {
  id: 'residency',
  name: 'Residency',
  cadenceDays: 14,
  typicalLengthMonths: 12,
  archived: false,
};

/** Every table's records exactly as stored, every field included. */
async function storedTablesOf(name: string): Promise<Record<string, object[]>> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const tables: Record<string, object[]> = {};
    for (const table of raw.tables) tables[table.name] = await table.toArray();
    return tables;
  } finally {
    raw.close();
  }
}

const entries = (row: (typeof PEOPLE)[number]) =>
  row.wordKeys.map((word) => `${word}\u0000${row.nameKey}\u0000${row.id}`);

describe('upgrading a version 15 database to version 16', () => {
  it('keeps every field of every record and gives every person an entry of each word with their name', async () => {
    const name = `upgrade-v16-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 15, { people: PEOPLE, programs: [PROGRAM] });
    const db = await openUpgraded(name);
    expect(db.verno).toBeGreaterThanOrEqual(16);
    const shown = await db.people.toArray();
    expect(shown.map((row) => Object.keys(row))).not.toContainEqual(expect.arrayContaining(['wordNames']));
    db.close();
    const stored = await storedTablesOf(name);
    // The pairing summaries of version 18, checked by its own upgrade test, are left aside.
    expect(stored.people.map((row) => withoutPairingSummaries(row as Record<string, unknown>))).toStrictEqual(
      [...PEOPLE].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => ({ ...row, wordNames: entries(row) })),
    );
    expect(stored.programs).toStrictEqual([PROGRAM]);
    for (const table of tablesOfSchema(15))
      if (!['people', 'programs', 'auditLog'].includes(table)) expect(stored[table], table).toEqual([]);
  });

  it('answers a search from the new index once upgraded, one word in name order', async () => {
    const name = `upgrade-v16-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 15, { people: PEOPLE });
    const db = await openUpgraded(name);
    // The index itself answers: one word's entries in name order (Ana, then Zoé), then the next word's.
    expect(await db.people.where('wordNames').startsWith('martin').primaryKeys()).toEqual([
      'ana',
      'zoe',
      'ben',
    ]);
    db.close();
    switchDatabase(name);
    try {
      const page = await searchPeoplePage({ terms: searchTerms('MARTÍN'), direction: 'ascending', limit: 1 });
      expect(page.people.map((row) => row.name)).toEqual(['Ana MARTIN']);
      expect(page.next).toEqual({ nameKey: 'ana martin', id: 'ana' });
      const rest = await searchPeoplePage({
        terms: searchTerms('martin'),
        direction: 'ascending',
        after: page.next,
        limit: 5,
      });
      expect(rest.people.map((row) => row.name)).toEqual(['Ben Martinez', 'Zoé Martin']);
    } finally {
      closeDatabase();
    }
  });
});
