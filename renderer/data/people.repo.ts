import Dexie, { type DBCoreTransaction } from 'dexie';
import { compareMentorRank, type MentorRank, menteeMatchWeights } from '../domain/mentor-ranking';
import { personWords, termsMatch, wordsOfTexts } from '../domain/people-search';
import {
  columnSortKey,
  compareSorted,
  type KeyedColumn,
  type SortedPosition,
  sortedPosition,
} from '../domain/people-sort';
import { changedFields, checkPerson, type PersonInput, RuleError } from '../domain/rules';
import { personKey, storedLine, storedText } from '../domain/text';
import { type Id, type Person, PROFESSION_LABELS, PROFESSIONS, type Profession } from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb, getStrictDb } from './db';
import { nameKeyOf, wordNameEntry } from './derived-fields';
import { readKept } from './keyset';
import { ensureRoomFor, storedSizeOf } from './storage';
import type { MentorMatchEntry } from './summary-fields';

export type { PersonInput } from '../domain/rules';

function normalise(input: PersonInput): PersonInput {
  return {
    ...input,
    name: storedLine(input.name),
    email: storedText(input.email),
    specialty: storedText(input.specialty),
    // An empty date field means "not known": stored as null, never as an empty string.
    hireDate: input.hireDate || null,
    leavingDate: input.leavingDate || null,
    tags: [...new Set(input.tags.map(storedLine).filter(Boolean))],
  };
}

export async function listPeople(): Promise<Person[]> {
  return getDb().people.orderBy('name').toArray();
}

/** How many people the clinic has, archived included (counted by the table, no record read). */
export async function countPeople(): Promise<number> {
  return getDb().people.count();
}

/**
 * Whether someone not archived is a mentor (or a mentee). The walk stops at the first one found, so a
 * clinic with staff answers after a few records, never reading the whole table.
 */
export async function hasStaffWho(role: 'isMentor' | 'isMentee'): Promise<boolean> {
  const found = await getDb()
    .people.filter((person) => person[role] && !person.archived)
    .first();
  return found !== undefined;
}

/** Where a page of people ends: the next page starts just after this name key and id. */
export interface PeopleCursor {
  nameKey: string;
  id: Id;
}

export interface PeoplePageQuery {
  direction: 'ascending' | 'descending';
  /** The cursor of the previous page; null (or absent) for the first page. */
  after?: PeopleCursor | null;
  limit: number;
  /** Keeps only the people it accepts (a search or filter); the page still holds `limit` of them. */
  keep?: (person: Person) => boolean;
  /** Only the people of this pairing group (read from the group's own index, in the same order). */
  group?: PairingGroup;
}

export interface PeoplePage {
  people: Person[];
  /** The cursor for the next page; null when no one is left. */
  next: PeopleCursor | null;
}

/** The position of a person in the name order (their name key, computed as the database does). */
export function peopleCursor(person: Pick<Person, 'id' | 'name'>): PeopleCursor {
  return { nameKey: nameKeyOf(person), id: person.id };
}

const NAME_ORDER = '[nameKey+id]';

/** The two groups of the People list that depend on people's pairs. */
export type PairingGroup = 'mentors-with-room' | 'mentees-without-mentor';

/** Each group's index (schema version 20): its people (the field is 1), then the name order. */
const GROUP_ORDER: Record<PairingGroup, string> = {
  'mentors-with-room': '[withRoom+nameKey+id]',
  'mentees-without-mentor': '[withoutMentor+nameKey+id]',
};

/** At most `count` rows of the name order after `from` (from the start when null), in `direction`. */
function nameOrderAfter(from: [string, Id] | null, direction: PeoplePageQuery['direction'], count: number) {
  const table = getDb().people;
  const range =
    direction === 'ascending'
      ? from
        ? table.where(NAME_ORDER).above(from)
        : table.orderBy(NAME_ORDER)
      : from
        ? table.where(NAME_ORDER).below(from).reverse()
        : table.orderBy(NAME_ORDER).reverse();
  return range.limit(count).toArray();
}

