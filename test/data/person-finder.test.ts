// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { archivePerson, createPerson, hasStaffWho, updatePerson } from '../../renderer/data/people.repo';
import { readPersonMatches } from '../../renderer/hooks/usePeople';
import { freshDatabasePerTest, menteeInput, personInput } from './helpers';

// The person finders (a questionnaire's person answering, the pairing edit dialog's mentor and mentee)
// read a page of matching people, never the whole staff list; the dashboard's first steps ask only
// whether a mentor and a mentee exist.

freshDatabasePerTest();

async function clinic() {
  const lea = await createPerson(personInput({ name: 'Léa Martin', email: 'lea@clinic.example' }));
  const omar = await createPerson(menteeInput({ name: 'Omar Haddad', email: 'omar@clinic.example' }));
  const both = await createPerson(
    personInput({ name: 'Ana Lopes', email: 'ana@clinic.example', isMentee: true, specialty: 'Oncology' }),
  );
  const gone = await createPerson(menteeInput({ name: 'Marta Gone', email: 'marta@clinic.example' }));
  await archivePerson(gone.id);
  return { lea, omar, both, gone };
}

const names = (matches: { people: { name: string }[] }) => matches.people.map((person) => person.name);

describe('the person finder', () => {
  it('offers people of the asked role by name, never the archived', async () => {
    await clinic();
    expect(names(await readPersonMatches('', 'anyone', 8))).toEqual([
      'Ana Lopes',
      'Léa Martin',
      'Omar Haddad',
    ]);
    expect(names(await readPersonMatches('', 'mentor', 8))).toEqual(['Ana Lopes', 'Léa Martin']);
    expect(names(await readPersonMatches('', 'mentee', 8))).toEqual(['Ana Lopes', 'Omar Haddad']);
    expect(names(await readPersonMatches('mar', 'anyone', 8))).toEqual(['Léa Martin']);
  });

  it('finds by the start of any word, accents and capitals ignored, and says when more match', async () => {
    await clinic();
    expect(names(await readPersonMatches('LEA', 'anyone', 8))).toEqual(['Léa Martin']);
    expect(names(await readPersonMatches('onco', 'mentee', 8))).toEqual(['Ana Lopes']);
    expect(names(await readPersonMatches('artin', 'anyone', 8))).toEqual([]);
    const first = await readPersonMatches('', 'anyone', 2);
    expect(names(first)).toEqual(['Ana Lopes', 'Léa Martin']);
    expect(first.more).toBe(true);
    expect((await readPersonMatches('', 'anyone', 3)).more).toBe(false);
  });
});

describe("the dashboard's first steps", () => {
  it('know whether a mentor and a mentee who are not archived exist', async () => {
    expect([await hasStaffWho('isMentor'), await hasStaffWho('isMentee')]).toEqual([false, false]);
    const gone = await createPerson(menteeInput({ name: 'Marta Gone', email: 'marta@clinic.example' }));
    await archivePerson(gone.id);
    expect(await hasStaffWho('isMentee')).toBe(false);
    const lea = await createPerson(personInput({ name: 'Léa Martin', email: 'lea@clinic.example' }));
    expect([await hasStaffWho('isMentor'), await hasStaffWho('isMentee')]).toEqual([true, false]);
    await updatePerson(lea.id, { isMentee: true });
    expect(await hasStaffWho('isMentee')).toBe(true);
    await archivePerson(lea.id);
    expect([await hasStaffWho('isMentor'), await hasStaffWho('isMentee')]).toEqual([false, false]);
  });
});
