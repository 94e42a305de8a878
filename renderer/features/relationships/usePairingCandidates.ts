import { useLiveQuery } from 'dexie-react-hooks';
import { getPerson, listOpenMentorsWithLoads } from '../../data/people.repo';
import type { Id, Person } from '../../domain/types';
import { type PersonMatches, readPersonMatches, usePersonMatches } from '../../hooks/usePeople';

// What "New pairing" reads. The mentee is found by typing: a page of matching mentees read from the
// word index (or the name index with nothing typed), never the whole staff list. The mentors (and their loads) are read only once a mentee
// is chosen, since the best mentor for that mentee is ranked among all of them: the mentors who are not
// archived, from the index of their loads (each mentor's load is kept beside them), no pair read.

/** Mentees (not archived) a word of whose name, e-mail, specialty or tags starts with each word typed, by name. */
export function readMenteeMatches(query: string, limit: number): Promise<PersonMatches> {
  return readPersonMatches(query, 'mentee', limit);
}

/** The matching mentees, kept live; the previous answer stays while a new search is read. */
export function useMenteeMatches(query: string, limit: number): PersonMatches | undefined {
  return usePersonMatches(query, 'mentee', limit);
}

/** One person by id (the mentee a link asked for); null when unknown or not asked. */
export function useChosenPerson(id: Id): Person | null | undefined {
  return useLiveQuery(async () => (id ? ((await getPerson(id)) ?? null) : null), [id]);
}

export interface MentorCandidates {
  mentors: Person[];
  loads: Map<Id, number>;
}

/** Every mentor who is not archived, with their loads (mentorOptions ranks them). */
export async function readMentorCandidates(): Promise<MentorCandidates> {
  return listOpenMentorsWithLoads();
}

/** Every mentor who is not archived, with their loads; read only when `wanted`. */
export function useMentorCandidates(wanted: boolean): MentorCandidates | undefined {
  return useLiveQuery(async () => (wanted ? readMentorCandidates() : undefined), [wanted]);
}
