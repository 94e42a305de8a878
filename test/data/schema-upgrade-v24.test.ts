// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, getDb, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { personDerived, relationshipDerived } from '../../renderer/data/derived-fields';
import { findPairsByPerson } from '../../renderer/data/pair-search.repo';
import { pairLabel } from '../../renderer/domain/pair-label';
import { nameAndEmailWords, searchTerms, termsMatch, textsMatch } from '../../renderer/domain/people-search';
import {
  closeUpgradeDatabasesAfterEach,
  inKeyOrder,
  pairAsStored,
  rawStoredTables,
  staffAsStored,
  type TableContent,
  upgradedFrom,
} from './schema-upgrade-helpers';

// A clinic on version 23 opens version 24: every record of every table keeps every field it had, and
// every pair gains an entry for each of its two people (the person and their side; a multi-entry index),
// so that a person's pairs are one request of the index's primary keys: as mentee, then as mentor, each
// by pair id. The app never sees the entries.

closeUpgradeDatabasesAfterEach();

/** A pair as version 23 stored it: with its meeting-clock start (version 3). */
function pair(id: string, menteeId: string, mentorId: string, status = 'active') {
  const stored = pairAsStored(id, { menteeId, mentorId, status });
  return { ...stored, ...relationshipDerived(stored as never) };
}

/** A person as version 23 stored them: with their words (versions 14 and 16), which the search reads. */
function person(id: string, name: string, role: 'mentor' | 'mentee') {
  const stored = staffAsStored(id, name, role);
  return { ...stored, ...personDerived(stored as never) };
}

// Grace mentors Liam and Maya; she is herself mentored by Ana (a mentee in one pair, a mentor in two).
const OLD_CONTENT: TableContent = {
  people: [
    person('grace', 'Grace Okafor', 'mentor'),
    person('ana', 'Ana Ruiz', 'mentor'),
    person('liam', 'Liam Chen', 'mentee'),
    person('maya', 'Maya Okafor', 'mentee'),
  ],
  programs: [{ id: 'residency', name: 'Residency', createdAt: '2024-01-01T09:00:00.000Z' }],
  relationships: [
    pair('p2', 'maya', 'grace', 'paused'),
    pair('p1', 'liam', 'grace'),
    pair('p3', 'grace', 'ana', 'completed'),
  ],
};

const SIDES: Record<string, unknown> = {
  p1: [
    ['liam', 'mentee'],
    ['grace', 'mentor'],
  ],
  p2: [
    ['maya', 'mentee'],
    ['grace', 'mentor'],
  ],
  p3: [
    ['grace', 'mentee'],
    ['ana', 'mentor'],
  ],
};

const pairsOf = (person: string) =>
  getDb().relationships.where('sideKeys').between([person], [person, []]).primaryKeys();

const upgraded = () => upgradedFrom(23, OLD_CONTENT);

function search(query: string) {
  const terms = searchTerms(query);
  return findPairsByPerson({
    statuses: ['active', 'paused'],
    terms,
    limit: 10,
    personMatches: (person, term) => termsMatch([term], nameAndEmailWords(person)),
    pairMatches: (relationship, people) => textsMatch(terms, [pairLabel(relationship, people)]),
  });
}

describe('upgrading a version 23 database to version 24', () => {
  it('keeps every field of every record and gives each pair an entry of each of its two people', async () => {
    const name = await upgraded();
    const stored = await rawStoredTables(name);
    const pairs = stored.relationships as Record<string, unknown>[];
    expect(pairs.map(({ sideKeys: _sides, ...rest }) => rest)).toStrictEqual(
      inKeyOrder(OLD_CONTENT.relationships!),
    );
    expect(Object.fromEntries(pairs.map((row) => [row.id, row.sideKeys]))).toStrictEqual(SIDES);
    for (const table of tablesOfSchema(23)) {
      if (['relationships', 'auditLog'].includes(table)) continue;
      const old = OLD_CONTENT[table as keyof TableContent] ?? [];
      expect(stored[table], table).toStrictEqual(inKeyOrder(old));
    }
  });

  it("gives a person's pairs from the index, as mentee then as mentor, and finds them by name", async () => {
    const name = await upgraded();
    switchDatabase(name);
    try {
      // As mentee (p3) before as mentor (p1, p2), though p3 sorts last by id.
      expect(await pairsOf('grace')).toEqual(['p3', 'p1', 'p2']);
      // Both of Maya's words are in the pair of two Okafors; Liam's pair has one Okafor only.
      expect((await search('okafor maya')).relationships.map((row) => row.id)).toEqual(['p2']);
      expect((await search('grace')).relationships.map((row) => row.id)).toEqual(['p1', 'p2']);
      // No field stored for the index reaches the app.
      expect(await getDb().relationships.get('p1')).not.toHaveProperty('sideKeys');
    } finally {
      closeDatabase();
    }
  });

  it('moves the entries with a pair whose mentor changes, and drops them with a removed pair', async () => {
    const name = await upgraded();
    switchDatabase(name);
    try {
      const db = getDb();
      await db.transaction('rw', db.relationships, db.people, async () => {
        await db.relationships.update('p1', { mentorId: 'ana' });
        await db.relationships.delete('p2');
      });
      expect(await pairsOf('grace')).toEqual(['p3']);
      expect(await pairsOf('ana')).toEqual(['p1', 'p3']);
    } finally {
      closeDatabase();
    }
  });
});
