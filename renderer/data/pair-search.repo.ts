import type { Id, Person, Relationship, RelationshipStatus } from '../domain/types';
import { getDb } from './db';
import { getPeopleByIds, type PeopleCursor, searchPeoplePage } from './people.repo';

// Finding a pair by a name typed in a search box without reading every pair and every person. The
// ids of the people with a word starting with each term typed come from the word index's keys alone (no
// record read). The people of the rarest term are then taken in name order a step at a time (a page of
// the word-and-name index), their pairs read by the mentee and mentor indexes, and a pair is kept only
// if each term has one of its two people among those ids; only then are its other person read to check
// the names themselves. It stops at a page of matching pairs.

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

const PEOPLE_PER_STEP = 50;

export async function findPairsByPerson(search: PairSearch): Promise<FoundPairs> {
  const { statuses, terms, personMatches, pairMatches, limit } = search;
  const db = getDb();
  const none: FoundPairs = { relationships: [], people: new Map(), more: false };
  if (terms.length === 0) return none;
  // A word of a specialty or a tag counts in these ids too: a pair they let through is still checked on
  // its people's names and e-mails.
  const idsByTerm = await Promise.all(
    terms.map(async (term) => new Set(await db.people.where('wordKeys').startsWith(term).primaryKeys())),
  );
  if (idsByTerm.some((ids) => ids.size === 0)) return none;
  const rarest = idsByTerm.reduce((best, ids, at) => (ids.size < idsByTerm[best].size ? at : best), 0);
  const term = terms[rarest];
  const mayMatch = (pair: Relationship) =>
    statuses.includes(pair.status) &&
    idsByTerm.every((ids) => ids.has(pair.menteeId) || ids.has(pair.mentorId));
  const people = new Map<Id, Person>();
  const found: Relationship[] = [];
  const seen = new Set<Id>();
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
      db.relationships.where('menteeId').anyOf(ids).toArray(),
      db.relationships.where('mentorId').anyOf(ids).toArray(),
    ]);
    // In the order of the people found (by name), each pair once.
    const order = new Map(ids.map((id, at) => [id, at]));
    const place = (pair: Relationship) =>
      Math.min(
        order.get(pair.menteeId) ?? Number.POSITIVE_INFINITY,
        order.get(pair.mentorId) ?? Number.POSITIVE_INFINITY,
      );
    const candidates = [...new Map([...asMentee, ...asMentor].map((pair) => [pair.id, pair])).values()]
      .filter((pair) => !seen.has(pair.id) && mayMatch(pair))
      .sort((a, b) => place(a) - place(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Only as many candidates as the page still needs have their other person read and checked.
    let at = 0;
    while (at < candidates.length && found.length <= limit) {
      const next = candidates.slice(at, at + limit + 1 - found.length);
      at += next.length;
      const partners = await getPeopleByIds(
        next.flatMap((pair) => [pair.menteeId, pair.mentorId]).filter((id) => !people.has(id)),
      );
      for (const [id, person] of partners) people.set(id, person);
      for (const pair of next) {
        seen.add(pair.id);
        if (pairMatches(pair, people)) found.push(pair);
      }
    }
  } while (after && found.length <= limit);
  const shown = found.slice(0, limit);
  const named = new Map<Id, Person>();
  for (const pair of shown)
    for (const id of [pair.menteeId, pair.mentorId]) {
      const person = people.get(id);
      if (person) named.set(id, person);
    }
  return { relationships: shown, people: named, more: found.length > limit };
}

/** How many pairs have one of these statuses (counted on the status index, no record read). */
export async function countPairsIn(statuses: readonly RelationshipStatus[]): Promise<number> {
  const counts = await Promise.all(
    statuses.map((status) => getDb().relationships.where('status').equals(status).count()),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
