// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { makeBackup, restoreBackupFile } from '../../renderer/data/backup';
import { getDb, switchDatabase } from '../../renderer/data/db';
import {
  archivePerson,
  createPerson,
  deletePerson,
  listOpenMentorsWithLoads,
  mentorLoadsOf,
  peopleIdsIn,
  updatePerson,
} from '../../renderer/data/people.repo';
import { createProgram } from '../../renderer/data/programs.repo';
import {
  changeRelationshipStatus,
  createRelationship,
  deleteRelationship,
  updateRelationship,
} from '../../renderer/data/relationships.repo';
import { searchKey } from '../../renderer/domain/text';
import type { Id, Person, Relationship } from '../../renderer/domain/types';
import { NO_FILTER } from '../../renderer/features/people/filter-people';
import { BY_NAME } from '../../renderer/features/people/sort-people';
import { readPeopleList } from '../../renderer/features/people/usePeopleList';
import { gunzipText } from './backup-documents';
import {
  fixTodayPerTest,
  freshDatabasePerTest,
  menteeInput,
  personInput,
  programInput,
  readStored,
} from './helpers';

// The pairing summaries kept beside each person (schema version 18): a mentor's proposed and active
// pairs, whether a mentee has a proposed, active or paused pair, and the indexed fields New pairing and
// the People list read. After each of the app's own writes (pairs added, paused, resumed, ended, deleted,
// given another mentor or mentee; a capacity changed, a role dropped, a person archived or removed; a
// backup restored), the stored fields must equal what the pairs say, worked out here from scratch.

freshDatabasePerTest();
fixTodayPerTest();

type Row = Record<string, unknown>;
const PASSPHRASE = 'copper lantern orchard';
const FIELDS = ['mentorLoad', 'hasMentor', 'openMentorLoad', 'withRoom', 'withoutMentor'] as const;

/** The people and pairs exactly as stored (no app hooks on this connection). */
async function stored(): Promise<{ people: Row[]; pairs: Row[] }> {
  return readStored(getDb().name, async (raw) => ({
    people: await raw.table('people').toArray(),
    pairs: await raw.table('relationships').toArray(),
  }));
}

/** Each person's pairing fields as stored, and as the pairs say they should be, by id. */
async function pairingFields(): Promise<{ stored: Record<string, Row>; expected: Record<string, Row> }> {
  const { people, pairs } = await stored();
  const got: Record<string, Row> = {};
  const expected: Record<string, Row> = {};
  for (const person of people) {
    const id = person.id as string;
    got[id] = Object.fromEntries(
      FIELDS.flatMap((field) => (field in person ? [[field, person[field]]] : [])),
    );
    const load = pairs.filter(
      (pair) => pair.mentorId === id && (pair.status === 'proposed' || pair.status === 'active'),
    ).length;
    const mentored = pairs.some(
      (pair) => pair.menteeId === id && ['proposed', 'active', 'paused'].includes(pair.status as string),
    );
    const row: Row = {};
    if (load > 0) row.mentorLoad = load;
    if (mentored) row.hasMentor = true;
    if (person.isMentor && !person.archived) row.openMentorLoad = load;
    if (person.isMentor && load < (person.mentorCapacity as number)) row.withRoom = 1;
    if (person.isMentee && !mentored) row.withoutMentor = 1;
    expected[id] = row;
    // Version 19: an open mentor's rank, and each specialty or tag they offer with it.
    const ranked = { mentorFull: person.mentorFull, mentorMatches: person.mentorMatches };
    const rank: Row = {};
    if (person.isMentor && !person.archived) {
      const full = load >= (person.mentorCapacity as number) ? 1 : 0;
      const nameKey = searchKey(person.name as string);
      const offers = new Set([
        `s:${searchKey(person.specialty as string)}`,
        ...(person.tags as string[]).map((tag) => `t:${searchKey(tag)}`),
      ]);
      rank.mentorFull = full;
      rank.mentorMatches = [...offers].map((offer) => [full, offer, load, nameKey, id]);
    }
    expect(
      Object.fromEntries(Object.entries(ranked).filter(([, value]) => value !== undefined)),
      `the rank of ${person.name}`,
    ).toEqual(rank);
  }
  return { stored: got, expected };
}

