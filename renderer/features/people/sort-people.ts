import {
  compareByName,
  compareSorted,
  type PeopleColumn,
  type SortDirection,
  sortedPosition,
} from '../../domain/people-sort';
import type { Person } from '../../domain/types';

// The people list sorts by any of its columns (the order is defined in domain/people-sort.ts): by what
// the column shows, accents and capitals ignored and numbers read as numbers; blank values (no
// specialty, no tags) at the bottom whichever way the column is sorted; ties in the name order.

export { PEOPLE_COLUMNS, type PeopleColumn, type SortDirection } from '../../domain/people-sort';

export interface PeopleSort {
  column: PeopleColumn;
  direction: SortDirection;
}

export const BY_NAME: PeopleSort = { column: 'Name', direction: 'ascending' };

/** `people` in the list's order: the order the database's pages give, for every column and direction. */
export function sortPeople(people: Person[], sort: PeopleSort): Person[] {
  const { column, direction } = sort;
  if (column === 'Name') return [...people].sort((a, b) => compareByName(a, b, direction));
  const keyed = people.map((person) => ({ person, position: sortedPosition(person, column) }));
  keyed.sort((a, b) => compareSorted(a.position, b.position, direction));
  return keyed.map(({ person }) => person);
}

/** Clicking a column sorts by it; clicking the sorted column again turns the order round. */
export function nextSort(current: PeopleSort, column: PeopleColumn): PeopleSort {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
