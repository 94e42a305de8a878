// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  createPeopleInBulk,
  listPeople,
  listPeopleSortedPage,
  type SortedPeopleCursor,
  type SortedPeopleQuery,
  searchPeopleSortedPage,
  updatePerson,
} from '../../renderer/data/people.repo';
import { personWords, searchTerms, termsMatch } from '../../renderer/domain/people-search';
import { KEYED_COLUMNS, type KeyedColumn } from '../../renderer/domain/people-sort';
import type { Person, Profession } from '../../renderer/domain/types';
import { NO_FILTER, type PeopleFilter } from '../../renderer/features/people/filter-people';
import { type PeopleSort, sortPeople } from '../../renderer/features/people/sort-people';
import { readPeopleList, readWholePeopleList } from '../../renderer/features/people/usePeopleList';
import { freshDatabasePerTest, personInput } from './helpers';

// The People list sorted by profession, specialty, role or tags reads one page at a time from each
// column's sort-key index (schema version 19). Every page, read one after the other from the cursor of
// the page before, must give exactly the list sortPeople makes of everyone: in both directions, blank
// values last either way, values differing only by accents or capitals together, numbers read as
// numbers, and people with the same value in the name order, names differing only by accents or
// capitals included.

freshDatabasePerTest();

const DIRECTIONS = ['ascending', 'descending'] as const;
const PROFESSIONS: Profession[] = ['physician', 'nurse', 'resident', 'student', 'allied-health', 'other'];
const SPECIALTIES = [
  '',
  '',
  'Emergency',
  'émergency',
  'EMERGENCY care',
  'Pédiatrie',
  'pediatrie',
  'Room 2',
  'Room 10',
  'room 02',
  'Room 2b',
  'A-E',
  'A E',
  'AE',
  'Oncology/Haematology',
  'Oncology',
  'Zürich unit',
  'ICU',
  'icu',
];
const TAGS: string[][] = [
  [],
  [],
  ['night'],
  ['Night'],
  ['night', 'float'],
  ['float', 'night'],
  ['Équipe 2'],
  ['equipe 10'],
  ['équipe 2', 'preceptor'],
  ['preceptor'],
  ['Preceptor', 'night'],
];
// Names that differ only by accents or capitals, and names that share a value with many others.
const NAMES = [
  'Léa Martin',
  'Lea Martin',
  'LEA MARTIN',
  'lea martin',
  'Ana Silva',
  'Ána Silva',
  'Zoë Adams',
  'Zoe Adams',
  'Émile Zola',
  'Emile Zola',
  'Omar Haddad',
  'Grace Okafor',
  'Ines Duarte',
  'Noah Berg',
  'Sam Berg',
  'Ida Moss',
  'Eve Laine',
  'Liam Chen',
];

/** A fixed pseudo-random sequence, so a failure can be read again. */
function sequence(seed: number) {
  let state = seed;
  return (count: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % count;
  };
}

async function addClinic(count: number, seed = 7): Promise<Person[]> {
  const pick = sequence(seed);
  return createPeopleInBulk(
    Array.from({ length: count }, (_, index) => {
      const role = pick(3);
      return personInput({
        name: NAMES[pick(NAMES.length)],
        email: `person${index}@clinic.example`,
        profession: PROFESSIONS[pick(PROFESSIONS.length)],
        specialty: SPECIALTIES[pick(SPECIALTIES.length)],
        tags: TAGS[pick(TAGS.length)],
        isMentor: role !== 1,
        isMentee: role !== 0,
        mentorCapacity: role !== 1 ? 2 : 0,
        archived: pick(5) === 0,
      });
    }),
  );
}

/** Every page from the first, each read from the cursor of the page before. */
async function pagedIds(
  query: Omit<SortedPeopleQuery, 'after'>,
  read: (query: SortedPeopleQuery) => ReturnType<typeof listPeopleSortedPage> = listPeopleSortedPage,
): Promise<string[]> {
  const ids: string[] = [];
  let after: SortedPeopleCursor | null = null;
  let pages = 0;
  do {
    const page = await read({ ...query, after });
    expect(page.people.length).toBeLessThanOrEqual(query.limit);
    // Only the last page may be short.
    if (page.next) expect(page.people).toHaveLength(query.limit);
    ids.push(...page.people.map((person) => person.id));
    after = page.next;
    pages += 1;
    expect(pages).toBeLessThan(1000);
  } while (after);
  return ids;
}

