// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { searchPeoplePage } from '../../renderer/data/people.repo';
import { searchTerms } from '../../renderer/domain/people-search';
import { readStored } from './helpers';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  everyStoredField,
  openUpgraded,
} from './schema-upgrade-helpers';
import { withoutPairingSummaries } from './stored-rows';

// A clinic on version 13 opens version 14: every record of every table keeps every field it had, and
// every person gains the words of their name, e-mail, specialty and tags (as search keys), indexed, so
// a search of people is a range of that index. The app never sees the words.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function person(id: string, name: string, specialty: string, tags: string[], extra: object = {}) {
  return {
    id,
    name,
    email: `${id}@clinic.example`,
    profession: 'nurse',
    specialty,
    careerStage: 'experienced',
    hireDate: null,
    leavingDate: null,
    tags,
    isMentor: true,
    isMentee: false,
    mentorCapacity: 2,
    archived: false,
    createdAt: STAMP,
    updatedAt: STAMP,
    // As version 13 stored it: the name key of version 4, and a training summary of version 12.
    nameKey: name
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim(),
    ...extra,
  };
}

const PEOPLE = [
  person('zoe.adams', 'Zoe Adams', 'Pédiatrie', ['Wound care', 'evenings']),
  person('emile', 'Émile  Zola', '', [], { trainingRenewBy: '2025-01-01', mentorRenewBy: '2025-01-01' }),
  person('olafur', 'ÓLAFUR Arnalds', 'Emergency', ['research']),
];
const WORDS: Record<string, string[]> = {
  'zoe.adams': ['adams', 'care', 'clinic', 'evenings', 'example', 'pediatrie', 'wound', 'zoe'],
  emile: ['clinic', 'emile', 'example', 'zola'],
  olafur: ['arnalds', 'clinic', 'emergency', 'example', 'olafur', 'research'],
};
const PROGRAM = {
  id: 'residency',
  name: 'Residency',
  cadenceDays: 14,
  typicalLengthMonths: 12,
  archived: false,
};
const TOPIC = { id: 'topic-1', label: 'Handover', archived: false };

describe('upgrading a version 13 database to version 14', () => {
  it('keeps every field of every record and gives every person the words of their name, e-mail, specialty and tags', async () => {
    const name = `upgrade-v14-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 13, { people: PEOPLE, programs: [PROGRAM], topics: [TOPIC] });
    const db = await openUpgraded(name);
    expect(db.verno).toBeGreaterThanOrEqual(14);
    // The app reads the people exactly as version 13 showed them: no derived field.
    const shown = await db.people.toArray();
    expect(shown.map((row) => Object.keys(row))).not.toContainEqual(expect.arrayContaining(['wordKeys']));
    db.close();
    const stored = await everyStoredField(name);
    // Later versions' fields (the entries of each word with the name, version 16; the pairing summaries,
    // version 18), each checked by its own upgrade test, are left aside.
    stored.people = stored.people.map((row) => {
      const { wordNames: _later, ...rest } = row as Record<string, unknown>;
      return withoutPairingSummaries(rest);
    });
    expect(stored.people).toStrictEqual(
      [...PEOPLE].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => ({ ...row, wordKeys: WORDS[row.id] })),
    );
    expect(stored.programs).toStrictEqual([PROGRAM]);
    expect(stored.topics).toStrictEqual([TOPIC]);
    for (const table of tablesOfSchema(13))
      if (!['people', 'programs', 'topics', 'auditLog'].includes(table))
        expect(stored[table], table).toEqual([]);
  });

  it('answers a search of people from the new index once upgraded', async () => {
    const name = `upgrade-v14-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 13, { people: PEOPLE });
    (await openUpgraded(name)).close();
    // The index itself answers: a range of word starts, accent-blind.
    const [ids, startingWithE] = await readStored(name, (raw) => {
      const words = raw.table('people').where('wordKeys');
      return Promise.all([words.startsWith('pedi').primaryKeys(), words.startsWith('e').count()]);
    });
    expect(ids).toEqual(['zoe.adams']);
    // emile, emergency, evenings and every "example".
    expect(startingWithE).toBe(6);
    switchDatabase(name);
    try {
      const find = async (query: string) =>
        (await searchPeoplePage({ terms: searchTerms(query), direction: 'ascending', limit: 10 })).people.map(
          (row) => row.name,
        );
      expect(await find('ZOL')).toEqual(['Émile  Zola']);
      expect(await find('wound')).toEqual(['Zoe Adams']);
      expect(await find('res')).toEqual(['ÓLAFUR Arnalds']);
      expect(await find('clinic')).toEqual(['Émile  Zola', 'ÓLAFUR Arnalds', 'Zoe Adams']);
    } finally {
      closeDatabase();
    }
  });
});