async function expectRight(when: string): Promise<Record<string, Row>> {
  const { stored: got, expected } = await pairingFields();
  expect(got, when).toEqual(expected);
  // What the screens read from them agrees too.
  const ids = Object.keys(expected);
  const loads = await mentorLoadsOf(ids);
  for (const id of ids) expect(loads.get(id), `${when}: load of ${id}`).toBe(expected[id].mentorLoad ?? 0);
  const has = (field: string) => ids.filter((id) => field in expected[id]).sort();
  expect([...(await peopleIdsIn('mentors-with-room'))].sort(), when).toEqual(has('withRoom'));
  expect([...(await peopleIdsIn('mentees-without-mentor'))].sort(), when).toEqual(has('withoutMentor'));
  const candidates = await listOpenMentorsWithLoads();
  expect(candidates.mentors.map((mentor) => mentor.id).sort(), when).toEqual(has('openMentorLoad'));
  expect(Object.fromEntries(candidates.loads), when).toEqual(
    Object.fromEntries(has('openMentorLoad').map((id) => [id, expected[id].openMentorLoad])),
  );
  return expected;
}

interface Clinic {
  programId: Id;
  mentors: Person[];
  mentees: Person[];
}

async function clinic(): Promise<Clinic> {
  const program = await createProgram(programInput());
  const mentors: Person[] = [];
  for (const [at, name] of ['Grace Okafor', 'Omar Haddad', 'Zara Ahmed'].entries())
    mentors.push(
      await createPerson(
        personInput({ name, email: `mentor${at}@clinic.example`, mentorCapacity: at === 2 ? 1 : 2 }),
      ),
    );
  const mentees: Person[] = [];
  for (const [at, name] of ['Liam Chen', 'Ines Duarte', 'Noah Berg', 'Eve Laine', 'Ida Moss'].entries())
    mentees.push(await createPerson(menteeInput({ name, email: `mentee${at}@clinic.example` })));
  return { programId: program.id, mentors, mentees };
}

function pairUp(
  { programId }: Clinic,
  mentor: Person,
  mentee: Person,
  fields: { status?: 'proposed' | 'active'; startDate?: string } = {},
  overCapacity = false,
): Promise<Relationship> {
  return createRelationship(
    {
      programId,
      mentorId: mentor.id,
      menteeId: mentee.id,
      focus: 'clinical',
      startDate: fields.startDate ?? '2024-03-01',
      plannedEndDate: null,
      ...(fields.status ? { status: fields.status } : {}),
    },
    overCapacity ? { capacityOverrideReason: 'Only mentor for this ward' } : {},
  );
}

