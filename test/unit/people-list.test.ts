import { describe, expect, it } from 'vitest';
import type { Person } from '../../renderer/domain/types';
import { filterPeople, NO_FILTER } from '../../renderer/features/people/filter-people';
import { peopleTable } from '../../renderer/features/people/people-export';
import { nextSort, sortPeople } from '../../renderer/features/people/sort-people';

function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    name: id,
    email: `${id.toLowerCase()}@clinic.example`,
    profession: 'nurse',
    specialty: '',
    careerStage: 'early-career',
    hireDate: null,
    leavingDate: null,
    tags: [],
    isMentor: false,
    isMentee: true,
    mentorCapacity: 0,
    archived: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const mentor = (id: string, capacity: number, overrides: Partial<Person> = {}) =>
  person(id, {
    isMentor: true,
    isMentee: false,
    mentorCapacity: capacity,
    profession: 'physician',
    ...overrides,
  });

describe('the people list’s pairing filters', () => {
  const people = [
    mentor('Amara', 2),
    mentor('Jonas', 1),
    mentor('Old', 3, { archived: true }),
    person('Ben'),
    person('Chen'),
    person('Both', { isMentor: true, mentorCapacity: 1 }),
  ];
  const pairing = {
    loads: new Map([
      ['Amara', 2],
      ['Jonas', 0],
    ]),
    menteesWithMentor: new Set(['Ben']),
  };

  it('"Mentees without a mentor" keeps mentees with no proposed, active or paused pair', () => {
    const shown = filterPeople(people, { ...NO_FILTER, role: 'mentees-without-mentor' }, pairing);
    expect(shown.map((p) => p.id)).toEqual(['Chen', 'Both']);
  });

  it('"Mentors with room" keeps mentors below their capacity, archived ones only when asked', () => {
    const shown = filterPeople(people, { ...NO_FILTER, role: 'mentors-with-room' }, pairing);
    expect(shown.map((p) => p.id)).toEqual(['Jonas', 'Both']);
    const withArchived = filterPeople(
      people,
      { ...NO_FILTER, role: 'mentors-with-room', showArchived: true },
      pairing,
    );
    expect(withArchived.map((p) => p.id)).toEqual(['Jonas', 'Old', 'Both']);
  });
});

describe('sorting the people list', () => {
  const people = [
    person('Émile', { specialty: 'Pediatrics', tags: ['b'] }),
    person('adam', { specialty: '', profession: 'physician' }),
    person('Zoë', { specialty: 'Emergency', tags: ['a'] }),
    mentor('Bea', 1, { specialty: 'Room 10' }),
    mentor('Cal', 1, { specialty: 'Room 2' }),
  ];
  const names = (sorted: Person[]) => sorted.map((p) => p.name);

  it('sorts names as a person reads them, ignoring case and accents', () => {
    expect(names(sortPeople(people, { column: 'Name', direction: 'ascending' }))).toEqual([
      'adam',
      'Bea',
      'Cal',
      'Émile',
      'Zoë',
    ]);
    expect(names(sortPeople(people, { column: 'Name', direction: 'descending' }))).toEqual([
      'Zoë',
      'Émile',
      'Cal',
      'Bea',
      'adam',
    ]);
  });

  it('keeps blank specialties at the bottom either way, and reads numbers as numbers', () => {
    expect(names(sortPeople(people, { column: 'Specialty', direction: 'ascending' }))).toEqual([
      'Zoë',
      'Émile',
      'Cal',
      'Bea',
      'adam',
    ]);
    expect(names(sortPeople(people, { column: 'Specialty', direction: 'descending' }))).toEqual([
      'Bea',
      'Cal',
      'Émile',
      'Zoë',
      'adam',
    ]);
  });

  it('breaks ties by name, and sorts roles and professions by what the list shows', () => {
    expect(names(sortPeople(people, { column: 'Role', direction: 'ascending' }))).toEqual([
      'adam',
      'Émile',
      'Zoë',
      'Bea',
      'Cal',
    ]);
    expect(names(sortPeople(people, { column: 'Profession', direction: 'descending' }))).toEqual([
      'adam',
      'Bea',
      'Cal',
      'Émile',
      'Zoë',
    ]);
  });

  it('turns the order round on the sorted column, and starts ascending on another', () => {
    const byName = { column: 'Name', direction: 'ascending' } as const;
    expect(nextSort(byName, 'Name')).toEqual({ column: 'Name', direction: 'descending' });
    expect(nextSort(nextSort(byName, 'Name'), 'Tags')).toEqual({ column: 'Tags', direction: 'ascending' });
  });
});

describe('the people list as a table for CSV and XLSX', () => {
  it('gives mentors their load and capacity, and leaves them blank for mentees', () => {
    const table = peopleTable([mentor('Amara', 2), person('=cmd|x')], new Map([['Amara', 1]]));
    expect(table.rows).toEqual([
      ['Amara', 'amara@clinic.example', 'Physician', '', 'Mentor', 1, 2, '', 'No'],
      ['=cmd|x', '=cmd|x@clinic.example', 'Nurse', '', 'Mentee', null, null, '', 'No'],
    ]);
  });
});
