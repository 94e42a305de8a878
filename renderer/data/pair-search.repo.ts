import type { Id, Person, Relationship, RelationshipStatus } from '../domain/types';
import { getDb } from './db';
import { getPeopleByIds, type PeopleCursor, rarestTerm, searchPeoplePage } from './people.repo';

// Finding a pair by a name typed in a search box without reading every pair and every person: the
// people whose words start with the rarest term typed (the word index of people) are taken in name
// order a batch at a time, each batch's pairs read by the mentee and mentor indexes, until a page of
// matching pairs is found. Every pair that matches has one of its two people among them.

export interface PairSearch {
  statuses: readonly RelationshipStatus[];
  /** What was typed, as search terms (people-search.ts); a matching pair has each in one of its people. */
  terms: readonly string[];
  /**
   * Whether a person whose words start with `term` (the rarest typed) may be the one searched for: their
   * pairs are then looked at.
   */
  personMatches: (person: Person, term: string) => boolean;
  /** Whether a pair matches, knowing both of its people. */
  pairMatches: (relationship: Relationship, people: Map<Id, Person>) => boolean;
  limit: number;
}

export interface FoundPairs {
  /** At most `limit` pairs, in the order found (by the name of the matching person). */
  relationships: Relationship[];
  /** The people of those pairs, by id. */
  people: Map<Id, Person>;
  /** Whether more pairs match than the ones returned. */
  more: boolean;
}

const PEOPLE_PER_STEP = 100;

export async function findPairsByPerson(search: PairSearch): Promise<FoundPairs> {
  const { statuses, terms, personMatches, pairMatches, limit } = search;
  const relationships = getDb().relationships;
  const found = new Map<Id, Relationship>();
  const people = new Map<Id, Person>();
  const rarest = await rarestTerm(terms);
  if (!rarest || rarest.count === 0) return { relationships: [], people: new Map(), more: false };
  const { term } = rarest;
  let after: PeopleCursor | null = null;
  do {
    const page = await searchPeoplePage({
      terms: [term],
      direction: 'ascending',
      after,
      limit: PEOPLE_PER_STEP,
      keep: (person) => personMatches(person, term),
    });
    after = page.next;
    if (page.people.length === 0) break;
    for (const person of page.people) people.set(person.id, person);
    const ids = page.people.map((person) => person.id);
    const [asMentee, asMentor] = await Promise.all([
      relationships.where('menteeId').anyOf(ids).toArray(),
      relationships.where('mentorId').anyOf(ids).toArray(),
    ]);
    const candidates = [...asMentee, ...asMentor].filter(
      (pair) => statuses.includes(pair.status) && !found.has(pair.id),
    );
    const partners = await getPeopleByIds(
      candidates.flatMap((pair) => [pair.menteeId, pair.mentorId]).filter((id) => !people.has(id)),
    );
    for (const [id, person] of partners) people.set(id, person);
    for (const pair of candidates)
      if (!found.has(pair.id) && pairMatches(pair, people)) found.set(pair.id, pair);
  } while (after && found.size <= limit);
  const all = [...found.values()];
  const shown = all.slice(0, limit);
  const named = new Map<Id, Person>();
  for (const pair of shown)
    for (const id of [pair.menteeId, pair.mentorId]) {
      const person = people.get(id);
      if (person) named.set(id, person);
    }
  return { relationships: shown, people: named, more: all.length > limit };
}

/** How many pairs have one of these statuses (counted on the status index, no record read). */
export async function countPairsIn(statuses: readonly RelationshipStatus[]): Promise<number> {
  const counts = await Promise.all(
    statuses.map((status) => getDb().relationships.where('status').equals(status).count()),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
