// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { personDerived, personSortKeys, relationshipDerived } from '../../renderer/data/derived-fields';
import { countGroup, listPeoplePage, listRankedMentors, peopleIdsIn } from '../../renderer/data/people.repo';
import { personPairingDerived } from '../../renderer/data/summary-fields';
import type { Person, RelationshipStatus } from '../../renderer/domain/types';
import {
  closeUpgradeDatabasesAfterEach,
  everyStoredField,
  inKeyOrder,
  pairAsStored,
  personRecordAsTyped,
  type TableContent,
  upgradedFrom,
} from './schema-upgrade-helpers';

// A clinic on version 19 opens version 20: every record of every table keeps every field it had, and
// every mentor who is not archived gains whether they are full and, for each specialty or tag they offer,
// an entry with their rank (load, name key, id). The People list's pairing filters are then read a page
// at a time from their groups' indexes in the name order, and New pairing's first mentors from the rank
// and offer indexes.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-01-01T09:00:00.000Z';

/** A person as version 19 stored them: with their words, pairing summaries and sort keys. */
function person(
  id: string,
  name: string,
  fields: object,
  summaries: { mentorLoad?: number; hasMentor?: true },
) {
  const record = personRecordAsTyped(id, name, fields);
  const derived = personPairingDerived({ ...record, ...summaries } as Person & typeof summaries);
  const indexed = Object.fromEntries(Object.entries(derived).filter(([, value]) => value !== undefined));
  return {
    ...record,
    ...personDerived(record),
    ...personSortKeys(record as never),
    ...summaries,
    ...indexed,
  };
}

function pair(id: string, mentorId: string, menteeId: string, status: RelationshipStatus) {
  const stored = pairAsStored(id, { mentorId, menteeId, status });
  return { ...stored, ...relationshipDerived(stored as never) };
}

// Grace (Emergency, Triage) is full with two pairs of two. Émile (Emergency) has one of three, Zara (no
// specialty, Triage) none of one; Omar is archived with room. Sam mentors Eve (proposed) and is mentored
// by Grace (paused). Liam and Ines are Grace's mentees; Noah's pair has ended and Ida has none.
const OLD_CONTENT: TableContent = {
  people: [
    person(
      'grace',
      'Grace Okafor',
      { isMentor: true, specialty: 'Emergency', tags: ['Triage'] },
      { mentorLoad: 2 },
    ),
    person(
      'emile',
      'Émile Zola',
      { isMentor: true, mentorCapacity: 3, specialty: 'Emergency' },
      { mentorLoad: 1 },
    ),
    person('zara', 'Zara Ahmed', { isMentor: true, mentorCapacity: 1, tags: ['triage'] }, {}),
    person('omar', 'Omar Haddad', { isMentor: true, mentorCapacity: 3, archived: true }, {}),
    person('sam', 'Sam Berg', { isMentor: true, isMentee: true }, { mentorLoad: 1, hasMentor: true }),
    person(
      'liam',
      'Liam Chen',
      { isMentee: true, specialty: 'emergency', tags: ['Triage'] },
      { hasMentor: true },
    ),
    person('ines', 'Ines Duarte', { isMentee: true }, { hasMentor: true }),
    person('noah', 'Noah Berg', { isMentee: true }, {}),
    person('eve', 'Eve Laine', { isMentee: true }, { hasMentor: true }),
    person('ida', 'Ida Moss', { isMentee: true }, {}),
  ],
  programs: [{ id: 'residency', name: 'New-graduate nurse residency', createdAt: STAMP }],
  relationships: [
    pair('grace-liam', 'grace', 'liam', 'active'),
    pair('grace-ines', 'grace', 'ines', 'proposed'),
    pair('grace-sam', 'grace', 'sam', 'paused'),
    pair('grace-noah', 'grace', 'noah', 'completed'),
    pair('emile-liam', 'emile', 'liam', 'active'),
    pair('sam-eve', 'sam', 'eve', 'proposed'),
  ],
};

