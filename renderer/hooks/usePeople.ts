import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  archivePerson,
  createPerson,
  deletePerson,
  findPeopleByNameAndEmail,
  getPeopleByIds,
  getPerson,
  listPeople,
  updatePerson,
} from '../data/people.repo';
import type { Id, Person } from '../domain/types';

/** Everyone, archived included, sorted by name; undefined while loading. */
export function usePeople(): Person[] | undefined {
  return useLiveQuery(() => listPeople(), []);
}

/** People by id, for showing names next to pairings and meetings. */
export function usePeopleById(): Map<Id, Person> | undefined {
  const people = usePeople();
  return useMemo(() => (people ? new Map(people.map((person) => [person.id, person])) : undefined), [people]);
}

/**
 * The named people only, by id, kept live; undefined while loading. Unknown ids are left out.
 * Keyed on the ids' contents so a new array with the same ids does not query again.
 */
export function usePeopleByIds(ids: readonly Id[]): Map<Id, Person> | undefined {
  const key = [...new Set(ids)].sort().join('\n');
  const loaded = useLiveQuery(
    async () => ({ key, byId: await getPeopleByIds(key ? key.split('\n') : []) }),
    [key],
  );
  // Until the new ids are read, the previous answer would name the wrong people: treat it as loading.
  return loaded?.key === key ? loaded.byId : undefined;
}

/** One person; null when there is no such person, undefined while loading. */
export function usePerson(id: Id | undefined): Person | null | undefined {
  return useLiveQuery(async () => (id ? ((await getPerson(id)) ?? null) : null), [id]);
}

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
/** The changes a screen can make to people's records. */
export const personActions = {
  create: createPerson,
  update: updatePerson,
  /** Archives a person, or with `false` brings them back to the active list. */
  archive: archivePerson,
  /** Deletes someone never paired; refused for anyone with pairings. */
  remove: deletePerson,
  /** The existing people matching each name and email, to warn before adding a duplicate. */
  findDuplicates: findPeopleByNameAndEmail,
};
