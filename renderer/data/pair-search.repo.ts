import type { Id, Person, Relationship, RelationshipStatus } from '../domain/types';
import { getDb } from './db';
import { countPeople, countWordStarts, getPeopleByIds } from './people.repo';

// Finding a pair by a name typed in a search box without reading every pair and every person. The
// ids of the people with a word starting with each term typed come from the word index's keys alone (no
// person read). The people of the rarest term are taken a step at a time; their pairs' ids come from the
// pairs' side index (schema version 24: one request a person, its primary keys, no cursor stepping
// through the pairs). A pair is kept only if it is pickable and each term has one of its two people
// among the ids: for another term with few people, checked before the pair is read, against the ids of
// its people's pairs (a whole name typed once read every pair of the rarer word's people to keep a few);
// for a term most people share, on the pair read (a term nearly everyone has, such as the e-mails' domain,
// has no ids read at all). The pairs are read a slice at a time; only then are
// their people read, to check the names and e-mails themselves. It stops at a page of matching pairs.
// Every request runs in one read-only transaction (one transaction each cost 1.2–2× the time).

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
  /**
   * At most `limit` pairs, in the order found: by the people of the rarest term (the fewest entries in the
   * word index, a person counting once per word it starts), in the word index's order
   * (word, then id); the picker shows them by name.
   */
  relationships: Relationship[];
  /** The people of those pairs, by id. */
  people: Map<Id, Person>;
  /** Whether more pairs match than the ones returned. */
  more: boolean;
}

const PEOPLE_PER_STEP = 100;
const PAIRS_PER_SLICE = 64;
/**
 * Another term's people have their pairs' ids read first (one request a person) when they are at most
 * this many times the rarest term's: fewer requests than reading the rarest term's pairs (about four a
 * person) to check them.
 */
const OTHER_PEOPLE_PER_WALKED = 2;
/**
 * A term with at least this share of the people's count in word-index entries sifts out too few pairs
 * for reading its ids (10,000 keys for an e-mail domain) to pay.
 */
const SHARED_BY_NEARLY_ALL = 0.9;

export async function findPairsByPerson(search: PairSearch): Promise<FoundPairs> {
  const db = getDb();
  // One transaction for the hundreds of small requests, instead of one each.
  return db.transaction('r', db.people, db.relationships, () => findIn(search));
}

async function findIn(search: PairSearch): Promise<FoundPairs> {
  const { statuses, terms, personMatches, pairMatches, limit } = search;
  const db = getDb();
  const none: FoundPairs = { relationships: [], people: new Map(), more: false };
  if (terms.length === 0) return none;
  // How many entries of the word index each term has (counted, no key read): the rarest is walked.
  const [everyone, ...counts] = await Promise.all([countPeople(), ...terms.map(countWordStarts)]);
  if (counts.some((count) => count === 0)) return none;
  const rarest = counts.reduce((best, count, at) => (count < counts[best] ? at : best), 0);
  const term = terms[rarest];
  // The ids of each term's people, from the index's keys. A word of a specialty or a tag counts in them
  // too: a pair they let through is still checked on its people's names and e-mails. A term nearly every
  // person has (the clinic's e-mail domain) would sift out next to nothing: its ids are not read, and
  // the pairs are checked on their people alone.
  const idsByTerm = await Promise.all(
    terms.map(async (typed, at) =>
      at === rarest || counts[at] < SHARED_BY_NEARLY_ALL * everyone
        ? new Set(await db.people.where('wordKeys').startsWith(typed).primaryKeys())
        : null,
    ),
  );
  const sifting = idsByTerm.filter((ids): ids is Set<Id> => ids !== null);
  const walk = [...(idsByTerm[rarest] as Set<Id>)];
  // The other terms with few people: the pairs each of them has a person of, from the index's keys.
  const pairsByTerm = await Promise.all(
    idsByTerm.map(async (ids, at) =>
      ids && at !== rarest && ids.size <= OTHER_PEOPLE_PER_WALKED * walk.length
        ? new Set((await Promise.all([...ids].map(pairIdsOf))).flat())
        : null,
    ),
  );
  const knownPairs = pairsByTerm.filter((pairIds): pairIds is Set<Id> => pairIds !== null);
  const mayMatch = (pair: Relationship) =>
    statuses.includes(pair.status) &&
    sifting.every((ids) => ids.has(pair.menteeId) || ids.has(pair.mentorId));
  const people = new Map<Id, Person>();
  const found: Relationship[] = [];
  const seen = new Set<Id>();
  for (let step = 0; step < walk.length && found.length <= limit; step += PEOPLE_PER_STEP) {
    const keys = await Promise.all(walk.slice(step, step + PEOPLE_PER_STEP).map(pairIdsOf));
    // In the walk's order, a pair once (it is under both of its people when both have the term).
    const pairIds: Id[] = [];
    for (const id of keys.flat()) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (knownPairs.every((known) => known.has(id))) pairIds.push(id);
    }
    for (let at = 0; at < pairIds.length && found.length <= limit; at += PAIRS_PER_SLICE) {
      const pairs = (await db.relationships.bulkGet(pairIds.slice(at, at + PAIRS_PER_SLICE))).filter(
        (pair): pair is Relationship => !!pair && mayMatch(pair),
      );
      // Only as many as the page still needs have their people read and checked.
      let next = 0;
      while (next < pairs.length && found.length <= limit) {
        const batch = pairs.slice(next, next + limit + 1 - found.length);
        next += batch.length;
        const unknown = batch
          .flatMap((pair) => [pair.menteeId, pair.mentorId])
          .filter((id) => !people.has(id));
        for (const [id, person] of await getPeopleByIds(unknown)) people.set(id, person);
        for (const pair of batch) {
          const side = [people.get(pair.menteeId), people.get(pair.mentorId)];
          if (side.some((person) => person && personMatches(person, term)) && pairMatches(pair, people))
            found.push(pair);
        }
      }
    }
  }
  const shown = found.slice(0, limit);
  const named = new Map<Id, Person>();
  for (const pair of shown)
    for (const id of [pair.menteeId, pair.mentorId]) {
      const person = people.get(id);
      if (person) named.set(id, person);
    }
  return { relationships: shown, people: named, more: found.length > limit };
}

/** A person's pairs' ids, as mentee then as mentor, each by pair id (from the side index, no pair read). */
function pairIdsOf(personId: Id): Promise<Id[]> {
  // Every entry of the person: the arrays starting with their id sort after [id] and before [id, []].
  return getDb().relationships.where('sideKeys').between([personId], [personId, []]).primaryKeys();
}

/** How many pairs have one of these statuses (counted on the status index, no record read). */
export async function countPairsIn(statuses: readonly RelationshipStatus[]): Promise<number> {
  const counts = await Promise.all(
    statuses.map((status) => getDb().relationships.where('status').equals(status).count()),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
