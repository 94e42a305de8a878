import { getDb } from '../renderer/data/db';
import { nameKeyOf } from '../renderer/data/derived-fields';
import { countPairsIn, type FoundPairs, type PairSearch } from '../renderer/data/pair-search.repo';
import {
  countPeople,
  getPeopleByIds,
  listPeoplePage,
  type PeopleCursor,
  type PeoplePage,
  type PeopleSearchQuery,
  peopleCursor,
  rarestTerm,
} from '../renderer/data/people.repo';
import { pairLabel } from '../renderer/domain/pair-label';
import { nameAndEmailWords, personWords, termsMatch, textsMatch } from '../renderer/domain/people-search';
import type { Id, Person, Relationship } from '../renderer/domain/types';

// The People search and the pair picker's search as they were with the word index of schema version 14
// alone (copies, for the side-by-side bench): a word many people share read every one of them and sorted
// them, or walked the name order; the picker walked those people a hundred at a time and read every pair
// of theirs and every partner.

const WORDS = 'wordKeys';
const PEOPLE_PER_STEP = 100;

const compareKeys = (a: [string, string], b: [string, string]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

export async function formerSearchPeoplePage(query: PeopleSearchQuery): Promise<PeoplePage> {
  const { terms, keep, direction, limit } = query;
  const matches = (person: Person) => termsMatch(terms, personWords(person)) && (!keep || keep(person));
  const rarest = await rarestTerm(terms);
  if (!rarest) return listPeoplePage(query);
  if (rarest.count === 0) return { people: [], next: null };
  const total = await countPeople();
  // Reading the range costs about its length; walking the name order about limit × total / count rows.
  if (rarest.count * rarest.count > 2 * (limit + 1) * total)
    return listPeoplePage({ ...query, keep: matches });
  const found = await getDb().people.where(WORDS).startsWith(rarest.term).toArray();
  const byId = new Map<Id, Person>();
  for (const person of found) if (matches(person)) byId.set(person.id, person);
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = [...byId.values()].map((person) => ({
    person,
    key: [nameKeyOf(person), person.id] as [string, string],
  }));
  keyed.sort((a, b) => sign * compareKeys(a.key, b.key));
  const after = query.after ? ([query.after.nameKey, query.after.id] as [string, string]) : null;
  const rest = after ? keyed.filter(({ key }) => sign * compareKeys(key, after) > 0) : keyed;
  const page = rest.slice(0, limit).map(({ person }) => person);
  return { people: page, next: rest.length > limit ? peopleCursor(page[page.length - 1]) : null };
}

async function formerFindPairsByPerson(search: PairSearch): Promise<FoundPairs> {
  const { statuses, terms, personMatches, pairMatches, limit } = search;
  const relationships = getDb().relationships;
  const found = new Map<Id, Relationship>();
  const people = new Map<Id, Person>();
  const rarest = await rarestTerm(terms);
  if (!rarest || rarest.count === 0) return { relationships: [], people: new Map(), more: false };
  const { term } = rarest;
  let after: PeopleCursor | null = null;
  do {
    const page = await formerSearchPeoplePage({
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

/** The pair picker's read for what was typed, with the former search (readPickerPairs as it was). */
export async function formerPickerPairs(terms: string[], limit: number): Promise<string[]> {
  await countPairsIn(['active', 'paused']);
  const found = await formerFindPairsByPerson({
    statuses: ['active', 'paused'],
    limit,
    terms,
    personMatches: (person, term) => termsMatch([term], nameAndEmailWords(person)),
    pairMatches: (pair, people) =>
      textsMatch(terms, [
        pairLabel(pair, people),
        people.get(pair.menteeId)?.email ?? '',
        people.get(pair.mentorId)?.email ?? '',
      ]),
  });
  return found.relationships.map((pair) => pairLabel(pair, found.people)).sort((a, b) => a.localeCompare(b));
}
