import { personWords, searchTerms, termsMatch } from '../../domain/people-search';
import type { Id, Person, Profession } from '../../domain/types';

export type RoleFilter = 'all' | 'mentors' | 'mentees' | 'mentees-without-mentor' | 'mentors-with-room';

/** What the pairing filters need to know: each mentor's load, and which mentees have a mentor. */
export interface PairingFacts {
  /** Proposed and active pairs per mentor id. */
  loads: Map<Id, number>;
  /** Mentees with a proposed, active or paused pair. */
  menteesWithMentor: Set<Id>;
}

export interface PeopleFilter {
  search: string;
  profession: Profession | '';
  role: RoleFilter;
  showArchived: boolean;
}

export const NO_FILTER: PeopleFilter = { search: '', profession: '', role: 'all', showArchived: false };

/**
 * The people matching the search (each word typed starts a word of the name, e-mail, specialty or a tag;
 * accents and capitals ignored, see people-search.ts) and the filters.
 */
export function filterPeople(people: Person[], filter: PeopleFilter, pairing: PairingFacts): Person[] {
  return people.filter(peopleMatcher(filter, pairing));
}

/** Whether the role filter needs every mentor's load or every mentee's pairing to decide. */
export function needsPairingFacts(role: RoleFilter): boolean {
  return role === 'mentees-without-mentor' || role === 'mentors-with-room';
}

/**
 * The test a person must pass to be listed. `pairing` may be null when the role filter does not need
 * it (see needsPairingFacts), so the list need not count every mentor's pairs.
 */
export function peopleMatcher(
  filter: PeopleFilter,
  pairing: PairingFacts | null,
): (person: Person) => boolean {
  const terms = searchTerms(filter.search);
  const facts = pairing ?? { loads: new Map<Id, number>(), menteesWithMentor: new Set<Id>() };
  return (person) => {
    if (person.archived && !filter.showArchived) return false;
    if (filter.profession && person.profession !== filter.profession) return false;
    if (filter.role === 'mentors' && !person.isMentor) return false;
    if (filter.role === 'mentees' && !person.isMentee) return false;
    if (
      filter.role === 'mentees-without-mentor' &&
      !(person.isMentee && !facts.menteesWithMentor.has(person.id))
    )
      return false;
    if (filter.role === 'mentors-with-room' && !(person.isMentor && hasRoom(person, facts.loads)))
      return false;
    return terms.length === 0 || termsMatch(terms, personWords(person));
  };
}

export { roleLabel } from '../../domain/people-sort';

/** A mentor whose proposed and active pairs are fewer than their capacity. */
export function hasRoom(person: Pick<Person, 'id' | 'mentorCapacity'>, loads: Map<Id, number>): boolean {
  return (loads.get(person.id) ?? 0) < person.mentorCapacity;
}
