import { type Person, PROFESSION_LABELS } from '../../domain/types';
import { roleLabel } from './filter-people';

// The people list sorts by any of its columns. Blank values (no specialty, no tags) stay at the
// bottom whichever way the column is sorted, and ties fall back to the name.

export const PEOPLE_COLUMNS = ['Name', 'Profession', 'Specialty', 'Role', 'Tags'] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface PeopleSort {
  column: PeopleColumn;
  direction: SortDirection;
}

export const BY_NAME: PeopleSort = { column: 'Name', direction: 'ascending' };

// Accent- and case-blind, and "Room 2" before "Room 10", as a person reads them.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The text a column shows for a person, which is what it sorts by. */
function sortText(person: Person, column: PeopleColumn): string {
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

export function sortPeople(people: Person[], sort: PeopleSort): Person[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = people.map((person) => ({ person, key: sortText(person, sort.column) }));
  keyed.sort((a, b) => {
    if (!a.key !== !b.key) return a.key ? -1 : 1;
    return sign * collator.compare(a.key, b.key) || collator.compare(a.person.name, b.person.name);
  });
  return keyed.map(({ person }) => person);
}

/** Clicking a column sorts by it; clicking the sorted column again turns the order round. */
export function nextSort(current: PeopleSort, column: PeopleColumn): PeopleSort {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