const ids = (people: Person[]) => people.map((person) => person.id);

describe('the people list sorted by a column, a page at a time', () => {
  it('gives the order of sortPeople for every column, both directions and any page size', async () => {
    await addClinic(90);
    const everyone = await listPeople();
    expect(everyone).toHaveLength(90);
    for (const column of KEYED_COLUMNS)
      for (const direction of DIRECTIONS) {
        const expected = ids(sortPeople(everyone, { column, direction }));
        for (const limit of [1, 2, 5, 13, 89, 90, 200])
          expect(await pagedIds({ column, direction, limit }), `${column} ${direction} by ${limit}`).toEqual(
            expected,
          );
      }
  });

  it('puts blank values last in both directions, each value together whatever its accents and capitals', async () => {
    await createPeopleInBulk([
      personInput({ name: 'Blank One', email: 'b1@clinic.example', specialty: '', tags: [] }),
      personInput({ name: 'Room Ten', email: 'r10@clinic.example', specialty: 'Room 10', tags: ['b'] }),
      personInput({ name: 'Room Two', email: 'r2@clinic.example', specialty: 'Room 2', tags: ['a'] }),
      personInput({ name: 'Émile Accent', email: 'e1@clinic.example', specialty: 'Émergency', tags: [] }),
      personInput({ name: 'Ada Plain', email: 'e2@clinic.example', specialty: 'emergency', tags: ['A'] }),
      personInput({ name: 'Blank Two', email: 'b2@clinic.example', specialty: '', tags: ['c'] }),
    ]);
    const names = async (column: KeyedColumn, direction: 'ascending' | 'descending') =>
      (await listPeopleSortedPage({ column, direction, limit: 10 })).people.map((person) => person.name);
    expect(await names('Specialty', 'ascending')).toEqual([
      'Ada Plain',
      'Émile Accent',
      'Room Two',
      'Room Ten',
      'Blank One',
      'Blank Two',
    ]);
    expect(await names('Specialty', 'descending')).toEqual([
      'Room Ten',
      'Room Two',
      'Ada Plain',
      'Émile Accent',
      'Blank One',
      'Blank Two',
    ]);
    expect(await names('Tags', 'descending')).toEqual([
      'Blank Two',
      'Room Ten',
      'Ada Plain',
      'Room Two',
      'Blank One',
      'Émile Accent',
    ]);
  });

  it('keeps only the people a filter accepts, still a full page each time', async () => {
    const people = await addClinic(80, 11);
    const everyone = await listPeople();
    expect(everyone).toHaveLength(people.length);
    const keepers: [string, (person: Person) => boolean][] = [
      ['not archived', (person) => !person.archived],
      ['nurses', (person) => person.profession === 'nurse'],
      ['mentors not archived', (person) => person.isMentor && !person.archived],
      ['nobody', () => false],
    ];
    for (const [label, keep] of keepers)
      for (const column of KEYED_COLUMNS)
        for (const direction of DIRECTIONS)
          for (const limit of [1, 4, 30])
            expect(
              await pagedIds({ column, direction, limit, keep }),
              `${label} ${column} ${direction}`,
            ).toEqual(ids(sortPeople(everyone.filter(keep), { column, direction })));
  });

  it("reads one profession's people from the column's index behind the profession, with or without a filter", async () => {
    await addClinic(90, 23);
    const everyone = await listPeople();
    for (const profession of PROFESSIONS) {
      const theirs = everyone.filter((person) => person.profession === profession);
      const keep = (person: Person) => !person.archived;
      for (const column of KEYED_COLUMNS)
        for (const direction of DIRECTIONS)
          for (const limit of [1, 4, 30]) {
            const what = `${profession} ${column} ${direction} by ${limit}`;
            expect(await pagedIds({ column, direction, limit, profession }), what).toEqual(
              ids(sortPeople(theirs, { column, direction })),
            );
            expect(await pagedIds({ column, direction, limit, profession, keep }), `${what}, kept`).toEqual(
              ids(sortPeople(theirs.filter(keep), { column, direction })),
            );
          }
    }
  });

  it('searches within a column order, reading the few matches or walking the order for many', async () => {
    await addClinic(70, 3);
    const everyone = await listPeople();
    // "lea" matches a few people (read from the word index and sorted); "clinic" every e-mail (the
    // column's order walked); "berg" and "night" somewhere between.
    for (const search of ['lea', 'lea mar', 'berg', 'night', 'clinic', 'zzqx'])
      for (const column of KEYED_COLUMNS)
        for (const direction of DIRECTIONS)
          for (const limit of [1, 3, 25]) {
            const terms = searchTerms(search);
            const keep = (person: Person) => !person.archived;
            const expected = sortPeople(
              everyone.filter((person) => keep(person) && termsMatch(terms, personWords(person))),
              { column, direction },
            );
            expect(
              await pagedIds({ column, direction, limit, keep }, (query) =>
                searchPeopleSortedPage({ ...query, terms }),
              ),
              `"${search}" ${column} ${direction} by ${limit}`,
            ).toEqual(ids(expected));
          }
  });

  it('follows an edit: a person whose value changes moves to their new place', async () => {
    await addClinic(30, 5);
    const [someone] = await listPeople();
    await updatePerson(someone.id, { specialty: 'Zzz last ward', tags: ['aaa first'] });
    const everyone = await listPeople();
    for (const column of KEYED_COLUMNS)
      for (const direction of DIRECTIONS)
        expect(await pagedIds({ column, direction, limit: 4 })).toEqual(
          ids(sortPeople(everyone, { column, direction })),
        );
    const bySpecialty = await listPeopleSortedPage({
      column: 'Specialty',
      direction: 'descending',
      limit: 1,
    });
    expect(bySpecialty.people[0].id).toBe(someone.id);
    const byTags = await listPeopleSortedPage({ column: 'Tags', direction: 'ascending', limit: 1 });
    expect(byTags.people[0].id).toBe(someone.id);
  });
});

