import { describe, expect, it } from 'vitest';
import { duplicateKey } from '../../renderer/domain/roster-import';
import { matchesSearch, personKey, searchKey, searchWords, storedLine } from '../../renderer/domain/text';
import type { Person } from '../../renderer/domain/types';
import { filterPeople, NO_FILTER } from '../../renderer/features/people/filter-people';

// "José" typed on one keyboard (é as one code point) and pasted from another (e + combining accent).
const COMPOSED = 'Jos\u00e9 Ruiz';
const DECOMPOSED = 'Jose\u0301 Ruiz';

const noPairs = { loads: new Map<string, number>(), menteesWithMentor: new Set<string>() };

function person(name: string, email: string, extra: Partial<Person> = {}): Person {
  return {
    id: name,
    name,
    email,
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
    ...extra,
  };
}

describe('text as stored', () => {
  it('stores a decomposed accent as the same string as a composed one', () => {
    expect(COMPOSED).not.toBe(DECOMPOSED);
    expect(storedLine(DECOMPOSED)).toBe(COMPOSED);
    expect(storedLine(`  ${DECOMPOSED}   `)).toBe(COMPOSED);
  });

  it('sees the same person in both forms, whatever the capitals, for a form and for an import', () => {
    expect(personKey(DECOMPOSED, 'JOSE@clinic.example')).toBe(personKey(COMPOSED, 'jose@clinic.example'));
    expect(duplicateKey(DECOMPOSED, 'jose@clinic.example')).toBe(
      duplicateKey(COMPOSED, 'jose@clinic.example'),
    );
    expect(personKey('Jose Ruiz', '')).not.toBe(personKey(COMPOSED, ''));
  });
});

describe('searching', () => {
  it('ignores accents and capitals: "lea" finds Léa, "LÉA" finds Lea, "jose" finds both forms of José', () => {
    expect(matchesSearch(searchWords('lea'), ['Léa Martin'])).toBe(true);
    expect(matchesSearch(searchWords('LÉA'), ['Lea Martin'])).toBe(true);
    expect(matchesSearch(searchWords('jose'), [DECOMPOSED])).toBe(true);
    expect(matchesSearch(searchWords('josé'), [COMPOSED])).toBe(true);
    expect(matchesSearch(searchWords('søren'), ['Soren Berg'])).toBe(true);
    expect(matchesSearch(searchWords('lea marti'), ['Léa Martin'])).toBe(true);
    expect(matchesSearch(searchWords('lea moreau'), ['Léa Martin'])).toBe(false);
    expect(searchKey('  Zoë   ÅSTRÖM ')).toBe('zoe astrom');
  });

  it('drops U+0000 from a search key (it separates the parts of the word-and-name index)', () => {
    expect(searchKey('Ana\u0000 Silva')).toBe('ana silva');
    expect(searchKey('\u0000')).toBe('');
  });

  it('finds people by name, accent-free, and by e-mail address', () => {
    const people = [
      person('Léa Martin', 'lea.martin@clinic.example'),
      person(DECOMPOSED, 'j.ruiz@clinic.example'),
      person('Ben Roy', 'BROY@Clinic.example'),
    ];
    const search = (text: string) =>
      filterPeople(people, { ...NO_FILTER, search: text }, noPairs).map((found) => found.email);
    expect(search('lea')).toEqual(['lea.martin@clinic.example']);
    expect(search('josé')).toEqual(['j.ruiz@clinic.example']);
    expect(search('broy@clinic')).toEqual(['BROY@Clinic.example']);
    expect(search('J.RUIZ@')).toEqual(['j.ruiz@clinic.example']);
  });
});
