import { useLiveQuery } from 'dexie-react-hooks';
import { getPerson, listOpenMentorsWithLoads, listRankedMentors } from '../../data/people.repo';
import { type MentorOption, mentorOption, mentorOptions } from '../../domain/mentor-ranking';
import type { Id, Person } from '../../domain/types';
import { type PersonMatches, readPersonMatches, usePersonMatches } from '../../hooks/usePeople';

// What "New pairing" reads. The mentee is found by typing: a page of matching mentees read from the
// word index (or the name index with nothing typed), never the whole staff list. The mentors are read
// once a mentee is chosen, ranked for that mentee: only the first ones shown, from the indexes of the
// mentors' rank and of what they share (schema version 20). Once the manager searches the mentors, every
// mentor who is not archived is read (from the index of their loads, no pair read) and ranked here, so
// the search looks through all of them.

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
  /** The mentors in the ranking's order: the first `limit`, or every one when `complete`. */
  options: MentorOption[];
  /** Every mentor who could take the mentee. */
  total: number;
  complete: boolean;
}

/** The first `limit` mentors for this mentee, ranked; every one of them when `everyone`. */
export async function readMentorCandidates(
  mentee: Person,
  limit: number,
  everyone: boolean,
): Promise<MentorCandidates> {
  if (everyone) {
    const { mentors, loads } = await listOpenMentorsWithLoads();
    const options = mentorOptions(mentors, loads, mentee);
    return { options, total: options.length, complete: true };
  }
  const ranked = await listRankedMentors(mentee, limit);
  const options = ranked.mentors.map((mentor) =>
    mentorOption(mentor, ranked.loads.get(mentor.id) ?? 0, mentee),
  );
  return { options, total: ranked.total, complete: options.length >= ranked.total };
}

/** The mentors for the chosen mentee (none chosen: undefined), kept live. */
export function useMentorCandidates(
  mentee: Person | null,
  limit: number,
  everyone: boolean,
): MentorCandidates | undefined {
  return useLiveQuery(
    async () => (mentee ? readMentorCandidates(mentee, limit, everyone) : undefined),
    [mentee, limit, everyone],
  );
}