/** What the upgrade adds beside each mentor who is not archived. */
const ADDED: Record<string, object> = {
  grace: {
    mentorFull: 1,
    mentorMatches: [
      [1, 's:emergency', 2, 'grace okafor', 'grace'],
      [1, 't:triage', 2, 'grace okafor', 'grace'],
    ],
  },
  emile: { mentorFull: 0, mentorMatches: [[0, 's:emergency', 1, 'emile zola', 'emile']] },
  zara: {
    mentorFull: 0,
    mentorMatches: [
      [0, 's:', 0, 'zara ahmed', 'zara'],
      [0, 't:triage', 0, 'zara ahmed', 'zara'],
    ],
  },
  sam: { mentorFull: 0, mentorMatches: [[0, 's:', 1, 'sam berg', 'sam']] },
};
const NEW_FIELDS = ['mentorFull', 'mentorMatches'];

const upgraded = () => upgradedFrom(19, OLD_CONTENT);

const only = (row: object, keep: (field: string) => boolean) =>
  Object.fromEntries(Object.entries(row).filter(([field]) => keep(field)));

describe('upgrading a version 19 database to version 20', () => {
  it('keeps every field of every record and gives every open mentor their rank', async () => {
    const name = await upgraded();
    const stored = await everyStoredField(name);
    const people = stored.people as Record<string, unknown>[];
    // Every field of version 19 exactly as it was, in every table.
    expect(people.map((row) => only(row, (field) => !NEW_FIELDS.includes(field)))).toStrictEqual(
      inKeyOrder(OLD_CONTENT.people!),
    );
    expect(stored.relationships).toStrictEqual(inKeyOrder(OLD_CONTENT.relationships!));
    expect(stored.programs).toStrictEqual(OLD_CONTENT.programs);
    for (const table of tablesOfSchema(19))
      if (!['people', 'relationships', 'programs', 'auditLog'].includes(table))
        expect(stored[table], table).toEqual([]);
    // What the upgrade adds, mentor by mentor; nobody else gains a field.
    const added = people
      .map((row) => [row.id as string, only(row, (field) => NEW_FIELDS.includes(field))] as const)
      .filter(([, fields]) => Object.keys(fields).length > 0);
    expect(Object.fromEntries(added)).toStrictEqual(ADDED);
  });

  it("pages the People list's pairing filters and ranks New pairing's mentors from the new indexes", async () => {
    const name = await upgraded();
    switchDatabase(name);
    try {
      // Mentors with room, archived or not, in the name order, a page of two at a time, both ways.
      const first = await listPeoplePage({ direction: 'ascending', limit: 2, group: 'mentors-with-room' });
      expect(first.people.map((row) => row.id)).toEqual(['emile', 'omar']);
      const second = await listPeoplePage({
        direction: 'ascending',
        limit: 2,
        after: first.next,
        group: 'mentors-with-room',
      });
      expect(second.people.map((row) => row.id)).toEqual(['sam', 'zara']);
      expect(second.next).toBeNull();
      const back = await listPeoplePage({ direction: 'descending', limit: 9, group: 'mentors-with-room' });
      expect(back.people.map((row) => row.id)).toEqual(['zara', 'sam', 'omar', 'emile']);
      const mentees = await listPeoplePage({
        direction: 'ascending',
        limit: 9,
        group: 'mentees-without-mentor',
      });
      expect(mentees.people.map((row) => row.id)).toEqual(['ida', 'noah']);
      expect(await countGroup('mentors-with-room')).toBe(4);
      expect([...(await peopleIdsIn('mentees-without-mentor'))].sort()).toEqual(['ida', 'noah']);
      // Liam (emergency, Triage): room first; Émile and Zara share one each, Émile busier; Sam shares
      // nothing; Grace shares two but is full.
      const liam = (await listPeoplePage({ direction: 'ascending', limit: 20 })).people.find(
        (row) => row.id === 'liam',
      )!;
      const ranked = await listRankedMentors(liam, 10);
      expect(ranked.mentors.map((row) => row.id)).toEqual(['zara', 'emile', 'sam', 'grace']);
      expect(Object.fromEntries(ranked.loads)).toEqual({ zara: 0, emile: 1, sam: 1, grace: 2 });
      expect(ranked.total).toBe(4);
      // The first two only; no summary reaches the app.
      const two = await listRankedMentors(liam, 2);
      expect(two.mentors.map((row) => row.id)).toEqual(['zara', 'emile']);
      for (const mentor of two.mentors)
        for (const field of NEW_FIELDS) expect(mentor).not.toHaveProperty(field);
    } finally {
      closeDatabase();
    }
  });
});
