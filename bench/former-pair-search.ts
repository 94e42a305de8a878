import { getDb } from '../renderer/data/db';
import { countPairsIn, type FoundPairs, type PairSearch } from '../renderer/data/pair-search.repo';
import { getPeopleByIds } from '../renderer/data/people.repo';
import { pairLabel } from '../renderer/domain/pair-label';
import { searchTerms } from '../renderer/domain/people-search';
import type { Id, Person, Relationship } from '../renderer/domain/types';
import { pickerPairSearch } from '../renderer/features/meetings/usePairingPicker';

// The pair picker's search as it was at schema version 23 (a copy, for the side-by-side bench): the
// pairs of each of the rarest term's people from the mentee and mentor indexes' keys (two requests a
// person), every one of those pairs read, then kept if each term has one of its two people.

const PEOPLE_PER_STEP = 100;
const PAIRS_PER_SLICE = 64;

async function findPairsOfVersion23(search: PairSearch): Promise<FoundPairs> {
  const db = getDb();
  // One transaction for the hundreds of small requests, instead of one each.
  return db.transaction('r', db.people, db.relationships, () => findInVersion23(search));
}

async function findInVersion23(search: PairSearch): Promise<FoundPairs> {
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
  const walk = [...idsByTerm[rarest]];
  const mayMatch = (pair: Relationship) =>
    statuses.includes(pair.status) &&
    idsByTerm.every((ids) => ids.has(pair.menteeId) || ids.has(pair.mentorId));
  const people = new Map<Id, Person>();
  const found: Relationship[] = [];
  const seen = new Set<Id>();
  for (let step = 0; step < walk.length && found.length <= limit; step += PEOPLE_PER_STEP) {
    const ids = walk.slice(step, step + PEOPLE_PER_STEP);
    const keys = await Promise.all(
      ids.flatMap((id) => [
        db.relationships.where('menteeId').equals(id).primaryKeys(),
        db.relationships.where('mentorId').equals(id).primaryKeys(),
      ]),
    );
    const pairIds = [...new Set(keys.flat())].filter((id) => !seen.has(id));
    for (let at = 0; at < pairIds.length && found.length <= limit; at += PAIRS_PER_SLICE) {
      const slice = pairIds.slice(at, at + PAIRS_PER_SLICE);
      for (const id of slice) seen.add(id);
      const pairs = (await db.relationships.bulkGet(slice)).filter(
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

/** The pair picker's read for what was typed, with the search of version 23 (readPickerPairs as it was). */
export async function version23PickerPairs(query: string, limit: number): Promise<string[]> {
  await countPairsIn(['active', 'paused']);
  const terms = searchTerms(query);
  const found = await findPairsOfVersion23(pickerPairSearch(terms, limit));
  return found.relationships.map((pair) => pairLabel(pair, found.people)).sort((a, b) => a.localeCompare(b));
}