describe('the People screen sorted by a column', () => {
  const filters: [string, PeopleFilter][] = [
    ['the usual list (archived hidden)', NO_FILTER],
    ['everyone', { ...NO_FILTER, showArchived: true }],
    ['nurses', { ...NO_FILTER, profession: 'nurse' }],
    ['mentees', { ...NO_FILTER, role: 'mentees' }],
    ['a search', { ...NO_FILTER, search: 'martin' }],
    ['a search of every e-mail, archived shown', { ...NO_FILTER, search: 'clinic', showArchived: true }],
    ['mentors with room', { ...NO_FILTER, role: 'mentors-with-room' }],
    ['mentees without a mentor', { ...NO_FILTER, role: 'mentees-without-mentor' }],
  ];

  it('shows the first rows of the whole list as sortPeople orders it, and "Save list" writes every row', async () => {
    await addClinic(60, 19);
    // Without any pair, every mentor has room and every mentee is without a mentor.
    const everyone = await listPeople();
    const matches = (filter: PeopleFilter) => (person: Person) =>
      (filter.showArchived || !person.archived) &&
      (!filter.profession || person.profession === filter.profession) &&
      (filter.role !== 'mentees' || person.isMentee) &&
      (filter.role !== 'mentees-without-mentor' || person.isMentee) &&
      (filter.role !== 'mentors-with-room' || person.isMentor) &&
      termsMatch(searchTerms(filter.search), personWords(person));
    for (const [label, filter] of filters)
      for (const column of KEYED_COLUMNS)
        for (const direction of DIRECTIONS) {
          const sort: PeopleSort = { column, direction };
          const whole = ids(sortPeople(everyone.filter(matches(filter)), sort));
          const view = await readPeopleList(filter, sort, 7);
          expect(ids(view.people), `${label} ${column} ${direction}`).toEqual(whole.slice(0, 7));
          expect(view.hasMore).toBe(whole.length > 7);
          expect(view.total).toBe(60);
          expect(ids((await readWholePeopleList(filter, sort)).people)).toEqual(whole);
        }
  });

  it('never hands the sort keys to the app', async () => {
    await addClinic(5);
    const page = await listPeopleSortedPage({ column: 'Tags', direction: 'descending', limit: 5 });
    const view = await readPeopleList(NO_FILTER, { column: 'Specialty', direction: 'ascending' }, 5);
    for (const person of [...page.people, ...view.people, ...(await listPeople())])
      for (const field of ['sortProfession', 'sortSpecialty', 'sortRole', 'sortTags'])
        expect(person).not.toHaveProperty(field);
  });
});
