// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { closeDatabase, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { personDerived, personSortKeys } from '../../renderer/data/derived-fields';
import { listPeopleSortedPage } from '../../renderer/data/people.repo';
import { personMentorRankDerived, personPairingDerived } from '../../renderer/data/summary-fields';
import type { Person } from '../../renderer/domain/types';
import { NO_FILTER } from '../../renderer/features/people/filter-people';
import { readPeopleList } from '../../renderer/features/people/usePeopleList';
import { readStored } from './helpers';
import {
  closeUpgradeDatabasesAfterEach,
  everyStoredField,
  inKeyOrder,
  personRecordAsTyped,
  type TableContent,
  upgradedFrom,
} from './schema-upgrade-helpers';

// A clinic on version 20 opens version 21: every record of every table keeps every field it had, exactly
// (the version adds indexes of fields every person already has), and the column sort keys are indexed
// again behind the profession, so the People list sorted by a column with a profession chosen reads a
// page of that profession's people alone.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-01-01T09:00:00.000Z';

/** A person as version 20 stored them: words, sort keys, pairing summaries and (mentors) their rank. */
function person(id: string, name: string, fields: object) {
  const record = personRecordAsTyped(id, name, fields) as unknown as Person;
  const defined = (fields: object) =>
    Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    ...record,
    ...personDerived(record),
    ...personSortKeys(record),
    ...defined(personPairingDerived(record)),
    ...defined(personMentorRankDerived(record)),
  };
}

// Nurses and physicians of several specialties and roles, a blank specialty, an archived nurse.
const OLD_CONTENT: TableContent = {
  people: [
    person('grace', 'Grace Okafor', { profession: 'physician', specialty: 'Emergency', isMentor: true }),
    person('lea', 'Léa Martin', { specialty: 'Émergency', isMentee: true }),
    person('lea2', 'Lea Martin', { specialty: 'Pediatrics', isMentor: true, isMentee: true }),
    person('sam', 'Sam Berg', { specialty: 'Room 2', tags: ['night'], isMentee: true }),
    person('zoe', 'Zoë Adams', { specialty: '', isMentor: true }),
    person('ida', 'Ida Moss', { specialty: 'Room 10', isMentee: true, archived: true }),
    person('omar', 'Omar Haddad', { profession: 'physician', specialty: 'Surgery', isMentee: true }),
  ],
  programs: [{ id: 'residency', name: 'New-graduate nurse residency', createdAt: STAMP }],
};

const upgraded = () => upgradedFrom(20, OLD_CONTENT);

const NEW_INDEXES = [
  '[profession+sortProfession+nameKey+id]',
  '[profession+sortSpecialty+nameKey+id]',
  '[profession+sortRole+nameKey+id]',
  '[profession+sortTags+nameKey+id]',
];

describe('upgrading a version 20 database to version 21', () => {
  it('keeps every field of every record exactly, and indexes every person behind their profession', async () => {
    const name = await upgraded();
    const stored = await everyStoredField(name);
    expect(stored.people).toStrictEqual(inKeyOrder(OLD_CONTENT.people!));
    expect(stored.programs).toStrictEqual(OLD_CONTENT.programs);
    for (const table of tablesOfSchema(20))
      if (!['people', 'programs', 'auditLog'].includes(table)) expect(stored[table], table).toEqual([]);
    // Each new index holds every person, under their own profession.
    await readStored(name, async (raw) => {
      for (const index of NEW_INDEXES) {
        const nurses = await raw
          .table('people')
          .where(index)
          .between(['nurse', Dexie.minKey], ['nurse', []])
          .primaryKeys();
        expect(nurses.sort(), index).toEqual(['ida', 'lea', 'lea2', 'sam', 'zoe']);
        expect(await raw.table('people').where(index).between([Dexie.minKey], [[]]).count(), index).toBe(7);
      }
    });
  });

  it("answers the People list sorted by a column, a profession chosen, from that profession's indexes", async () => {
    const name = await upgraded();
    switchDatabase(name);
    try {
      const ids = async (
        column: 'Profession' | 'Specialty' | 'Role' | 'Tags',
        direction: 'ascending' | 'descending',
      ) =>
        (await listPeopleSortedPage({ column, direction, limit: 10, profession: 'nurse' })).people.map(
          (row) => row.id,
        );
      // The blank specialty last either way; "Émergency" first going up, Room 10 after Room 2.
      expect(await ids('Specialty', 'ascending')).toEqual(['lea', 'lea2', 'sam', 'ida', 'zoe']);
      expect(await ids('Specialty', 'descending')).toEqual(['ida', 'sam', 'lea2', 'lea', 'zoe']);
      expect(await ids('Role', 'descending')).toEqual(['lea2', 'zoe', 'ida', 'lea', 'sam']);
      // One value: the name order, either way ("Léa Martin" and "Lea Martin" by id).
      expect(await ids('Profession', 'descending')).toEqual(['ida', 'lea', 'lea2', 'sam', 'zoe']);
      const view = await readPeopleList(
        { ...NO_FILTER, profession: 'physician' },
        { column: 'Specialty', direction: 'descending' },
        10,
      );
      expect(view.people.map((row) => row.id)).toEqual(['omar', 'grace']);
    } finally {
      closeDatabase();
    }
  });
});