describe("the pairing summaries beside each person, through the app's own writes", () => {
  it('follow pairs added, paused, resumed, ended and deleted', async () => {
    const world = await clinic();
    const [grace, omar, zara] = world.mentors;
    const [liam, ines, noah, eve, ida] = world.mentees;
    await expectRight('nobody paired');
    const liamPair = await pairUp(world, grace, liam);
    const inesPair = await pairUp(world, grace, ines, { status: 'proposed', startDate: '2024-06-01' });
    let expected = await expectRight('Grace pairs with Liam (active) and Ines (proposed)');
    expect(expected[grace.id]).toEqual({ mentorLoad: 2, openMentorLoad: 2 });
    expect(expected[liam.id]).toEqual({ hasMentor: true });
    // Over capacity, with a reason: the load goes beyond the capacity, and there is no room.
    const noahPair = await pairUp(world, grace, noah, {}, true);
    await pairUp(world, zara, eve);
    expected = await expectRight('Grace over capacity, Zara full');
    expect(expected[grace.id]).toEqual({ mentorLoad: 3, openMentorLoad: 3 });
    expect(expected[zara.id]).toEqual({ mentorLoad: 1, openMentorLoad: 1 });
    await changeRelationshipStatus(liamPair.id, 'paused', '2024-04-01', 'Parental leave');
    expected = await expectRight('Liam paused: he keeps a mentor, Grace has a place back');
    expect(expected[liam.id]).toEqual({ hasMentor: true });
    await changeRelationshipStatus(liamPair.id, 'active', '2024-05-01');
    await expectRight('Liam resumed');
    await changeRelationshipStatus(noahPair.id, 'completed', '2024-06-01');
    await changeRelationshipStatus(inesPair.id, 'ended-early', '2024-06-10', 'Moved to another ward');
    expected = await expectRight('Noah completed, Ines ended early');
    expect(expected[noah.id]).toEqual({ withoutMentor: 1 });
    expect(expected[grace.id]).toEqual({ mentorLoad: 1, openMentorLoad: 1, withRoom: 1 });
    const idaPair = await pairUp(world, omar, ida);
    await expectRight('Omar pairs with Ida');
    await deleteRelationship(idaPair.id, 'entered-by-mistake');
    expected = await expectRight('that pair deleted as a mistake');
    expect(expected[omar.id]).toEqual({ openMentorLoad: 0, withRoom: 1 });
    expect(expected[ida.id]).toEqual({ withoutMentor: 1 });
  });

  it('follow a pair given another mentor or mentee before its first meeting', async () => {
    const world = await clinic();
    const [grace, omar] = world.mentors;
    const [liam, ines] = world.mentees;
    const pair = await pairUp(world, grace, liam);
    await updateRelationship(pair.id, { mentorId: omar.id });
    let expected = await expectRight('Omar takes over from Grace');
    expect(expected[grace.id]).toEqual({ openMentorLoad: 0, withRoom: 1 });
    expect(expected[omar.id]).toEqual({ mentorLoad: 1, openMentorLoad: 1, withRoom: 1 });
    await updateRelationship(pair.id, { menteeId: ines.id });
    expected = await expectRight('the pair is Ines’s, not Liam’s');
    expect(expected[liam.id]).toEqual({ withoutMentor: 1 });
    expect(expected[ines.id]).toEqual({ hasMentor: true });
    await updateRelationship(pair.id, { focus: 'career' });
    await expectRight('only the focus changed');
  });

  it("follow a person's capacity, roles, archiving and removal", async () => {
    const world = await clinic();
    const [grace, omar, zara] = world.mentors;
    const [liam, ines] = world.mentees;
    await pairUp(world, grace, liam);
    await pairUp(world, grace, ines);
    let expected = await expectRight('Grace full');
    expect(expected[grace.id]).not.toHaveProperty('withRoom');
    await updatePerson(grace.id, { mentorCapacity: 3 });
    expected = await expectRight('Grace given a third place');
    expect(expected[grace.id]).toEqual({ mentorLoad: 2, openMentorLoad: 2, withRoom: 1 });
    await updatePerson(grace.id, { name: 'Grace Okafor-Mensah' });
    await expectRight('Grace renamed: her load is kept');
    await archivePerson(grace.id);
    expected = await expectRight('Grace archived: not offered as a mentor, her load still kept');
    expect(expected[grace.id]).toEqual({ mentorLoad: 2, withRoom: 1 });
    await archivePerson(grace.id, false);
    await expectRight('Grace back');
    await updatePerson(zara.id, { isMentor: false, isMentee: true });
    expected = await expectRight('Zara a mentee now');
    expect(expected[zara.id]).toEqual({ withoutMentor: 1 });
    await updatePerson(liam.id, { isMentor: true, isMentee: false, mentorCapacity: 1 });
    expected = await expectRight('Liam a mentor, no longer a mentee');
    expect(expected[liam.id]).toEqual({ hasMentor: true, openMentorLoad: 0, withRoom: 1 });
    await deletePerson(omar.id);
    await expectRight('Omar, never paired, removed');
    await expect(deletePerson(grace.id)).rejects.toMatchObject({ code: 'has-relationships' });
    await expectRight('Grace, paired, kept');
  });

  it('are recomputed by a restore, the backup holding none of them', async () => {
    const world = await clinic();
    const [grace, omar, zara] = world.mentors;
    const [liam, ines, noah, eve] = world.mentees;
    const paused = await pairUp(world, grace, liam);
    await changeRelationshipStatus(paused.id, 'paused', '2024-04-01', 'Leave');
    await pairUp(world, grace, ines);
    await pairUp(world, omar, noah, { status: 'proposed', startDate: '2024-07-01' });
    const ended = await pairUp(world, zara, eve);
    await changeRelationshipStatus(ended.id, 'completed', '2024-06-01');
    await archivePerson(omar.id);
    const before = await expectRight('before the backup');
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: 2 });
    const decrypter = new Decrypter();
    decrypter.addPassphrase(PASSPHRASE);
    const document = await gunzipText(await decrypter.decrypt(backup.bytes));
    expect(document).toContain(grace.id);
    for (const field of FIELDS) expect(document).not.toContain(`"${field}"`);
    const source = getDb();
    switchDatabase(`pairing-restore-${crypto.randomUUID()}`);
    try {
      await restoreBackupFile(backup.bytes, PASSPHRASE);
      expect(await expectRight('after the restore')).toEqual(before);
      const list = await readPeopleList({ ...NO_FILTER, showArchived: true }, BY_NAME, 20);
      expect(Object.fromEntries(list.loads)).toEqual({
        [grace.id]: 1,
        [omar.id]: 1,
        [zara.id]: 0,
      });
    } finally {
      const restored = getDb();
      switchDatabase(source.name);
      await restored.delete();
    }
  });
});
