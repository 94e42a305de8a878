// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPairsByPerson, type PairSearch } from '../../renderer/data/pair-search.repo';
import { createPeopleInBulk } from '../../renderer/data/people.repo';
import { personWords, searchTerms, wordsOfTexts } from '../../renderer/domain/people-search';
import type { Id, Person, Relationship, RelationshipStatus } from '../../renderer/domain/types';
import { pickerPairSearch } from '../../renderer/features/meetings/usePairingPicker';
import { freshDatabasePerTest, personInput } from './helpers';

// The pair picker's search reads only the pairs of some people; whatever the clinic and whatever is
// typed, it must find what a filter of every person and every pair finds, in the documented order: by
// the people of the rarest term (the fewest word-index entries; in that index's order: word, then id),
// each one's pairs as mentee then
// as mentor (by id), a pair once; at most `limit`, and `more` when others match.

const db = freshDatabasePerTest();
const STAMP = '2024-01-01T09:00:00.000Z';
const STATUSES: RelationshipStatus[] = ['active', 'paused', 'proposed', 'completed', 'ended-early'];
// Few words, some starting others, some also a specialty's or a tag's: names collide as in a clinic.
const FIRST = ['Ana', 'Anna', 'Ben', 'Léa', 'Fiona'];
const LAST = ['Achebe', 'Ache', 'Roy', 'Royce', 'Anders'];
const SPECIALTIES = ['Emergency', 'Anaesthesia', 'Royal care'];
// Two tags' words start with "wi", so "wi" can be a term nearly everyone has (its ids not read) while
// no name or e-mail has it: a pair must not match it through its label's "with".
const TAGS = ['triage', 'achebe fund', 'ben day', 'wing west', 'winter rota'];
// 'clinic' and 'example' are in every e-mail: the terms whose ids are not read.
const TYPED = [
  'ana',
  'an',
  'anna',
  'ben',
  'lea',
  'fiona',
  'f',
  'achebe',
  'ache',
  'a',
  'roy',
  'royce',
  'r',
  'clinic',
  'example',
  'w',
  'wi',
  'with',
];

/** The search the picker makes for what was typed. */
function searchFor(query: string, limit: number): PairSearch {
  return pickerPairSearch(searchTerms(query), limit);
}

/** What the search must return, from every person and every pair read and filtered. */
function reference(people: Person[], pairs: Relationship[], search: PairSearch) {
  const { terms, statuses, limit, personMatches } = search;
  // Each term starts a word of either person's name or e-mail (written here, not taken from the search).
  const nameOrEmailWords = (person: Person | undefined) =>
    person ? wordsOfTexts([person.name, person.email ?? '']) : [];
  const pairMatches = (pair: Relationship, byId: Map<Id, Person>) =>
    terms.every((typed) =>
      [...nameOrEmailWords(byId.get(pair.menteeId)), ...nameOrEmailWords(byId.get(pair.mentorId))].some(
        (word) => word.startsWith(typed),
      ),
    );
  const byId = new Map(people.map((person) => [person.id, person]));
  const firstWord = (person: Person, term: string) =>
    personWords(person)
      .filter((word) => word.startsWith(term))
      .sort()[0];
  const idsByTerm = terms.map(
    (term) => new Set(people.filter((person) => firstWord(person, term) !== undefined).map((p) => p.id)),
  );
  if (terms.length === 0 || idsByTerm.some((ids) => ids.size === 0))
    return { ids: [] as Id[], more: false, people: [] as Id[] };
  // The rarest term has the fewest entries in the word index: a person counts once per word it starts.
  const entries = terms.map((term) =>
    people.reduce(
      (sum, person) => sum + [...new Set(personWords(person))].filter((word) => word.startsWith(term)).length,
      0,
    ),
  );
  const rarest = entries.reduce((best, count, at) => (count < entries[best] ? at : best), 0);
  const term = terms[rarest];
  const key = (person: Person) => `${firstWord(person, term)}\u0000${person.id}`;
  const walk = people
    .filter((person) => idsByTerm[rarest].has(person.id))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const byPairId = (a: Relationship, b: Relationship) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ordered = new Map<Id, Relationship>();
  for (const person of walk)
    for (const pair of [
      ...pairs.filter((pair) => pair.menteeId === person.id).sort(byPairId),
      ...pairs.filter((pair) => pair.mentorId === person.id).sort(byPairId),
    ])
      if (!ordered.has(pair.id)) ordered.set(pair.id, pair);
  const matching = [...ordered.values()].filter(
    (pair) =>
      statuses.includes(pair.status) &&
      idsByTerm.every((ids) => ids.has(pair.menteeId) || ids.has(pair.mentorId)) &&
      [byId.get(pair.menteeId), byId.get(pair.mentorId)].some(
        (person) => person && personMatches(person, term),
      ) &&
      pairMatches(pair, byId),
  );
  const shown = matching.slice(0, limit);
  return {
    ids: shown.map((pair) => pair.id),
    more: matching.length > limit,
    people: [...new Set(shown.flatMap((pair) => [pair.menteeId, pair.mentorId]))].sort(),
  };
}

const personArbitrary = fc.record({
  first: fc.constantFrom(...FIRST),
  last: fc.constantFrom(...LAST),
  specialty: fc.constantFrom(...SPECIALTIES),
  tags: fc.subarray(TAGS, { maxLength: 2 }),
});

const clinicArbitrary = fc.array(personArbitrary, { minLength: 2, maxLength: 14 }).chain((people) =>
  fc.record({
    people: fc.constant(people),
    pairs: fc.array(
      fc.record({
        mentee: fc.nat(people.length - 1),
        mentor: fc.nat(people.length - 1),
        status: fc.constantFrom(...STATUSES),
      }),
      { maxLength: 30 },
    ),
    queries: fc.array(
      fc.record({
        typed: fc.array(fc.constantFrom(...TYPED), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
        limit: fc.integer({ min: 1, max: 6 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);

describe("the pair picker's search against a filter of every pair", () => {
  it('finds the same pairs, in the same order, with the same page and "more", for any clinic and words', async () => {
    await fc.assert(
      fc.asyncProperty(clinicArbitrary, async (clinic) => {
        await db().transaction('rw', db().people, db().relationships, async () => {
          await db().relationships.clear();
          await db().people.clear();
        });
        const people = await createPeopleInBulk(
          clinic.people.map(({ first, last, specialty, tags }, index) =>
            personInput({
              name: `${first} ${last}`,
              email: `${first.toLowerCase()}.${last.toLowerCase()}${index}@clinic.example`,
              specialty,
              tags,
            }),
          ),
        );
        const pairs = clinic.pairs.map(
          ({ mentee, mentor, status }, index) =>
            ({
              id: `pair-${String(index).padStart(2, '0')}`,
              programId: 'residency',
              menteeId: people[mentee].id,
              mentorId: people[mentor].id,
              focus: 'clinical',
              startDate: '2024-01-01',
              plannedEndDate: null,
              endDate: null,
              status,
              endReason: null,
              statusHistory: [{ status, date: '2024-01-01' }],
              capacityOverride: null,
              lastMeetingDate: null,
              createdAt: STAMP,
              updatedAt: STAMP,
            }) as Relationship,
        );
        await db().transaction('rw', db().relationships, db().people, () =>
          db().relationships.bulkAdd(pairs),
        );
        for (const { typed, limit } of clinic.queries) {
          const search = searchFor(typed, limit);
          const found = await findPairsByPerson(search);
          expect({
            ids: found.relationships.map((pair) => pair.id),
            more: found.more,
            people: [...found.people.keys()].sort(),
          }).toEqual(reference(people, pairs, search));
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
