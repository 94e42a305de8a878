// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  createPeopleInBulk,
  type PeopleCursor,
  searchPeoplePage,
  updatePerson,
} from '../../renderer/data/people.repo';
import { personWords, searchTerms, termsMatch } from '../../renderer/domain/people-search';
import type { Person } from '../../renderer/domain/types';
import { readPickerPairs } from '../../renderer/features/meetings/usePairingPicker';
import { NO_FILTER } from '../../renderer/features/people/filter-people';
import { BY_NAME } from '../../renderer/features/people/sort-people';
import { readPeopleList, readWholePeopleList } from '../../renderer/features/people/usePeopleList';
import { readMenteeMatches } from '../../renderer/features/relationships/usePairingCandidates';
import { freshDatabasePerTest, personInput } from './helpers';

// A search of people reads the people whose words (name, e-mail, specialty, tags) start with what was
// typed from the word index (schema version 14): the same people, in the same name order and pages, as
// checking every person would find, whether few people match (read from the index range) or many (read
// on in name order), and kept up to date as people are edited.

const db = freshDatabasePerTest();

const CLINIC = [
  { name: 'Léa Martin', email: 'lea.martin@clinic.example', specialty: 'Emergency', tags: ['wound care'] },
  { name: 'Omar Haddad', email: 'omar.haddad@clinic.example', specialty: 'Pediatrics', tags: [] },
  { name: 'Marie Curie', email: 'mcurie@clinic.example', specialty: 'Oncology', tags: ['research'] },
  { name: 'José Ruiz', email: 'jose.ruiz@clinic.example', specialty: 'Émergency', tags: ['MARATHON'] },
  { name: 'Ben Roy', email: 'ben.roy@clinic.example', specialty: 'Surgery', tags: ['teaching'] },
];

async function addClinic(extra: number): Promise<Person[]> {
  // Three surnames starting alike (one with an accent), and a tag giving some people two words that
  // start alike, so that a search for "nguy" reads several words of the word-and-name index.
  const surnames = ['Nguyen', 'Nguyễn', 'Nguyet'];
  const filler = Array.from({ length: extra }, (_, index) => ({
    name: `Staff ${String(index).padStart(3, '0')} ${surnames[index % 3]}`,
    email: `staff${index}@clinic.example`,
    specialty: 'Ward',
    tags: index % 7 === 0 ? ['Nguyet team'] : [],
  }));
  return createPeopleInBulk(
    [...CLINIC, ...filler].map((person, index) =>
      personInput({ ...person, isMentor: index % 2 === 0, isMentee: index % 2 === 1 }),
    ),
  );
}

/** Every page of a search, by name, as a person-by-person check would list them. */
async function everyPage(query: string, direction: 'ascending' | 'descending', limit: number) {
  const names: string[] = [];
  let after: PeopleCursor | null = null;
  do {
    const page = await searchPeoplePage({ terms: searchTerms(query), direction, after, limit });
    names.push(...page.people.map((person) => person.name));
    after = page.next;
  } while (after);
  return names;
}

function expected(people: Person[], query: string, direction: 'ascending' | 'descending') {
  const terms = searchTerms(query);
  const names = people
    .filter((person) => termsMatch(terms, personWords(person)))
    .map((person) => person.name)
    .sort((a, b) => {
      const [x, y] = [a, b].map((name) =>
        name
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase(),
      );
      return x < y ? -1 : x > y ? 1 : 0;
    });
  return direction === 'ascending' ? names : names.reverse();
}

