import {
  countPeople,
  mentorLoadsOf,
  type PairingGroup,
  peopleIdsIn,
  searchPeoplePage,
  searchPeopleSortedPage,
} from '../../data/people.repo';
import { searchTerms } from '../../domain/people-search';
import type { Id, Person } from '../../domain/types';
import { type LiveRead, useLiveRead } from '../../hooks/useLiveRead';
import { needsPairingFacts, type PeopleFilter, peopleMatcher } from './filter-people';
import type { PeopleSort } from './sort-people';

// The People list reads only the rows it shows. Sorted by name (the usual order) it reads them from the
// name-key index, one page at a time; sorted by profession, specialty, role or tags, from that column's
// sort-key index (schema version 19), one page at a time too. A search reads the people whose words start
// with what was typed from the word index (searchPeoplePage, searchPeopleSortedPage), or walks the
// list's order when they are many. The two pairing filters ("mentors with room", "mentees without a
// mentor") have an index each that holds their people in the name order (schema version 20): sorted by
// name, their pages are read from it; combined with a search, either that index is walked or the word's
// people are read and tested against the group's ids, whichever holds fewer people. Sorted by another
// column, a pairing filter is the group's ids (its index's keys), and a profession chosen reads the
// column's index behind the profession (schema version 21): that profession's people alone. The shown mentors' loads are read from
// their own records (schema version 18): no pair is read.

export interface PeopleListView {
  /** The rows to show, in order: at most `limit`. */
  people: Person[];
  /** Each shown mentor's proposed and active pairs. */
  loads: Map<Id, number>;
  /** Whether more people match beyond the rows shown. */
  hasMore: boolean;
  /** Everyone in the clinic, archived included. */
  total: number;
}

const isPlain = (filter: PeopleFilter) =>
  filter.search.trim() === '' && filter.profession === '' && filter.role === 'all' && filter.showArchived;

/** The pairing group the role filter asks for, if any. */
const groupOf = (filter: PeopleFilter): PairingGroup | undefined =>
  needsPairingFacts(filter.role) ? (filter.role as PairingGroup) : undefined;

/** The filter, less the search and the pairing group, as a test of the rows read: the person's own fields. */
const ownFieldsKeeper = (filter: PeopleFilter) =>
  peopleMatcher({ ...filter, search: '', role: groupOf(filter) ? 'all' : filter.role }, null);

/**
 * The filter, less the search, as a test of the rows read (the orders other than the name's): a pairing
 * filter is the ids of its index's range, the others the person's own fields.
 */
async function keeperOf(filter: PeopleFilter): Promise<(person: Person) => boolean> {
  const role = filter.role;
  const inGroup = needsPairingFacts(role) ? await peopleIdsIn(role as PairingGroup) : null;
  const others = peopleMatcher({ ...filter, search: '', role: inGroup ? 'all' : role }, null);
  return inGroup ? (person) => inGroup.has(person.id) && others(person) : others;
}

const loadsOfShown = (people: readonly Person[]) =>
  mentorLoadsOf(people.filter((person) => person.isMentor).map((person) => person.id));

/** The first `limit` people the list shows for this filter and order, with their mentors' loads. */
export async function readPeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
  limit: number,
): Promise<PeopleListView> {
  const [total, page] = await Promise.all([countPeople(), readPage(filter, sort, limit, isPlain(filter))]);
  return { people: page.people, loads: await loadsOfShown(page.people), hasMore: page.next !== null, total };
}

/** The first `limit` people of the list in its order, the search and the filter applied (none when plain). */
async function readPage(filter: PeopleFilter, sort: PeopleSort, limit: number, plain: boolean) {
  const query = { terms: searchTerms(filter.search), direction: sort.direction, limit };
  if (sort.column === 'Name')
    return searchPeoplePage({
      ...query,
      group: groupOf(filter),
      keep: plain ? undefined : ownFieldsKeeper(filter),
    });
  const keep = plain ? undefined : await keeperOf(filter);
  const profession = filter.profession || undefined;
  return searchPeopleSortedPage({ ...query, keep, column: sort.column, profession });
}

/** Every person the filter keeps, in the list's order, with their mentors' loads: what "Save list" writes. */
export async function readWholePeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
): Promise<{ people: Person[]; loads: Map<Id, number> }> {
  // Read as the screen reads its pages, so in the very same order.
  const { people } = await readPage(filter, sort, Math.max(1, await countPeople()), false);
  return { people, loads: await loadsOfShown(people) };
}

/** The list as shown, kept live; while a new filter, order or length is read, the previous one stays. */
export function usePeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
  limit: number,
): LiveRead<PeopleListView> | undefined {
  return useLiveRead(readPeopleList, [filter, sort, limit]);
}
