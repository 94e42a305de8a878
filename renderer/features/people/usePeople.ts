import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getPerson, listPeople } from '../../data/people.repo';
import type { Id, Person } from '../../domain/types';

/** Everyone, archived included, sorted by name; undefined while loading. */
export function usePeople(): Person[] | undefined {
  return useLiveQuery(() => listPeople(), []);
}

/** People by id, for showing names next to pairings and meetings. */
export function usePeopleById(): Map<Id, Person> | undefined {
  const people = usePeople();
  return useMemo(() => (people ? new Map(people.map((person) => [person.id, person])) : undefined), [people]);
}

/** One person; null when there is no such person, undefined while loading. */
export function usePerson(id: Id | undefined): Person | null | undefined {
  return useLiveQuery(async () => (id ? ((await getPerson(id)) ?? null) : null), [id]);
}
