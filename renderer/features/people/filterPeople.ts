import type { Person, Profession } from '../../domain/types';

export type RoleFilter = 'all' | 'mentors' | 'mentees';

export interface PeopleFilter {
  search: string;
  profession: Profession | '';
  role: RoleFilter;
  showArchived: boolean;
}

export const NO_FILTER: PeopleFilter = { search: '', profession: '', role: 'all', showArchived: false };

/** The people matching the search (name, specialty or a tag) and the filters. */
export function filterPeople(people: Person[], filter: PeopleFilter): Person[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return people.filter((person) => {
    if (person.archived && !filter.showArchived) return false;
    if (filter.profession && person.profession !== filter.profession) return false;
    if (filter.role === 'mentors' && !person.isMentor) return false;
    if (filter.role === 'mentees' && !person.isMentee) return false;
    const haystack = [person.name, person.specialty, ...person.tags].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export function roleLabel(person: Pick<Person, 'isMentor' | 'isMentee'>): string {
  if (person.isMentor && person.isMentee) return 'Mentor and mentee';
  return person.isMentor ? 'Mentor' : 'Mentee';
}
