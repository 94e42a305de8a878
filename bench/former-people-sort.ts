import { countPeople, listPeople, mentorLoadsOf } from '../renderer/data/people.repo';
import { type Person, PROFESSION_LABELS } from '../renderer/domain/types';
import { type PeopleFilter, peopleMatcher, roleLabel } from '../renderer/features/people/filter-people';
import type { PeopleSort } from '../renderer/features/people/sort-people';

// The People list sorted by a column other than the name as it was read before schema version 19 (a copy,
// for the side-by-side bench): everyone read, filtered, sorted with a collator, and the first rows kept.

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortText(person: Person, column: PeopleSort['column']): string {
  switch (column) {
    case 'Name':
      return person.name;
    case 'Profession':
      return PROFESSION_LABELS[person.profession];
    case 'Specialty':
      return person.specialty.trim();
    case 'Role':
      return roleLabel(person);
    case 'Tags':
      return person.tags.join(', ');
  }
}

function formerSortPeople(people: Person[], sort: PeopleSort): Person[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = people.map((person) => ({ person, key: sortText(person, sort.column) }));
  keyed.sort((a, b) => {
    if (!a.key !== !b.key) return a.key ? -1 : 1;
    return sign * collator.compare(a.key, b.key) || collator.compare(a.person.name, b.person.name);
  });
  return keyed.map(({ person }) => person);
}

/** The first `limit` rows of the list for a filter without a pairing group, as read before. */
export async function formerSortedPeopleList(filter: PeopleFilter, sort: PeopleSort, limit: number) {
  const [total, people] = await Promise.all([countPeople(), listPeople()]);
  const keep = peopleMatcher(filter, null);
  const matching = formerSortPeople(people.filter(keep), sort);
  const shown = matching.slice(0, limit);
  const loads = await mentorLoadsOf(shown.filter((person) => person.isMentor).map((person) => person.id));
  return { people: shown, loads, hasMore: matching.length > limit, total };
}
