import { textsMatch } from './people-search';
import { searchKey } from './text';
import { type Id, type Person, PROFESSION_LABELS } from './types';

// How New pairing ranks the mentors for a mentee: those with room first, then those sharing the most of
// the mentee's specialty and interests, then the least busy, then by name in the name order of the
// People list (accents and capitals ignored, ties by id). The database keeps each open mentor's place in
// that order and what they can share (summary-fields.ts), so the first rows are read without the rest.

/** What a mentor can share with a mentee: their specialty, and each of their tags, as keys. */
export type MatchKey = string;

const specialtyKey = (specialty: string): MatchKey => `s:${searchKey(specialty)}`;
const tagKey = (tag: string): MatchKey => `t:${searchKey(tag)}`;

/** The distinct keys a mentor offers: their specialty (even empty) and their tags. */
export function mentorMatchKeys(mentor: Pick<Person, 'specialty' | 'tags'>): MatchKey[] {
  return [...new Set([specialtyKey(mentor.specialty ?? ''), ...(mentor.tags ?? []).map(tagKey)])];
}

/**
 * What a mentee looks for, each key with the weight it adds to a mentor offering it: each of their tags
 * counts (two tags written alike count twice), their specialty once when they have one.
 */
export function menteeMatchWeights(mentee: Pick<Person, 'specialty' | 'tags'>): Map<MatchKey, number> {
  const weights = new Map<MatchKey, number>();
  for (const tag of mentee.tags) weights.set(tagKey(tag), (weights.get(tagKey(tag)) ?? 0) + 1);
  if (mentee.specialty) weights.set(specialtyKey(mentee.specialty), 1);
  return weights;
}

/** The mentee's specialty and interests that this mentor shares, as a hint for a good match. */
export function sharedWith(mentee: Person, mentor: Person): string[] {
  const mine = new Set(mentor.tags.map(searchKey));
  const shared = mentee.tags.filter((tag) => mine.has(searchKey(tag)));
  if (mentee.specialty && searchKey(mentee.specialty) === searchKey(mentor.specialty))
    shared.unshift(mentee.specialty);
  return shared;
}

/** A mentor's place in the ranking for one mentee. */
export interface MentorRank {
  full: boolean;
  /** How many of the mentee's specialty and interests they share. */
  shared: number;
  load: number;
  nameKey: string;
  id: Id;
}

/** The ranking's order: room first, then the most shared, the least busy, the name order, the id. */
export function compareMentorRank(a: MentorRank, b: MentorRank): number {
  return (
    Number(a.full) - Number(b.full) ||
    b.shared - a.shared ||
    a.load - b.load ||
    (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface MentorOption {
  mentor: Person;
  load: number;
  full: boolean;
  /** The mentee's specialty and interests that this mentor shares, as a hint for a good match. */
  shared: string[];
}

/** A mentor as an option for this mentee. */
export function mentorOption(mentor: Person, load: number, mentee: Person): MentorOption {
  return { mentor, load, full: load >= mentor.mentorCapacity, shared: sharedWith(mentee, mentor) };
}

const rankOf = (option: MentorOption): MentorRank => ({
  full: option.full,
  shared: option.shared.length,
  load: option.load,
  nameKey: searchKey(option.mentor.name),
  id: option.mentor.id,
});

/** Mentors who could take this mentee (not archived, not themselves), in the ranking's order. */
export function mentorOptions(people: Person[], loads: Map<Id, number>, mentee: Person): MentorOption[] {
  return people
    .filter((person) => person.isMentor && !person.archived && person.id !== mentee.id)
    .map((mentor) => mentorOption(mentor, loads.get(mentor.id) ?? 0, mentee))
    .map((option) => ({ option, rank: rankOf(option) }))
    .sort((a, b) => compareMentorRank(a.rank, b.rank))
    .map(({ option }) => option);
}

/**
 * Whether a mentor matches what is typed in "Find a mentor": each term the start of a word of their
 * name, e-mail, specialty, profession or a tag.
 */
export function optionMatchesSearch(option: MentorOption, terms: readonly string[]): boolean {
  const { mentor } = option;
  return textsMatch(terms, [
    mentor.name,
    mentor.email,
    mentor.specialty,
    PROFESSION_LABELS[mentor.profession],
    ...mentor.tags,
  ]);
}
