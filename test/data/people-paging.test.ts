// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  createPeopleInBulk,
  createPerson,
  listPeoplePage,
  type PeopleCursor,
  updatePerson,
} from '../../renderer/data/people.repo';
import type { Person } from '../../renderer/domain/types';
import { freshDatabasePerTest, personInput } from './helpers';

// The People list reads one page at a time from the name index: accent- and case-blind, ties broken
// the same way every time, and steady while people are added between pages.

const db = freshDatabasePerTest();

async function addPeople(names: string[]): Promise<Person[]> {
  return createPeopleInBulk(
    names.map((name, index) => personInput({ name, email: `person${index}@clinic.example` })),
  );
}

async function wholeList(direction: 'ascending' | 'descending', limit: number): Promise<string[]> {
  const names: string[] = [];
  let after: PeopleCursor | null = null;
  do {
    const page = await listPeoplePage({ direction, after, limit });
    names.push(...page.people.map((person) => person.name));
    after = page.next;
  } while (after);
  return names;
}

describe('paging the people list by name', () => {
  it('gives the first page, then the next one from where it stopped, and says when none is left', async () => {
    await addPeople(['Eve Stone', 'Ada Park', 'Cleo Ruiz', 'Bea Long', 'Dan Ito']);
    const first = await listPeoplePage({ direction: 'ascending', limit: 2 });
    expect(first.people.map((person) => person.name)).toEqual(['Ada Park', 'Bea Long']);
    expect(first.next).not.toBeNull();
    const second = await listPeoplePage({ direction: 'ascending', after: first.next, limit: 2 });
    expect(second.people.map((person) => person.name)).toEqual(['Cleo Ruiz', 'Dan Ito']);
    const last = await listPeoplePage({ direction: 'ascending', after: second.next, limit: 2 });
    expect(last.people.map((person) => person.name)).toEqual(['Eve Stone']);
    expect(last.next).toBeNull();
    expect(await wholeList('descending', 2)).toEqual([
      'Eve Stone',
      'Dan Ito',
      'Cleo Ruiz',
      'Bea Long',
      'Ada Park',
    ]);
  });

  it('splits people with the same name across a page boundary without repeating or losing one', async () => {
    const people = await addPeople(['Sam Lee', 'Sam Lee', 'Amy Fox', 'sam lee', 'SAM LEE']);
    const sams = people.filter((person) => person.name !== 'Amy Fox').map((person) => person.id);
    // Equal names (capitals ignored) follow one another in a fixed order, so a page can end between them.
    for (const limit of [1, 2, 3]) {
      for (const direction of ['ascending', 'descending'] as const) {
        const ids: string[] = [];
        let after: PeopleCursor | null = null;
        do {
          const page = await listPeoplePage({ direction, after, limit });
          ids.push(...page.people.map((person) => person.id));
          after = page.next;
        } while (after);
        const ascending = direction === 'ascending' ? ids : [...ids].reverse();
        expect(ascending[0]).toBe(people[2].id);
        expect(ascending.slice(1)).toEqual([...sams].sort());
      }
    }
  });

  it('sorts an accented or capitalised name as its plain form', async () => {
    await addPeople([
      'Zoe Adams',
      'Émile Zola',
      'eliza Moore',
      'Ólafur Arnalds',
      'Oscar Hale',
      'Łucja Nowak',
    ]);
    expect(await wholeList('ascending', 4)).toEqual([
      'eliza Moore',
      'Émile Zola',
      'Łucja Nowak',
      'Ólafur Arnalds',
      'Oscar Hale',
      'Zoe Adams',
    ]);
  });

  it('shows someone added while paging in their place, and the next page neither repeats nor skips anyone', async () => {
    await addPeople(['Ada Park', 'Bea Long', 'Dan Ito', 'Fay Moss']);
    const first = await listPeoplePage({ direction: 'ascending', limit: 2 });
    expect(first.people.map((person) => person.name)).toEqual(['Ada Park', 'Bea Long']);
    // One name lands on the page already read, one after it.
    await createPerson(personInput({ name: 'Abe North', email: 'abe@clinic.example' }));
    await createPerson(personInput({ name: 'Cal Shaw', email: 'cal@clinic.example' }));
    const second = await listPeoplePage({ direction: 'ascending', after: first.next, limit: 2 });
    expect(second.people.map((person) => person.name)).toEqual(['Cal Shaw', 'Dan Ito']);
    // Read from the start again, the list has both in their places.
    expect(await wholeList('ascending', 3)).toEqual([
      'Abe North',
      'Ada Park',
      'Bea Long',
      'Cal Shaw',
      'Dan Ito',
      'Fay Moss',
    ]);
  });

  it('moves a renamed person to the place of their new name', async () => {
    const [ada] = await addPeople(['Ada Park', 'Bea Long']);
    await updatePerson(ada.id, { name: 'Zara Park' });
    expect(await wholeList('ascending', 5)).toEqual(['Bea Long', 'Zara Park']);
  });

  it('fills a filtered page from further down the list, reading on in batches', async () => {
    const names = Array.from({ length: 450 }, (_, index) => `Person ${String(index).padStart(3, '0')}`);
    await addPeople(names);
    const keep = (person: Person) => Number(person.name.slice(-3)) % 40 === 0;
    const first = await listPeoplePage({ direction: 'ascending', limit: 5, keep });
    expect(first.people.map((person) => person.name)).toEqual([
      'Person 000',
      'Person 040',
      'Person 080',
      'Person 120',
      'Person 160',
    ]);
    const rest = await listPeoplePage({ direction: 'ascending', after: first.next, limit: 10, keep });
    expect(rest.people.map((person) => person.name)).toEqual([
      'Person 200',
      'Person 240',
      'Person 280',
      'Person 320',
      'Person 360',
      'Person 400',
      'Person 440',
    ]);
    expect(rest.next).toBeNull();
  });

  it('keeps the name index out of what the app reads', async () => {
    const [ada] = await addPeople(['Ada Park']);
    expect(Object.keys((await db().people.get(ada.id)) ?? {})).not.toContain('nameKey');
    const page = await listPeoplePage({ direction: 'ascending', limit: 1 });
    expect(page.people[0]).toEqual(ada);
  });
});
