import { useLiveQuery } from 'dexie-react-hooks';
import {
  countOpenMentors,
  getPerson,
  listMentorsWithLoads,
  listRankedMentors,
  mentorLoadsOf,
  openMentorIdsMatching,
} from '../../data/people.repo';
import { type MentorOption, mentorOption, mentorOptions } from '../../domain/mentor-ranking';
import { searchTerms } from '../../domain/people-search';
import type { Id, Person } from '../../domain/types';
import type { LiveRead } from '../../hooks/useLiveRead';
import { type PersonMatches, readPersonMatches, usePersonMatches } from '../../hooks/usePeople';

// What "New pairing" reads. The mentee is found by typing: a page of matching mentees read from the
// word index (or the name index with nothing typed), never the whole staff list. The mentors are read
// once a mentee is chosen, ranked for that mentee: only the first ones shown, from the indexes of the
// mentors' rank and of what they share (schema version 20). Once the manager searches the mentors, the
// mentors matching what is typed are found from the word and profession indexes' keys; a few are read
// and ranked here, many are ranked from the same indexes as before and only the first ones read.

/** Mentees (not archived) a word of whose name, e-mail, specialty or tags starts with each word typed, by name. */
export function readMenteeMatches(query: string, limit: number): Promise<PersonMatches> {
  return readPersonMatches(query, 'mentee', limit);
}

/** The matching mentees, kept live; the previous answer stays while a new search is read. */
export function useMenteeMatches(query: string, limit: number): LiveRead<PersonMatches> | undefined {
  return usePersonMatches(query, 'mentee', limit);
}

/** One person by id (the mentee a link asked for); null when unknown or not asked. */
export function useChosenPerson(id: Id): Person | null | undefined {
  return useLiveQuery(async () => (id ? ((await getPerson(id)) ?? null) : null), [id]);
}

/** Up to this many times the page, a search's matches are read and ranked; beyond, ranked from indexes. */
const FEW_MATCHES = 4;

export interface MentorCandidates {
  /**
   * The mentors in the ranking's order: the first `limit` (with a search, of those matching it; every
   * one when they are few), or every one when `complete`; the chosen mentor after them if not among them.
   */
  options: MentorOption[];
  /** Every mentor who could take the mentee. */
  total: number;
  /** Whether the options hold every mentor who could take the mentee. */
  complete: boolean;
  /** How many mentors match the search (all of them with none). */
  matching: number;
  /** The search the options answer ('' for none). */
  search: string;
}

/** The chosen mentor as an option, when they are not among `options` (a search left them out). */
async function withChosen(options: MentorOption[], chosenId: Id, mentee: Person): Promise<MentorOption[]> {
  if (!chosenId || options.some((option) => option.mentor.id === chosenId)) return options;
  const [mentor, loads] = await Promise.all([getPerson(chosenId), mentorLoadsOf([chosenId])]);
  const [chosen] = mentor ? mentorOptions([mentor], loads, mentee) : [];
  return chosen ? [...options, chosen] : options;
}

/**
 * The first `limit` mentors for this mentee, ranked; with a search typed in "Find a mentor", the first
 * `limit` of those matching it (all of them when few); the chosen mentor (`chosenId`) after them if not
 * among them.
 */
export async function readMentorCandidates(
  mentee: Person,
  limit: number,
  search: string,
  chosenId: Id = '',
): Promise<MentorCandidates> {
  const terms = searchTerms(search);
  const matches = terms.length > 0 ? await openMentorIdsMatching(terms) : null;
  const among = matches ? new Set(matches.filter((id) => id !== mentee.id)) : undefined;
  if (among && among.size <= FEW_MATCHES * limit) {
    // Few matches: each is read and ranked here.
    const [{ mentors, loads }, everyone] = await Promise.all([
      listMentorsWithLoads([...among]),
      countOpenMentors(),
    ]);
    const options = mentorOptions(mentors, loads, mentee);
    const total = everyone - (mentee.isMentor && !mentee.archived ? 1 : 0);
    const complete = options.length >= total;
    const chosen = await withChosen(options, chosenId, mentee);
    return { options: chosen, total, complete, matching: options.length, search };
  }
  // Many (or no search): the first `limit` of them are ranked from the indexes, only they read.
  const ranked = await listRankedMentors(mentee, limit, among);
  const options = ranked.mentors.map((mentor) =>
    mentorOption(mentor, ranked.loads.get(mentor.id) ?? 0, mentee),
  );
  const matching = among ? among.size : ranked.total;
  const complete = options.length >= ranked.total;
  const chosen = await withChosen(options, chosenId, mentee);
  return { options: chosen, total: ranked.total, complete, matching, search };
}

/** The mentors for the chosen mentee (none chosen: undefined) and what is searched, kept live. */
export function useMentorCandidates(
  mentee: Person | null,
  limit: number,
  search: string,
  chosenId: Id,
): MentorCandidates | undefined {
  return useLiveQuery(
    async () => (mentee ? readMentorCandidates(mentee, limit, search, chosenId) : undefined),
    [mentee, limit, search, chosenId],
  );
}