const FIRST_IN_GROUP = [1, Dexie.minKey];
const LAST_IN_GROUP = [1, Dexie.maxKey];

/** The whole range of a pairing group's index. */
const everyoneIn = (group: PairingGroup) =>
  getDb().people.where(GROUP_ORDER[group]).between(FIRST_IN_GROUP, LAST_IN_GROUP, true, true);

/** The same in a pairing group's index: its people alone, in the same order. */
function groupOrderAfter(
  group: PairingGroup,
  from: [string, Id] | null,
  direction: PeoplePageQuery['direction'],
  count: number,
) {
  const index = getDb().people.where(GROUP_ORDER[group]);
  const range =
    direction === 'ascending'
      ? index.between(from ? [1, ...from] : FIRST_IN_GROUP, LAST_IN_GROUP, from === null, true)
      : index.between(FIRST_IN_GROUP, from ? [1, ...from] : LAST_IN_GROUP, true, from === null).reverse();
  return range.limit(count).toArray();
}

/**
 * One page of people by name, accents and capitals ignored, ties broken by id (keyset paging on the
 * name-key index, see keyset.ts); with a pairing group, on the group's index, in the same order.
 */
export async function listPeoplePage(query: PeoplePageQuery): Promise<PeoplePage> {
  const { direction, limit, keep, group } = query;
  const start: [string, Id] | null = query.after ? [query.after.nameKey, query.after.id] : null;
  const read = (after: Person | null, count: number) => {
    const from: [string, Id] | null = after ? [nameKeyOf(after), after.id] : start;
    return group ? groupOrderAfter(group, from, direction, count) : nameOrderAfter(from, direction, count);
  };
  // One row more than the page tells whether another page follows.
  const people = await readKept(read, limit + 1, keep);
  const page = people.slice(0, limit);
  return { people: page, next: people.length > limit ? peopleCursor(page[page.length - 1]) : null };
}

/** Where a page sorted by a column ends: the column's sort key, then the name key and id. */
export type SortedPeopleCursor = SortedPosition;

export interface SortedPeopleQuery {
  column: KeyedColumn;
  direction: 'ascending' | 'descending';
  /** The cursor of the previous page; null (or absent) for the first page. */
  after?: SortedPeopleCursor | null;
  limit: number;
  /** Keeps only the people it accepts (a filter); the page still holds `limit` of them. */
  keep?: (person: Person) => boolean;
  /** Only the people of this profession (read from the column's index behind the profession). */
  profession?: Profession;
}

export interface SortedPeoplePage {
  people: Person[];
  /** The cursor for the next page; null when no one is left. */
  next: SortedPeopleCursor | null;
}

const SORT_INDEX: Record<KeyedColumn, string> = {
  Profession: '[sortProfession+nameKey+id]',
  Specialty: '[sortSpecialty+nameKey+id]',
  Role: '[sortRole+nameKey+id]',
  Tags: '[sortTags+nameKey+id]',
};

/** The same orders behind the profession (schema version 21): one profession's people, a range each. */
const PROFESSION_SORT_INDEX: Record<KeyedColumn, string> = {
  Profession: '[profession+sortProfession+nameKey+id]',
  Specialty: '[profession+sortSpecialty+nameKey+id]',
  Role: '[profession+sortRole+nameKey+id]',
  Tags: '[profession+sortTags+nameKey+id]',
};

/** A value with this many people or more is read a value at a time in a descending sort (sortedReader). */
const LONG_RUN = 16;

/** The position of a person in a column's order (their keys, computed as the database computes them). */
export function sortedPeopleCursor(person: Person, column: KeyedColumn): SortedPeopleCursor {
  return sortedPosition(person, column);
}

/**
 * The rows after `from` (from the start when null) in a column's order, up to `count`, from the column's
 * index [key+nameKey+id] (schema version 19). The blank value has the empty key, first in the index but
 * last in the list, so it is read last either way.
 * - Ascending, the rows with a value are the index's order from just past the blank ones.
 * - Descending, the values go down while each value's people still go up by name: the next value's
 *   run is read upwards from its first name, value after value while their runs are long; then the
 *   index is read downwards below them, and each value's run is turned round. The last run read may be
 *   cut short (its first names not reached), so it is read again from its first name instead.
 */