describe('searching people by the start of their words', () => {
  it('matches the start of a word of the name, e-mail, specialty or a tag, accents and capitals ignored', async () => {
    await addClinic(0);
    const names = async (query: string) =>
      (await searchPeoplePage({ terms: searchTerms(query), direction: 'ascending', limit: 10 })).people.map(
        (person) => person.name,
      );
    // "mar" starts Martin, Marie and the tag "marathon", not Omar nor Haddad.
    expect(await names('MAR')).toEqual(['José Ruiz', 'Léa Martin', 'Marie Curie']);
    // Inside a word is not a match: the search says so in its hint.
    expect(await names('artin')).toEqual([]);
    expect(await names('emerg')).toEqual(['José Ruiz', 'Léa Martin']);
    expect(await names('lea.martin@')).toEqual(['Léa Martin']);
    expect(await names('wound CARE')).toEqual(['Léa Martin']);
    // Every word typed must start a word of the same person.
    expect(await names('mar research')).toEqual(['Marie Curie']);
    expect(await names('mar surgery')).toEqual([]);
    expect(await names('zzqx')).toEqual([]);
  });

  it('pages a search with few matches (the index range) and with many (the name order) exactly as a full check would', async () => {
    const people = await addClinic(300);
    const cases: [string, number[]][] = [
      // Few match: read from the word index.
      ['mar', [1, 2]],
      ['staff 01', [3]],
      // Most match: read on in name order (one letter, and every e-mail's "clinic").
      ['e', [40]],
      ['clinic', [100]],
      ['ward staff', [150]],
      // Many match through few words: each word's range of the word-and-name index, in name order, only
      // a page read from each and merged (people with both "nguyen" and "nguyet" listed once).
      ['nguyen', [3, 7]],
      ['NGUYÊN', [50]],
      ['nguy', [4, 9]],
      ['nguy team', [5]],
      ['clinic example', [9]],
      ['ward', [11]],
    ];
    for (const [query, limits] of cases) {
      for (const direction of ['ascending', 'descending'] as const) {
        for (const limit of limits) {
          const found = await everyPage(query, direction, limit);
          expect(found, `${query} ${direction} ${limit}`).toEqual(expected(people, query, direction));
        }
      }
    }
  });

  it('keeps a filter on the rows of a word read page by page, as a full check would', async () => {
    const people = await addClinic(120);
    for (const role of ['mentors', 'mentees'] as const) {
      const view = await readPeopleList({ ...NO_FILTER, search: 'nguy', role }, BY_NAME, 6);
      const all = expected(
        people.filter((person) => (role === 'mentors' ? person.isMentor : person.isMentee)),
        'nguy',
        'ascending',
      );
      expect(view.people.map((person) => person.name)).toEqual(all.slice(0, 6));
      expect(view.hasMore).toBe(true);
    }
  });

  it('finds a person by their new words once edited, and no longer by the old ones', async () => {
    const [lea] = await addClinic(0);
    await updatePerson(lea.id, { name: 'Léa Dubois', tags: ['simulation'] });
    const find = async (query: string) =>
      (await readPeopleList({ ...NO_FILTER, search: query }, BY_NAME, 10)).people.map(
        (person) => person.name,
      );
    expect(await find('dubois')).toEqual(['Léa Dubois']);
    expect(await find('simul')).toEqual(['Léa Dubois']);
    expect(await find('wound')).toEqual([]);
    expect(await find('marti')).toEqual(['Léa Dubois']);
    // The e-mail (lea.martin@) was not changed: it still finds her.
    expect(await find('lea.martin')).toEqual(['Léa Dubois']);
    // The words are kept for the index only: the app never sees them.
    expect(Object.keys((await db().people.get(lea.id)) ?? {})).not.toContain('wordKeys');
  });

  it('keeps the filters with a search: archived people, role, and the whole list for saving', async () => {
    const people = await addClinic(0);
    await updatePerson(people[2].id, { archived: true });
    const list = async (search: string, showArchived: boolean) =>
      (await readPeopleList({ ...NO_FILTER, search, showArchived }, BY_NAME, 10)).people.map(
        (person) => person.name,
      );
    expect(await list('mar', false)).toEqual(['José Ruiz', 'Léa Martin']);
    expect(await list('mar', true)).toEqual(['José Ruiz', 'Léa Martin', 'Marie Curie']);
    const mentors = await readPeopleList({ ...NO_FILTER, search: 'mar', role: 'mentors' }, BY_NAME, 10);
    expect(mentors.people.map((person) => person.name)).toEqual(['Léa Martin']);
    const whole = await readWholePeopleList({ ...NO_FILTER, search: 'clinic' }, BY_NAME);
    expect(whole.people.map((person) => person.name)).toEqual([
      'Ben Roy',
      'José Ruiz',
      'Léa Martin',
      'Omar Haddad',
    ]);
  });

  it("finds New pairing's mentees by the start of a word", async () => {
    await addClinic(0);
    // Mentees are the second and fourth: Omar Haddad and José Ruiz.
    expect((await readMenteeMatches('mar', 8)).people.map((person) => person.name)).toEqual(['José Ruiz']);
    expect((await readMenteeMatches('hadd', 8)).people.map((person) => person.name)).toEqual(['Omar Haddad']);
    expect((await readMenteeMatches('addad', 8)).people).toEqual([]);
  });

  it('offers the pairs of the people whose name or e-mail starts with each word typed', async () => {
    const people = await addClinic(0);
    const [lea, omar, , jose, ben] = people;
    const pair = (id: string, mentorId: string, menteeId: string, status: string) => ({
      id,
      programId: 'residency',
      mentorId,
      menteeId,
      focus: 'clinical',
      startDate: '2024-01-08',
      plannedEndDate: null,
      endDate: null,
      status,
      endReason: null,
      statusHistory: [{ status, date: '2024-01-08' }],
      capacityOverride: null,
      lastMeetingDate: null,
      createdAt: '2024-01-01T09:00:00.000Z',
      updatedAt: '2024-01-01T09:00:00.000Z',
    });
    await db().transaction('rw', db().relationships, db().actionItems, db().people, async () => {
      await db().relationships.bulkAdd([
        pair('lea-omar', lea.id, omar.id, 'active'),
        pair('ben-jose', ben.id, jose.id, 'paused'),
        pair('lea-jose', lea.id, jose.id, 'completed'),
      ] as never);
    });
    const labels = async (query: string) => (await readPickerPairs(query, 20)).rows.map((row) => row.label);
    expect(await labels('mar')).toEqual(['Omar Haddad with Léa Martin']);
    expect(await labels('jose ben')).toEqual(['José Ruiz with Ben Roy']);
    expect(await labels('BEN.ROY@CLINIC')).toEqual(['José Ruiz with Ben Roy']);
    // A specialty or tag is not a name: the picker does not find José by his tag "marathon".
    expect(await labels('marath')).toEqual([]);
    expect(await labels('artin')).toEqual([]);
  });

  it('offers the same pairs as checking every pair, with many matches, two words or none', async () => {
    const people = await addClinic(90);
    const statuses = ['active', 'paused', 'completed', 'proposed'];
    const pairs = people.slice(5).map((mentor, index) => {
      const mentee = people[5 + ((index + 1) % 90)];
      const status = statuses[index % 4];
      return {
        id: `pair-${String(index).padStart(3, '0')}`,
        programId: 'residency',
        mentorId: mentor.id,
        menteeId: mentee.id,
        focus: 'clinical',
        startDate: '2024-01-08',
        plannedEndDate: null,
        endDate: null,
        status,
        endReason: null,
        statusHistory: [{ status, date: '2024-01-08' }],
        capacityOverride: null,
        lastMeetingDate: null,
        createdAt: '2024-01-01T09:00:00.000Z',
        updatedAt: '2024-01-01T09:00:00.000Z',
      };
    });
    await db().transaction('rw', db().relationships, db().actionItems, db().people, async () => {
      await db().relationships.bulkAdd(pairs as never);
    });
    const byId = new Map(people.map((person) => [person.id, person]));
    const label = (pair: (typeof pairs)[number]) =>
      `${byId.get(pair.menteeId)?.name} with ${byId.get(pair.mentorId)?.name}`;
    const everyMatch = (query: string) => {
      const terms = searchTerms(query);
      return pairs
        .filter((pair) => ['active', 'paused'].includes(pair.status))
        .filter((pair) =>
          termsMatch(
            terms,
            [label(pair), byId.get(pair.menteeId)?.email ?? '', byId.get(pair.mentorId)?.email ?? ''].flatMap(
              (text) => personWords({ name: text, email: '', specialty: '', tags: [] }),
            ),
          ),
        )
        .map(label)
        .sort((a, b) => a.localeCompare(b));
    };
    const queries = [
      'nguy',
      'NGUYÊN',
      'nguyet nguyen',
      'staff 01',
      'staff01',
      'staff 012 nguy',
      'ward',
      'team',
      'zzz',
    ];
    for (const query of queries) {
      const all = everyMatch(query);
      const whole = await readPickerPairs(query, 500);
      expect(
        whole.rows.map((row) => row.label),
        query,
      ).toEqual(all);
      expect(whole.more, query).toBe(false);
      if (all.length > 4) {
        const page = await readPickerPairs(query, 4);
        expect(page.rows, query).toHaveLength(4);
        expect(page.more, query).toBe(true);
        for (const row of page.rows) expect(all, query).toContain(row.label);
      }
    }
    // Words of a specialty or a tag are not names: "ward" and "team" find no pair.
    expect(everyMatch('ward')).toEqual([]);
    expect(everyMatch('nguyet nguyen').length).toBeGreaterThan(4);
  });
});
