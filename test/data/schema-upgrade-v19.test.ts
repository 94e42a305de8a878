// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { PERSON_SORT_FIELDS, personDerived } from '../../renderer/data/derived-fields';
import { listPeopleSortedPage } from '../../renderer/data/people.repo';
import { personPairingDerived } from '../../renderer/data/summary-fields';
import { NO_FILTER } from '../../renderer/features/people/filter-people';
import { readPeopleList } from '../../renderer/features/people/usePeopleList';
import {
  closeUpgradeDatabasesAfterEach,
  everyStoredField,
  inKeyOrder,
  personRecordAsTyped,
  type TableContent,
  upgradedFrom,
} from './schema-upgrade-helpers';

// A clinic on version 18 opens version 19: every record of every table keeps every field it had, and
// every person gains the sort key of each column of the People list other than the name (profession,
// specialty, role, tags), each indexed with the name key and the id. The list sorted by one of those
// columns is then read a page at a time from its index.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-01-01T09:00:00.000Z';

/** A person as version 18 stored them: with the name key, words, word-name entries and pairing summaries. */
function person(id: string, name: string, fields: object = {}) {
  const record = personRecordAsTyped(id, name, { isMentee: true, mentorCapacity: 0, ...fields });
  // No pair yet: the pairing summaries of version 18 are those of a person without any.
  const pairing = Object.fromEntries(
    Object.entries(personPairingDerived(record as never)).filter(([, value]) => value !== undefined),
  );
  return { ...record, ...personDerived(record), ...pairing };
}

const OLD_CONTENT: TableContent = {
  people: [
    person('grace', 'Grace Okafor', {
      profession: 'physician',
      specialty: 'Room 10',
      tags: ['Night', 'preceptor'],
      isMentor: true,
      isMentee: false,
      mentorCapacity: 2,
    }),
    person('lea', 'Léa Martin', { specialty: 'Émergency', tags: ['équipe 2'] }),
    person('lea2', 'Lea Martin', { specialty: 'emergency', isMentor: true, mentorCapacity: 1 }),
    person('sam', 'Sam Berg', { profession: 'allied-health', specialty: 'Room 2', tags: ['night'] }),
    person('ida', 'Ida Moss', { profession: 'student', archived: true }),
  ],
  programs: [{ id: 'residency', name: 'New-graduate nurse residency', createdAt: STAMP }],
};

// Each key as the list reads it: accents and capitals dropped, a space and a comma marked below the
// letters, a number as its length and digits (so 2 sorts before 10); empty for a blank value.
const SPACE = '\u0001';
const COMMA = '\u0002,';
const NUMBER = (digits: string) => `\u0003${String.fromCharCode(0x20 + digits.length)}${digits}`;
const ADDED: Record<string, object> = {
  grace: {
    sortProfession: 'physician',
    sortSpecialty: `room${SPACE}${NUMBER('10')}`,
    sortRole: 'mentor',
    sortTags: `night${COMMA}${SPACE}preceptor`,
  },
  lea: {
    sortProfession: 'nurse',
    sortSpecialty: 'emergency',
    sortRole: 'mentee',
    sortTags: `equipe${SPACE}${NUMBER('2')}`,
  },
  lea2: {
    sortProfession: 'nurse',
    sortSpecialty: 'emergency',
    sortRole: `mentor${SPACE}and${SPACE}mentee`,
    sortTags: '',
  },
  sam: {
    sortProfession: `allied${SPACE}health`,
    sortSpecialty: `room${SPACE}${NUMBER('2')}`,
    sortRole: 'mentee',
    sortTags: 'night',
  },
  ida: { sortProfession: 'student', sortSpecialty: '', sortRole: 'mentee', sortTags: '' },
};

const upgraded = () => upgradedFrom(18, OLD_CONTENT);

const NEW_FIELDS: readonly string[] = PERSON_SORT_FIELDS;
// Added by version 20 (checked in schema-upgrade-v20.test.ts).
const LATER_FIELDS = ['mentorFull', 'mentorMatches'];
const only = (row: object, keep: (field: string) => boolean) =>
  Object.fromEntries(Object.entries(row).filter(([field]) => keep(field)));

describe('upgrading a version 18 database to version 19', () => {
  it("keeps every field of every record and gives every person their columns' sort keys", async () => {
    const name = await upgraded();
    const stored = await everyStoredField(name);
    const people = stored.people as Record<string, unknown>[];
    // Every field of version 18 exactly as it was, in every table.
    const earlier = (field: string) => !NEW_FIELDS.includes(field) && !LATER_FIELDS.includes(field);
    expect(people.map((row) => only(row, earlier))).toStrictEqual(inKeyOrder(OLD_CONTENT.people!));
    expect(stored.programs).toStrictEqual(OLD_CONTENT.programs);
    for (const table of tablesOfSchema(18))
      if (!['people', 'programs', 'auditLog'].includes(table)) expect(stored[table], table).toEqual([]);
    // What the upgrade adds, person by person.
    expect(
      Object.fromEntries(people.map((row) => [row.id, only(row, (field) => NEW_FIELDS.includes(field))])),
    ).toStrictEqual(ADDED);
  });

  it('answers the People list sorted by each column from the new indexes, without the keys', async () => {
    const name = await upgraded();
    switchDatabase(name);
    try {
      const ids = async (
        column: 'Profession' | 'Specialty' | 'Role' | 'Tags',
        direction: 'ascending' | 'descending',
      ) => (await listPeopleSortedPage({ column, direction, limit: 10 })).people.map((row) => row.id);
      expect(await ids('Profession', 'ascending')).toEqual(['sam', 'lea', 'lea2', 'grace', 'ida']);
      // Blank specialties last either way; the two emergencies ("Émergency" and "emergency") together,
      // by name ("Lea Martin" and "Léa Martin" are one name: by id); Room 2 before Room 10.
      expect(await ids('Specialty', 'ascending')).toEqual(['lea', 'lea2', 'sam', 'grace', 'ida']);
      expect(await ids('Specialty', 'descending')).toEqual(['grace', 'sam', 'lea', 'lea2', 'ida']);
      // "Mentor and mentee" after "Mentor", after "Mentee".
      expect(await ids('Role', 'descending')).toEqual(['lea2', 'grace', 'ida', 'lea', 'sam']);
      expect(await ids('Tags', 'descending')).toEqual(['grace', 'sam', 'lea', 'ida', 'lea2']);
      const view = await readPeopleList(NO_FILTER, { column: 'Tags', direction: 'ascending' }, 10);
      expect(view.people.map((row) => row.id)).toEqual(['lea', 'sam', 'grace', 'lea2']);
      for (const row of view.people) for (const field of NEW_FIELDS) expect(row).not.toHaveProperty(field);
    } finally {
      closeDatabase();
    }
  });
});