function sortedReader(
  column: KeyedColumn,
  direction: 'ascending' | 'descending',
  profession: Profession | undefined,
) {
  const table = getDb().people;
  const index = profession ? PROFESSION_SORT_INDEX[column] : SORT_INDEX[column];
  // An entry of the index: behind the profession when one is asked for.
  const at = (...parts: unknown[]) => (profession ? [profession, ...parts] : parts);
  // The first and past-the-last entries of a value (an empty array sorts above every string; each bound
  // is a fresh one, as a key may not hold the same array twice), and past the last entry of all.
  const firstOf = (key: string) => at(key, Dexie.minKey, Dexie.minKey);
  const pastLastOf = (key: string) => at(key, [], []);
  const pastAll = () => at([]);
  const keyOf = (person: Person) => columnSortKey(person, column);
  /** The people of one value, by name, after `from` (from the first when null). */
  const group = (key: string, from: SortedPeopleCursor | null, count: number) =>
    count <= 0
      ? Promise.resolve([] as Person[])
      : table
          .where(index)
          .between(from ? at(key, from.nameKey, from.id) : firstOf(key), pastLastOf(key), !from, true)
          .limit(count)
          .toArray();
  /** The rows with a value, downwards from below `upper` (from the top when null). */
  const downwards = (upper: string | null) =>
    table
      .where(index)
      .between(pastLastOf(''), upper === null ? pastAll() : firstOf(upper), false, false)
      .reverse();

  return async (from: SortedPeopleCursor | null, count: number): Promise<Person[]> => {
    if (from && from.key === '') return group('', from, count);
    if (direction === 'ascending') {
      const rows = await table
        .where(index)
        .between(from ? at(from.key, from.nameKey, from.id) : pastLastOf(''), pastAll(), false, false)
        .limit(count)
        .toArray();
      return rows.length < count ? [...rows, ...(await group('', null, count - rows.length))] : rows;
    }
    const rows = from ? await group(from.key, from, count) : [];
    if (rows.length === count) return rows;
    // While the values have long runs (a role, a profession), the next value down is found from its last
    // entry alone and its run read upwards from its first name: read once, not read downwards and then
    // again from its start.
    let upper = from ? from.key : null;
    for (;;) {
      const [top] = await downwards(upper).limit(1).toArray();
      if (!top) return [...rows, ...(await group('', null, count - rows.length))];
      upper = keyOf(top);
      const run = await group(upper, null, count - rows.length);
      rows.push(...run);
      if (rows.length === count) return rows;
      if (run.length < LONG_RUN) break;
    }
    // Short runs (tags, specialties): the rest is read downwards in one go, each run turned round.
    const wanted = count - rows.length;
    const below = await downwards(upper).limit(wanted).toArray();
    // Each value's run, turned round to go up by name.
    const runs: Person[][] = [];
    let last: string | null = null;
    for (const person of below) {
      const key = keyOf(person);
      if (key !== last) runs.push([]);
      runs[runs.length - 1].push(person);
      last = key;
    }
    if (below.length === wanted && last !== null) {
      // The last run may not have reached its value's first names: read it from its start instead.
      runs.pop();
      const whole = runs.reduce((sum, run) => sum + run.length, 0);
      for (const run of runs) rows.push(...run.reverse());
      rows.push(...(await group(last, null, wanted - whole)));
      return rows;
    }
    for (const run of runs) rows.push(...run.reverse());
    return rows.length < count ? [...rows, ...(await group('', null, count - rows.length))] : rows;
  };
}

/**
 * One page of people sorted by a column other than the name, in the list's order (domain/people-sort.ts,
 * the same as sortPeople): the column's values in the direction asked, the blank ones last either way,
 * and the people of one value by name. Keyset paging on the column's index (see sortedReader and
 * keyset.ts): a page costs about its own rows, wherever it starts.
 */
