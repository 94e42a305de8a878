// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { PERSON_SORT_FIELDS, personDerived, relationshipDerived } from '../../renderer/data/derived-fields';
import { listOpenMentorsWithLoads, peopleIdsIn } from '../../renderer/data/people.repo';
import type { RelationshipStatus } from '../../renderer/domain/types';
import { NO_FILTER } from '../../renderer/features/people/filter-people';
import { BY_NAME } from '../../renderer/features/people/sort-people';
import { readPeopleList } from '../../renderer/features/people/usePeopleList';
import {
  closeUpgradeDatabasesAfterEach,
  everyStoredField,
  inKeyOrder,
  pairAsStored,
  personRecordAsTyped,
  type TableContent,
  upgradedFrom,
} from './schema-upgrade-helpers';

// A clinic on version 17 opens version 18: every record of every table keeps every field it had, and
// every person gains their pairing summaries (their proposed and active pairs as mentor, whether a
// proposed, active or paused pair gives them a mentor) and, indexed, their load while they mentor and are
// not archived, whether they mentor with room left and whether they are a mentee without a mentor. New
// pairing's mentors and the People list's two pairing filters are then ranges of those indexes.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-01-01T09:00:00.000Z';

/** A person as version 17 stored them: with the name key, words and word-name entries. */
function person(id: string, name: string, fields: object = {}) {
  const record = personRecordAsTyped(id, name, fields);
  return { ...record, ...personDerived(record) };
}

/** A pair as version 17 stored it: with its meeting-clock start. */
function pair(id: string, mentorId: string, menteeId: string, status: RelationshipStatus) {
  const stored = pairAsStored(id, { mentorId, menteeId, status });
  return { ...stored, ...relationshipDerived(stored as never) };
}

// Grace mentors four pairs (active, proposed, paused, completed): two count against her capacity of 2.
// Omar is archived with one active pair and room for two more. Zara mentors nobody yet. Sam is mentor and
// mentee: he mentors Eve (proposed) and is mentored by Grace (paused). Noah's only pair has ended; Eve
// and Ida are mentees, Ida with no pair at all.
const OLD_CONTENT: TableContent = {
  people: [
    person('grace', 'Grace Okafor', { isMentor: true, mentorCapacity: 2 }),
    person('omar', 'Omar Haddad', { isMentor: true, mentorCapacity: 3, archived: true }),
    person('zara', 'Zara Ahmed', { isMentor: true, mentorCapacity: 1 }),
    person('sam', 'Sam Berg', { isMentor: true, isMentee: true, mentorCapacity: 2 }),
    person('liam', 'Liam Chen', { isMentee: true }),
    person('ines', 'Ines Duarte', { isMentee: true }),
    person('noah', 'Noah Berg', { isMentee: true }),
    person('eve', 'Eve Laine', { isMentee: true }),
    person('ida', 'Ida Moss', { isMentee: true }),
  ],
  programs: [{ id: 'residency', name: 'New-graduate nurse residency', createdAt: STAMP }],
  relationships: [
    pair('grace-liam', 'grace', 'liam', 'active'),
    pair('grace-ines', 'grace', 'ines', 'proposed'),
    pair('grace-sam', 'grace', 'sam', 'paused'),
    pair('grace-noah', 'grace', 'noah', 'completed'),
    pair('omar-noah', 'omar', 'noah', 'ended-early'),
    pair('omar-liam', 'omar', 'liam', 'active'),
    pair('sam-eve', 'sam', 'eve', 'proposed'),
  ],
};

/** What the upgrade adds beside each person. */
const ADDED: Record<string, object> = {
  grace: { mentorLoad: 2, openMentorLoad: 2 },
  omar: { mentorLoad: 1, withRoom: 1 },
  zara: { openMentorLoad: 0, withRoom: 1 },
  sam: { mentorLoad: 1, openMentorLoad: 1, withRoom: 1, hasMentor: true },
  liam: { hasMentor: true },
  ines: { hasMentor: true },
  noah: { withoutMentor: 1 },
  eve: { hasMentor: true },
  ida: { withoutMentor: 1 },
};
const NEW_FIELDS = ['mentorLoad', 'hasMentor', 'openMentorLoad', 'withRoom', 'withoutMentor'];
// Added by later versions' upgrades (checked in schema-upgrade-v19.test.ts and schema-upgrade-v20.test.ts).
const LATER_FIELDS: readonly string[] = [...PERSON_SORT_FIELDS, 'mentorFull', 'mentorMatches'];

const upgraded = () => upgradedFrom(17, OLD_CONTENT);

const only = (row: object, keep: (field: string) => boolean) =>
  Object.fromEntries(Object.entries(row).filter(([field]) => keep(field)));

describe('upgrading a version 17 database to version 18', () => {
  it('keeps every field of every record and gives every person their pairing summaries', async () => {
    const name = await upgraded();
    const stored = await everyStoredField(name);
    // Every field of version 17 exactly as it was, in every table.
    const people = stored.people as Record<string, unknown>[];
    expect(
      people.map((row) => only(row, (field) => !NEW_FIELDS.includes(field) && !LATER_FIELDS.includes(field))),
    ).toStrictEqual(inKeyOrder(OLD_CONTENT.people!));
    expect(stored.relationships).toStrictEqual(inKeyOrder(OLD_CONTENT.relationships!));
    expect(stored.programs).toStrictEqual(OLD_CONTENT.programs);
    for (const table of tablesOfSchema(17))
      if (!['people', 'relationships', 'programs', 'auditLog'].includes(table))
        expect(stored[table], table).toEqual([]);
    // What the upgrade adds, person by person.
    expect(
      Object.fromEntries(people.map((row) => [row.id, only(row, (field) => NEW_FIELDS.includes(field))])),
    ).toStrictEqual(ADDED);
  });

  it("answers New pairing's mentors and the People list's pairing filters from the new indexes", async () => {
    const name = await upgraded();
    switchDatabase(name);
    try {
      // The mentors who are not archived, with their loads: Omar (archived) is left out.
      const candidates = await listOpenMentorsWithLoads();
      expect(candidates.mentors.map((row) => row.id).sort()).toEqual(['grace', 'sam', 'zara']);
      expect(Object.fromEntries(candidates.loads)).toEqual({ grace: 2, sam: 1, zara: 0 });
      // No summary reaches the app.
      for (const mentor of candidates.mentors)
        for (const field of NEW_FIELDS) expect(mentor).not.toHaveProperty(field);
      expect([...(await peopleIdsIn('mentors-with-room'))].sort()).toEqual(['omar', 'sam', 'zara']);
      expect([...(await peopleIdsIn('mentees-without-mentor'))].sort()).toEqual(['ida', 'noah']);
      // The People list shows the mentors' loads from their records.
      const list = await readPeopleList({ ...NO_FILTER, showArchived: true }, BY_NAME, 20);
      expect(Object.fromEntries(list.loads)).toEqual({ grace: 2, omar: 1, sam: 1, zara: 0 });
      const withRoom = await readPeopleList({ ...NO_FILTER, role: 'mentors-with-room' }, BY_NAME, 20);
      expect(withRoom.people.map((row) => row.id)).toEqual(['sam', 'zara']);
    } finally {
      closeDatabase();
    }
  });
});
