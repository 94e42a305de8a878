import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue } from 'react';
import {
  archivePerson,
  createPerson,
  deletePerson,
  findPeopleByNameAndEmail,
  getPeopleByIds,
  getPerson,
  hasStaffWho,
  searchPeoplePage,
  updatePerson,
} from '../data/people.repo';
import { searchTerms } from '../domain/people-search';
import type { Id, Person } from '../domain/types';
import { type LiveRead, useLiveRead } from './useLiveRead';

/** Whether the clinic has a mentor and a mentee who are not archived; undefined while loading. */
export function useStaffStarted(): { mentor: boolean; mentee: boolean } | undefined {
  return useLiveQuery(async () => {
    const [mentor, mentee] = await Promise.all([hasStaffWho('isMentor'), hasStaffWho('isMentee')]);
    return { mentor, mentee };
  }, []);
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

/** Whom a person finder offers (never the archived): mentees, mentors or anyone. */
export type FinderRole = 'mentee' | 'mentor' | 'anyone';

export interface PersonMatches {
  people: Person[];
  /** Whether more people match than the ones listed. */
  more: boolean;
}

const OFFERED: Record<FinderRole, (person: Person) => boolean> = {
  mentee: (person) => person.isMentee && !person.archived,
  mentor: (person) => person.isMentor && !person.archived,
  anyone: (person) => !person.archived,
};

/**
 * The first `limit` people of `role`, by name, a word of whose name, e-mail, specialty or tags starts
 * with each word typed: a page of the word index (or of the name index with nothing typed), never the
 * whole staff list.
 */
export async function readPersonMatches(
  query: string,
  role: FinderRole,
  limit: number,
): Promise<PersonMatches> {
  const page = await searchPeoplePage({
    terms: searchTerms(query),
    direction: 'ascending',
    limit,
    keep: OFFERED[role],
  });
  return { people: page.people, more: page.next !== null };
}

/** The matching people, kept live; undefined until the first answer. */
export function usePersonMatches(
  query: string,
  role: FinderRole,
  limit: number,
): LiveRead<PersonMatches> | undefined {
  return useLiveRead(readPersonMatches, [query, role, limit]);
}

/**
 * The matches of what is typed in a person finder, read a moment after the keys (typing stays quick), and
 * whether those shown are still behind what is typed.
 */
export function useFinderMatches(
  query: string,
  role: FinderRole,
  limit: number,
): { matches: LiveRead<PersonMatches> | undefined; busy: boolean } {
  const deferredQuery = useDeferredValue(query);
  const matches = usePersonMatches(deferredQuery, role, limit);
  // Busy too before the first answer: an Enter then waits for it rather than being dropped.
  return { matches, busy: !matches?.current || deferredQuery !== query };
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
