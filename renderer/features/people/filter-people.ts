import { matchesSearch, searchWords } from '../../domain/text';
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

/** The people matching the search (name, e-mail, specialty or a tag; accents and capitals ignored) and the filters. */
export function filterPeople(people: Person[], filter: PeopleFilter, pairing: PairingFacts): Person[] {
  const words = searchWords(filter.search);
  return people.filter((person) => {
    if (person.archived && !filter.showArchived) return false;
    if (filter.profession && person.profession !== filter.profession) return false;
    if (filter.role === 'mentors' && !person.isMentor) return false;
    if (filter.role === 'mentees' && !person.isMentee) return false;
    if (
      filter.role === 'mentees-without-mentor' &&
      !(person.isMentee && !pairing.menteesWithMentor.has(person.id))
    )
      return false;
    if (filter.role === 'mentors-with-room' && !(person.isMentor && hasRoom(person, pairing.loads)))
      return false;
    return matchesSearch(words, [person.name, person.email, person.specialty, ...person.tags]);
  });
}

export function roleLabel(person: Pick<Person, 'isMentor' | 'isMentee'>): string {
  if (person.isMentor && person.isMentee) return 'Mentor and mentee';
  return person.isMentor ? 'Mentor' : 'Mentee';
}

/** A mentor whose proposed and active pairs are fewer than their capacity. */
export function hasRoom(person: Pick<Person, 'id' | 'mentorCapacity'>, loads: Map<Id, number>): boolean {
  return (loads.get(person.id) ?? 0) < person.mentorCapacity;
}