export async function listPeopleSortedPage(query: SortedPeopleQuery): Promise<SortedPeoplePage> {
  const { column, limit, keep } = query;
  const reader = sortedReader(column, query.direction, query.profession);
  const start = query.after ?? null;
  const read = (after: Person | null, count: number) =>
    reader(after ? sortedPeopleCursor(after, column) : start, count);
  // One row more than the page tells whether another page follows.
  const people = await readKept(read, limit + 1, keep);
  const page = people.slice(0, limit);
  return {
    people: page,
    next: people.length > limit ? sortedPeopleCursor(page[page.length - 1], column) : null,
  };
}

export interface SortedPeopleSearchQuery extends SortedPeopleQuery {
  /** What was typed, as search terms (people-search.ts): each must start a word of the person. */
  terms: readonly string[];
}

/**
 * One page of the people whose words start with every term (and whom `keep` accepts), sorted by a column
 * other than the name. When few people have a word starting with the rarest term, they are read from the
 * word index and sorted; when many do, matches are dense, and the column's order is read on until a page
 * of them is found (the same choice as searchPeoplePage's, by the same costs).
 */
export async function searchPeopleSortedPage(query: SortedPeopleSearchQuery): Promise<SortedPeoplePage> {
  const { terms, keep, limit, column, direction } = query;
  const matches = (person: Person) => termsMatch(terms, personWords(person)) && (!keep || keep(person));
  const rarest = await rarestTerm(terms);
  if (!rarest) return listPeopleSortedPage(query);
  if (rarest.count === 0) return { people: [], next: null };
  if (rarest.count > 4 * (limit + 1)) {
    const total = await countPeople();
    if (rarest.count * rarest.count > 2 * (limit + 1) * total)
      return listPeopleSortedPage({ ...query, keep: matches });
  }
  const found = await getDb().people.where(WORDS).startsWith(rarest.term).toArray();
  const byId = new Map<Id, Person>();
  for (const person of found) if (matches(person)) byId.set(person.id, person);
  const keyed = [...byId.values()].map((person) => ({ person, position: sortedPosition(person, column) }));
  keyed.sort((a, b) => compareSorted(a.position, b.position, direction));
  const after = query.after ?? null;
  const rest = after ? keyed.filter(({ position }) => compareSorted(position, after, direction) > 0) : keyed;
  const page = rest.slice(0, limit);
  return {
    people: page.map(({ person }) => person),
    next: rest.length > limit ? page[page.length - 1].position : null,
  };
}

export interface PeopleSearchQuery extends PeoplePageQuery {
  /** What was typed, as search terms (people-search.ts): each must start a word of the person. */
  terms: readonly string[];
}

const WORDS = 'wordKeys';

/** How many index entries hold a word starting with `term` (a person counts once per such word). */
export async function countWordStarts(term: string): Promise<number> {
  return getDb().people.where(WORDS).startsWith(term).count();
}

/** The term of `terms` the fewest people's words start with, and how many index entries start with it. */
export async function rarestTerm(terms: readonly string[]): Promise<{ term: string; count: number } | null> {
  const counts = await Promise.all(terms.map(countWordStarts));
  let best: { term: string; count: number } | null = null;
  for (const [at, count] of counts.entries())
    if (!best || count < best.count) best = { term: terms[at], count };
  return best;
}

