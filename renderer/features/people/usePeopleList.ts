import { useLiveQuery } from 'dexie-react-hooks';
import { countPeople, listPeople, searchPeoplePage } from '../../data/people.repo';
import { menteesWithMentor, mentorLoads, mentorLoadsFor } from '../../data/relationships.repo';
import { searchTerms } from '../../domain/people-search';
import type { Id, Person } from '../../domain/types';
import {
  filterPeople,
  needsPairingFacts,
  type PairingFacts,
  type PeopleFilter,
  peopleMatcher,
} from './filter-people';
import { type PeopleSort, sortPeople } from './sort-people';

// The People list reads only the rows it shows. Sorted by name (the usual order) it reads them from the
// name-key index, one page at a time, and counts the pairs of the mentors on those rows only. A search
// reads the people whose words start with what was typed from the word index (searchPeoplePage). Sorted by
// another column it still reads everyone, since no index orders people by profession, specialty or tags.

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

async function pairingFacts(): Promise<PairingFacts> {
  const [loads, withMentor] = await Promise.all([mentorLoads(), menteesWithMentor()]);
  return { loads, menteesWithMentor: withMentor };
}

const isPlain = (filter: PeopleFilter) =>
  filter.search.trim() === '' && filter.profession === '' && filter.role === 'all' && filter.showArchived;

/** The first `limit` people the list shows for this filter and order, with their mentors' loads. */
export async function readPeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
  limit: number,
): Promise<PeopleListView> {
  const total = await countPeople();
  if (sort.column !== 'Name') {
    const [everyone, facts] = await Promise.all([listPeople(), pairingFacts()]);
    const matching = sortPeople(filterPeople(everyone, filter, facts), sort);
    return { people: matching.slice(0, limit), loads: facts.loads, hasMore: matching.length > limit, total };
  }
  const facts = needsPairingFacts(filter.role) ? await pairingFacts() : null;
  const page = await searchPeoplePage({
    terms: searchTerms(filter.search),
    direction: sort.direction,
    limit,
    keep: isPlain(filter) ? undefined : peopleMatcher({ ...filter, search: '' }, facts),
  });
  const loads =
    facts?.loads ?? (await mentorLoadsFor(page.people.filter((p) => p.isMentor).map((p) => p.id)));
  return { people: page.people, loads, hasMore: page.next !== null, total };
}

/** Every person the filter keeps, in the list's order, with every mentor's load: what "Save list" writes. */
export async function readWholePeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
): Promise<{ people: Person[]; loads: Map<Id, number> }> {
  const facts = await pairingFacts();
  if (sort.column === 'Name') {
    // In the very order of the screen (the name-key index), not a collator's, which may differ slightly.
    const page = await searchPeoplePage({
      terms: searchTerms(filter.search),
      direction: sort.direction,
      limit: Math.max(1, await countPeople()),
      keep: peopleMatcher({ ...filter, search: '' }, facts),
    });
    return { people: page.people, loads: facts.loads };
  }
  return { people: sortPeople(filterPeople(await listPeople(), filter, facts), sort), loads: facts.loads };
}

/** The list as shown, kept live; while a new filter, order or length is read, the previous one stays. */
export function usePeopleList(
  filter: PeopleFilter,
  sort: PeopleSort,
  limit: number,
): PeopleListView | undefined {
  return useLiveQuery(() => readPeopleList(filter, sort, limit), [filter, sort, limit]);
}
