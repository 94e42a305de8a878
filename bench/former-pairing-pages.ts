import {
  countPeople,
  listOpenMentorsWithLoads,
  listPeoplePage,
  mentorLoadsOf,
  type PairingGroup,
  peopleIdsIn,
  searchPeoplePage,
} from '../renderer/data/people.repo';
import { mentorOptions } from '../renderer/domain/mentor-ranking';
import { searchTerms } from '../renderer/domain/people-search';
import type { Person } from '../renderer/domain/types';
import { type PeopleFilter, peopleMatcher } from '../renderer/features/people/filter-people';

// The People list's pairing filters and New pairing's mentors as schema version 18 read them (copies, for
// the side-by-side bench): the group's ids from its index keys, then the name order walked a batch at a
// time keeping the group's people; every mentor who is not archived read (one read per distinct load) and
// ranked for the mentee, of whom the screen shows the first 25.

/** The People list's first page for a pairing filter (and a search, if any), as version 18 read it. */
export async function formerPeopleFiltered(filter: PeopleFilter, limit: number): Promise<number> {
  const [, ids] = await Promise.all([countPeople(), peopleIdsIn(filter.role as PairingGroup)]);
  const own = peopleMatcher({ ...filter, search: '', role: 'all' }, null);
  const keep = (person: Person) => ids.has(person.id) && own(person);
  const terms = searchTerms(filter.search);
  const page = terms.length
    ? await searchPeoplePage({ terms, direction: 'ascending', limit, keep })
    : await listPeoplePage({ direction: 'ascending', limit, keep });
  const loads = await mentorLoadsOf(
    page.people.filter((person) => person.isMentor).map((person) => person.id),
  );
  return page.people.length + loads.size;
}

/** New pairing's mentors for a mentee, as version 18 read and ranked them: all of them. */
export async function formerRankedMentors(mentee: Person): Promise<number> {
  const { mentors, loads } = await listOpenMentorsWithLoads();
  return mentorOptions(mentors, loads, mentee).length;
}