const compareKeys = (a: [string, string], b: [string, string]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

/** At most this many words starting with the rarest term are read side by side, each in name order. */
const MAX_WORD_RANGES = 8;

/**
 * One page of the people whose words start with every term (and whom `keep` accepts), in name order,
 * keyset-paged like listPeoplePage. The rarest term is looked up in the word index:
 * - when few people have a word starting with it, they are read from that index range and sorted;
 * - when many do but through few distinct words (a common surname, every e-mail's domain), each word's
 *   range of the word-and-name index (schema version 16) gives its people already in name order, so only
 *   the page's rows are read from each and the pages are merged;
 * - when many do through many words (one or two letters typed), matches are dense: the name index is
 *   read on until a page of them is found.
 * With a pairing group (schema version 20): when the group holds no more people than the rarest term's
 * range, the group's index is walked in name order testing each person's words; otherwise the word's
 * people are read as above and only the group's kept (its ids, from the index keys).
 */
export async function searchPeoplePage(query: PeopleSearchQuery): Promise<PeoplePage> {
  const { terms, keep, limit, group } = query;
  const rarest = await rarestTerm(terms);
  if (!rarest) return listPeoplePage(query);
  if (rarest.count === 0) return { people: [], next: null };
  const found = (person: Person) => termsMatch(terms, personWords(person)) && (!keep || keep(person));
  // A group no larger than the word's range: its index is walked, testing the words of each of its people.
  const groupSize = group ? await countGroup(group) : 0;
  if (group && groupSize <= rarest.count) return listPeoplePage({ ...query, keep: found });
  // Otherwise the word's people are read, and only those of the group kept (the group's ids, index keys).
  const members = group ? await peopleIdsIn(group) : null;
  const matches = members ? (person: Person) => members.has(person.id) && found(person) : found;
  const people = getDb().people;
  if (rarest.count > 4 * (limit + 1)) {
    const words = (await people
      .where(WORDS)
      .startsWith(rarest.term)
      .limit(MAX_WORD_RANGES + 1)
      .uniqueKeys()) as string[];
    if (words.length <= MAX_WORD_RANGES)
      return pageByWords(words, { ...query, group: undefined, keep: matches });
    // Reading the range costs about its length; walking the name order about limit × total / count rows.
    const total = group ? groupSize : await countPeople();
    if (rarest.count * rarest.count > 2 * (limit + 1) * total)
      return listPeoplePage({ ...query, keep: found });
  }
  const inRange = await people.where(WORDS).startsWith(rarest.term).toArray();
  const byId = new Map<Id, Person>();
  for (const person of inRange) if (matches(person)) byId.set(person.id, person);
  return pageOf([...byId.values()], query);
}

/** The page of `people` (all of them matches) after the query's cursor, in its direction. */
function pageOf(people: Person[], query: PeoplePageQuery): PeoplePage {
  const { direction, limit } = query;
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = people.map((person) => ({
    person,
    key: [nameKeyOf(person), person.id] as [string, string],
  }));
  keyed.sort((a, b) => sign * compareKeys(a.key, b.key));
  const after = query.after ? ([query.after.nameKey, query.after.id] as [string, string]) : null;
  const rest = after ? keyed.filter(({ key }) => sign * compareKeys(key, after) > 0) : keyed;
  const page = rest.slice(0, limit).map(({ person }) => person);
  return { people: page, next: rest.length > limit ? peopleCursor(page[page.length - 1]) : null };
}

const WORD_NAMES = 'wordNames';
const LAST_KEY = '\uffff';

/**
 * A page of the people `query.keep` accepts among those having one of `words`: each word's range of
 * the word-and-name index is in name order, so up to a page (plus one) is read from each, after the
 * cursor, and the pages merged. Everyone on the merged page is among the first of their word's range.
 */
async function pageByWords(words: readonly string[], query: PeoplePageQuery): Promise<PeoplePage> {
  const { direction, limit, keep } = query;
  const table = getDb().people;
  const perWord = await Promise.all(
    words.map((word) => {
      const first = wordNameEntry(word, '', '');
      const last = wordNameEntry(word, LAST_KEY, LAST_KEY);
      const start = query.after ? wordNameEntry(word, query.after.nameKey, query.after.id) : null;
      const read = (after: Person | null, count: number) => {
        const from = after ? wordNameEntry(word, nameKeyOf(after), after.id) : start;
        const range =
          direction === 'ascending'
            ? table.where(WORD_NAMES).between(from ?? first, last, from === null, true)
            : table
                .where(WORD_NAMES)
                .between(first, from ?? last, true, from === null)
                .reverse();
        return range.limit(count).toArray();
      };
      return readKept(read, limit + 1, keep);
    }),
  );
  const byId = new Map<Id, Person>();
  for (const person of perWord.flat()) byId.set(person.id, person);
  return pageOf([...byId.values()], { ...query, after: null });
}

export interface MentorsWithLoads {
  /** Every mentor who is not archived. */
  mentors: Person[];
  /** Each of their proposed and active pairs, by mentor id. */
  loads: Map<Id, number>;
}

/**
 * Every mentor who is not archived, with their loads, from the index of open mentors' loads (schema
 * version 18): one read of the mentors for each load any of them has, and no pair read.
 */
export async function listOpenMentorsWithLoads(): Promise<MentorsWithLoads> {
  const people = getDb().people;
  const loads = (await people.orderBy('openMentorLoad').uniqueKeys()) as number[];
  const byLoad = await Promise.all(
    loads.map((load) => people.where('openMentorLoad').equals(load).toArray()),
  );
  const mentors: Person[] = [];
  const loadOf = new Map<Id, number>();
  byLoad.forEach((group, at) => {
    for (const mentor of group) {
      mentors.push(mentor);
      loadOf.set(mentor.id, loads[at]);
    }
  });
  return { mentors, loads: loadOf };
}

/**
 * The ids of the mentors who are not archived and match a search typed in "Find a mentor": each term the
 * start of a word of their name, e-mail, specialty, profession or a tag. For each term, the people with a
 * word starting with it and those of a profession whose name has one come from index keys alone; no
 * record is read.
 */
export async function openMentorIdsMatching(terms: readonly string[]): Promise<Id[]> {
  const people = getDb().people;
  const idsOf = async (term: string) => {
    const professions = PROFESSIONS.filter((profession) =>
      termsMatch([term], wordsOfTexts([PROFESSION_LABELS[profession]])),
    );
    const found = await Promise.all([
      people.where(WORDS).startsWith(term).primaryKeys(),
      ...professions.map((profession) => people.where('profession').equals(profession).primaryKeys()),
    ]);
    return new Set(found.flat());
  };
  const [open, ...byTerm] = await Promise.all([
    people.orderBy('openMentorLoad').primaryKeys(),
    ...terms.map(idsOf),
  ]);
  return open.filter((id) => byTerm.every((set) => set.has(id)));
}

/** These mentors' records, with their loads (from their own records, no pair read). */
export async function listMentorsWithLoads(ids: readonly Id[]): Promise<MentorsWithLoads> {
  const [records, loads] = await Promise.all([getDb().people.bulkGet([...ids]), mentorLoadsOf(ids)]);
  const mentors = records.filter((person): person is Person => person !== undefined);
  return { mentors, loads };
}

/** How many mentors are not archived (counted on the index of their loads, no record read). */
export async function countOpenMentors(): Promise<number> {
  return getDb().people.orderBy('openMentorLoad').count();
}

export interface RankedMentors {
  /** The first mentors of the ranking for the mentee (mentor-ranking.ts), in its order. */
  mentors: Person[];
  /** Their proposed and active pairs, by mentor id. */
  loads: Map<Id, number>;
  /** How many mentors could take the mentee: every mentor who is not archived, less the mentee. */
  total: number;
}

const RANK_ORDER = '[mentorFull+openMentorLoad+nameKey+id]';
const MATCHES = 'mentorMatches';
type RankKey = [full: 0 | 1, load: number, nameKey: string, id: Id];

/**
 * The first `limit` mentors New pairing offers a mentee, ranked as mentorOptions ranks them all, read
 * from the indexes of schema version 20 without the rest: for those with room, then for the full ones,
 * the mentors sharing some of the mentee's specialty and interests are read (ranked) from the keys of
 * `mentorMatches` for those keys alone, then, if the page is not full, those sharing nothing in the order
 * of the rank index; only the page's records are read. With `among`, only those mentors are ranked (a
 * search's matches); `total` still counts every mentor.
 */
export async function listRankedMentors(
  mentee: Person,
  limit: number,
  among?: ReadonlySet<Id>,
): Promise<RankedMentors> {
  const left = (id: Id) => id === mentee.id || (among !== undefined && !among.has(id));
  const people = getDb().people;
  const weights = [...menteeMatchWeights(mentee)];
  const openMentee = mentee.isMentor && !mentee.archived;
  const ranks: MentorRank[] = [];
  const total = (await people.orderBy('openMentorLoad').count()) - (openMentee ? 1 : 0);
  for (const full of [0, 1] as const) {
    if (ranks.length >= limit) break;
    const entries = (await Promise.all(
      weights.map(([key]) =>
        people.where(MATCHES).between([full, key], [full, key, Dexie.maxKey], true, true).keys(),
      ),
    )) as unknown as MentorMatchEntry[][];
    const sharing = new Map<Id, MentorRank>();
    entries.forEach((list, at) => {
      const weight = weights[at][1];
      for (const [, , load, nameKey, id] of list) {
        if (left(id)) continue;
        const known = sharing.get(id);
        if (known) known.shared += weight;
        else sharing.set(id, { full: full === 1, shared: weight, load, nameKey, id });
      }
    });
    ranks.push(...[...sharing.values()].sort(compareMentorRank).slice(0, limit - ranks.length));
    if (ranks.length >= limit) break;
    const read = (after: RankKey | null, count: number) =>
      people
        .where(RANK_ORDER)
        .between(after ?? [full, Dexie.minKey], [full, Dexie.maxKey], after === null, true)
        .limit(count)
        .keys() as unknown as Promise<RankKey[]>;
    const rest = await readKept(read, limit - ranks.length, ([, , , id]) => !left(id) && !sharing.has(id));
    for (const [, load, nameKey, id] of rest) ranks.push({ full: full === 1, shared: 0, load, nameKey, id });
  }
  const records = await people.bulkGet(ranks.map((rank) => rank.id));
  const mentors = records.filter((person): person is Person => person !== undefined);
  return { mentors, loads: new Map(ranks.map((rank) => [rank.id, rank.load])), total };
}

/**
 * The ids of the mentors with room left (fewer proposed and active pairs than their capacity, archived
 * or not) or of the mentees without a proposed, active or paused pair: a range of the group's index
 * (schema version 20), its keys alone.
 */
export async function peopleIdsIn(group: PairingGroup): Promise<Set<Id>> {
  return new Set(await everyoneIn(group).primaryKeys());
}

/** How many people a pairing group holds (counted on its index, no record read). */
export async function countGroup(group: PairingGroup): Promise<number> {
  return everyoneIn(group).count();
}

/**
 * Each of the mentors `ids`'s proposed and active pairs (0 for none), from the load kept beside each
 * person (schema version 18): their records read past the hook that hides it, and no pair read. The
 * records are got by key, all in one request (a primary-key range walked to each id stepped through a
 * cursor, one step a person: 100 mentors cost about 4× more).
 */
export async function mentorLoadsOf(ids: readonly Id[]): Promise<Map<Id, number>> {
  const unique = [...new Set(ids)];
  const loads = new Map<Id, number>(unique.map((id) => [id, 0]));
  if (unique.length === 0) return loads;
  const db = getDb();
  const rows = (await db.transaction('r', db.people, (tx) =>
    // The table's own storage layer, below the reading hook (bulkGet would drop the load).
    db.people.core.getMany({ trans: tx.idbtrans as unknown as DBCoreTransaction, keys: unique }),
  )) as ((Person & { mentorLoad?: number }) | undefined)[];
  for (const row of rows) if (row) loads.set(row.id, row.mentorLoad ?? 0);
  return loads;
}

export async function getPerson(id: Id): Promise<Person | undefined> {
  return getDb().people.get(id);
}

/** Only the people asked for (by primary key), so a screen naming two people reads two records. */
export async function getPeopleByIds(ids: readonly Id[]): Promise<Map<Id, Person>> {
  const unique = [...new Set(ids)];
  const found = await getDb().people.bulkGet(unique);
  const byId = new Map<Id, Person>();
  for (const person of found) if (person) byId.set(person.id, person);
  return byId;
}

export async function createPerson(input: PersonInput): Promise<Person> {
  const clean = normalise(input);
  checkPerson(clean);
  const at = nowIso();
  const person: Person = {
    ...clean,
    archived: clean.archived ?? false,
    id: newId(),
    createdAt: at,
    updatedAt: at,
  };
  const db = getDb();
  await db.transaction('rw', db.people, db.auditLog, async () => {
    await db.people.add(person);
    await recordAudit('people', person.id, 'create', Object.keys(clean).sort());
  });
  return person;
}

/** Adds many people in one transaction: all of them, or none if any breaks a rule. */
export async function createPeopleInBulk(inputs: PersonInput[]): Promise<Person[]> {
  const at = nowIso();
  const people = inputs.map((input, index) => {
    const clean = normalise(input);
    try {
      checkPerson(clean);
    } catch (error) {
      if (error instanceof RuleError)
        throw new RuleError(
          error.code,
          `Person ${index + 1} (${clean.name || 'no name'}): ${error.message}`,
          error.field,
        );
      throw error;
    }
    return { ...clean, archived: clean.archived ?? false, id: newId(), createdAt: at, updatedAt: at };
  });
  // Refused before anything is written when the disk clearly has no room for it.
  await ensureRoomFor(storedSizeOf(people), 'import this roster');
  // A roster import must survive a power cut right after "Done": committed strictly.
  const db = getStrictDb();
  await db.transaction('rw', db.people, db.auditLog, async () => {
    await db.people.bulkAdd(people);
    await db.auditLog.bulkAdd(
      people.map((person) => ({
        at,
        table: 'people' as const,
        recordId: person.id,
        action: 'create' as const,
        fields: ['imported'],
      })),
    );
  });
  return people;
}

/** People who already exist with the same name and email (case, spacing and Unicode form ignored). */
export async function findPeopleByNameAndEmail(pairs: { name: string; email: string }[]): Promise<Person[]> {
  const wanted = new Set(pairs.map((pair) => personKey(pair.name, pair.email)));
  const people = await getDb().people.toArray();
  return people.filter((person) => wanted.has(personKey(person.name, person.email)));
}

export async function updatePerson(id: Id, changes: Partial<PersonInput>): Promise<Person> {
  const db = getDb();
  return db.transaction('rw', db.people, db.auditLog, async () => {
    const before = await db.people.get(id);
    if (!before) throw new RuleError('not-found', 'This person no longer exists.');
    const after: Person = { ...before, ...normalise({ ...before, ...changes }), id, updatedAt: nowIso() };
    checkPerson(after);
    const fields = changedFields(before, after);
    if (fields.length === 0) return before;
    await db.people.put(after);
    await recordAudit('people', id, 'update', fields);
    return after;
  });
}

export async function archivePerson(id: Id, archived = true): Promise<Person> {
  return updatePerson(id, { archived });
}

/** Deletes a person who has never been paired nor answered; anyone else is archived instead. */
export async function deletePerson(id: Id): Promise<void> {
  const db = getDb();
  const tables = [
    db.people,
    db.relationships,
    db.trainingRecords,
    db.recognitions,
    db.responses,
    db.auditLog,
  ];
  await db.transaction('rw', tables, async () => {
    const asMentor = await db.relationships.where('mentorId').equals(id).count();
    const asMentee = await db.relationships.where('menteeId').equals(id).count();
    if (asMentor + asMentee > 0)
      throw new RuleError(
        'has-relationships',
        'This person has mentoring relationships, so their record is kept: archive them instead.',
      );
    const training = await db.trainingRecords.where('personId').equals(id).count();
    const recognition = await db.recognitions.where('personId').equals(id).count();
    if (training + recognition > 0)
      throw new RuleError(
        'has-records',
        'This person has training or recognition records, so their record is kept: archive them instead.',
      );
    // Their answers count in the program's figures, which must not change behind the manager's back.
    if ((await db.responses.where('personId').equals(id).count()) > 0)
      throw new RuleError(
        'has-responses',
        'This person has answered questionnaires, so their record is kept: archive them instead.',
      );
    if (!(await db.people.get(id))) throw new RuleError('not-found', 'This person no longer exists.');
    await db.people.delete(id);
    await recordAudit('people', id, 'delete', []);
  });
}
