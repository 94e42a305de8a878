import { useLiveQuery } from 'dexie-react-hooks';
import {
  countPeople,
  listPeople,
  mentorLoadsOf,
  type PairingGroup,
  peopleIdsIn,
  searchPeoplePage,
} from '../../data/people.repo';
import { searchTerms } from '../../domain/people-search';
import type { Id, Person } from '../../domain/types';
import { needsPairingFacts, type PeopleFilter, peopleMatcher } from './filter-people';
import { type PeopleSort, sortPeople } from './sort-people';

// The People list reads only the rows it shows. Sorted by name (the usual order) it reads them from the
// name-key index, one page at a time. A search reads the people whose words start with what was typed
// from the word index (searchPeoplePage). The two pairing filters ("mentors with room", "mentees without
// a mentor") are a range of an index each, and the shown mentors' loads are read from their own records
// (schema version 18): no pair is read. Sorted by another column it still reads everyone, since no index
// orders people by profession, specialty or tags.

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

/**
 * The filter, less the search, as a test of the rows read: a pairing filter is the ids of its index's
 * range, the others the person's own fields.
 */
async function keeperOf(filter: PeopleFilter): Promise<(person: Person) => boolean> {
  const role = filter.role;
  const inGroup = needsPairingFacts(role) ? await peopleIdsIn(role as PairingGroup) : null;
  const others = peopleMatcher({ ...filter, search: '', role: inGroup ? 'all' : role }, null);
  return inGroup ? (person) => inGroup.has(person.id) && others(person) : others;
}

/** The search alone, as a test of a person (for the lists that read everyone). */
const searchMatcher = (filter: PeopleFilter) =>
  peopleMatcher({ search: filter.search, profession: '', role: 'all', showArchived: true }, null);

const loadsOfShown = (people: readonly Person[]) =>
  mentorLoadsOf(people.filter((person) => person.isMentor).map((person) => person.id));

/** The first `limit` people the list shows for this filter and order, with their mentors' loads. */
export async function readPeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
  limit: number,
): Promise<PeopleListView> {
  const [total, keep] = await Promise.all([countPeople(), keeperOf(filter)]);
  if (sort.column !== 'Name') {
    const found = searchMatcher(filter);
    const matching = sortPeople(
      (await listPeople()).filter((person) => keep(person) && found(person)),
      sort,
    );
    const shown = matching.slice(0, limit);
    return { people: shown, loads: await loadsOfShown(shown), hasMore: matching.length > limit, total };
  }
  const page = await searchPeoplePage({
    terms: searchTerms(filter.search),
    direction: sort.direction,
    limit,
    keep: isPlain(filter) ? undefined : keep,
  });
  return { people: page.people, loads: await loadsOfShown(page.people), hasMore: page.next !== null, total };
}

/** Every person the filter keeps, in the list's order, with their mentors' loads: what "Save list" writes. */
export async function readWholePeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
): Promise<{ people: Person[]; loads: Map<Id, number> }> {
  const keep = await keeperOf(filter);
  let people: Person[];
  if (sort.column === 'Name') {
    // In the very order of the screen (the name-key index), not a collator's, which may differ slightly.
    const page = await searchPeoplePage({
      terms: searchTerms(filter.search),
      direction: sort.direction,
      limit: Math.max(1, await countPeople()),
      keep,
    });
    people = page.people;
  } else {
    const found = searchMatcher(filter);
    people = sortPeople(
      (await listPeople()).filter((person) => keep(person) && found(person)),
      sort,
    );
  }
  return { people, loads: await loadsOfShown(people) };
}

/** The list as shown, kept live; while a new filter, order or length is read, the previous one stays. */
export function usePeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
  limit: number,
): PeopleListView | undefined {
  return useLiveQuery(() => readPeopleList(filter, sort, limit), [filter, sort, limit]);
}
