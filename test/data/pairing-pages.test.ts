// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  archivePerson,
  createPeopleInBulk,
  listRankedMentors,
  type PairingGroup,
  type PeopleCursor,
  searchPeoplePage,
  updatePerson,
} from '../../renderer/data/people.repo';
import { optionMatchesSearch, sharedWith } from '../../renderer/domain/mentor-ranking';
import { personWords, searchTerms, termsMatch } from '../../renderer/domain/people-search';
import type { PersonInput } from '../../renderer/domain/rules';
import { searchKey } from '../../renderer/domain/text';
import type { Id, Person, Relationship, RelationshipStatus } from '../../renderer/domain/types';
import { type PeopleFilter, peopleMatcher } from '../../renderer/features/people/filter-people';
import { readPeopleList, readWholePeopleList } from '../../renderer/features/people/usePeopleList';
import { readMentorCandidates } from '../../renderer/features/relationships/usePairingCandidates';
import { freshDatabasePerTest, personInput } from './helpers';

// The People list's two pairing filters page their group's index, and New pairing reads only the first
// mentors of its ranking (schema version 20). On a clinic drawn at random (names equal but for accents
// and capitals, specialties and interests shared in every way, mentors full, over capacity and archived,
// pairs of every status), every page read, page after page, must be what a computation from scratch over
// every person and pair gives: the same people, in the same order.

const db = freshDatabasePerTest();
const STAMP = '2024-01-01T09:00:00.000Z';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    int: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
  };
}

const FIRST = ['Émile', 'Emile', 'emile', 'Ana', 'Åsa', 'Zoë', 'Zoe', 'Liam', 'Noah', 'Ida'];
const LAST = ['Zola', 'Okafor', 'Berg', 'Brown', 'Ng', 'Moss'];
const SPECIALTIES = ['Emergency', 'emergency', 'Pediatrics', 'Pédiatrics', 'Maternity', ''];
const TAGS = ['Triage', 'triage', 'Teaching', 'Research', 'Wound care', 'Night shift', 'Wellness'];
const STATUSES: RelationshipStatus[] = ['proposed', 'active', 'paused', 'completed', 'ended-early'];

async function randomClinic(seed: number, size: number): Promise<Person[]> {
  const rng = random(seed);
  const inputs: PersonInput[] = [];
  for (let at = 0; at < size; at++) {
    const isMentor = rng.chance(0.5);
    const isMentee = !isMentor || rng.chance(0.3);
    const tags: string[] = [];
    for (let tag = rng.int(0, 3); tag > 0; tag--) tags.push(rng.pick(TAGS));
    inputs.push(
      personInput({
        name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
        email: `person${at}@clinic.example`,
        profession: rng.chance(0.7) ? 'nurse' : 'physician',
        specialty: rng.pick(SPECIALTIES),
        tags,
        isMentor,
        isMentee,
        mentorCapacity: isMentor ? rng.int(1, 3) : 0,
        archived: rng.chance(0.1),
      }),
    );
  }
  const people = await createPeopleInBulk(inputs);
  const mentors = people.filter((person) => person.isMentor);
  const mentees = people.filter((person) => person.isMentee);
  const pairs: Relationship[] = [];
  for (let at = 0; at < size; at++) {
    const mentor = rng.pick(mentors);
    const mentee = rng.pick(mentees);
    if (mentor.id === mentee.id) continue;
    const status = rng.pick(STATUSES);
    pairs.push({
      id: `pair-${at}`,
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
      createdAt: STAMP,
      updatedAt: STAMP,
    } as Relationship);
  }
  await db().transaction('rw', db().relationships, db().people, () => db().relationships.bulkAdd(pairs));
  return people;
}

/** Everyone and every pair as the app reads them, and what the pairs say of each person, from scratch. */
async function fromScratch() {
  const people = await db().people.toArray();
  const pairs = await db().relationships.toArray();
  const loads = new Map<Id, number>();
  const mentored = new Set<Id>();
  for (const pair of pairs) {
    if (pair.status === 'proposed' || pair.status === 'active')
      loads.set(pair.mentorId, (loads.get(pair.mentorId) ?? 0) + 1);
    if (['proposed', 'active', 'paused'].includes(pair.status)) mentored.add(pair.menteeId);
  }
  const loadOf = (person: Person) => loads.get(person.id) ?? 0;
  const inGroup = (group: PairingGroup, person: Person) =>
    group === 'mentors-with-room'
      ? person.isMentor && loadOf(person) < person.mentorCapacity
      : person.isMentee && !mentored.has(person.id);
  return { people, loadOf, inGroup };
}

type Scratch = Awaited<ReturnType<typeof fromScratch>>;

const byNameKey = (a: Person, b: Person) => {
  const [x, y] = [
    [searchKey(a.name), a.id],
    [searchKey(b.name), b.id],
  ];
  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
};

/** The list a filter shows, from scratch: the group's people matching the rest, in the name order. */
function expectedList(scratch: Scratch, filter: PeopleFilter, direction: 'ascending' | 'descending') {
  const group = filter.role as PairingGroup;
  const terms = searchTerms(filter.search);
  const own = peopleMatcher({ ...filter, search: '', role: 'all' }, null);
  const listed = scratch.people
    .filter((person) => scratch.inGroup(group, person) && own(person))
    .filter((person) => termsMatch(terms, personWords(person)))
    .sort(byNameKey);
  return (direction === 'ascending' ? listed : listed.reverse()).map((person) => person.id);
}

/** Every page of the filtered list, read one after the other from the cursors. */
async function pageByPage(filter: PeopleFilter, direction: 'ascending' | 'descending', limit: number) {
  const ids: Id[] = [];
  let after: PeopleCursor | null = null;
  let pages = 0;
  do {
    const page = await searchPeoplePage({
      terms: searchTerms(filter.search),
      direction,
      after,
      limit,
      group: filter.role as PairingGroup,
      keep: peopleMatcher({ ...filter, search: '', role: 'all' }, null),
    });
    expect(page.people.length).toBeLessThanOrEqual(limit);
    ids.push(...page.people.map((person) => person.id));
    after = page.next;
    pages++;
  } while (after && pages < 200);
  return ids;
}

const GROUPS: PairingGroup[] = ['mentors-with-room', 'mentees-without-mentor'];
// Nothing typed; a name many share in any spelling; a rare word; the start of many words (the group is
// walked); every e-mail (the group is walked); a word nobody has.
const SEARCHES = ['', 'emile', 'moss', 'e', 'clinic', 'zzqx'];

async function expectFiltersRight(scratch: Scratch, when: string) {
  for (const role of GROUPS)
    for (const search of SEARCHES)
      for (const [showArchived, profession] of [
        [false, ''],
        [true, ''],
        [false, 'nurse'],
      ] as const) {
        const filter: PeopleFilter = { search, profession, role, showArchived };
        for (const direction of ['ascending', 'descending'] as const) {
          const expected = expectedList(scratch, filter, direction);
          const what = `${when}: ${role}, "${search}", archived ${showArchived}, ${profession || 'any'}, ${direction}`;
          expect(await pageByPage(filter, direction, 7), what).toEqual(expected);
          // The screen's first page and "Show more", as the list reads them.
          for (const limit of [1, 25]) {
            const view = await readPeopleList(filter, { column: 'Name', direction }, limit);
            expect(
              view.people.map((person) => person.id),
              `${what}, first ${limit}`,
            ).toEqual(expected.slice(0, limit));
            expect(view.hasMore, `${what}, more than ${limit}`).toBe(expected.length > limit);
          }
        }
        const whole = await readWholePeopleList(filter, { column: 'Name', direction: 'ascending' });
        expect(
          whole.people.map((person) => person.id),
          `${when}: saved list, ${role}, "${search}"`,
        ).toEqual(expectedList(scratch, filter, 'ascending'));
      }
}

/** New pairing's ranking for a mentee, from scratch: every mentor who is not archived, but the mentee. */
function expectedRanking(scratch: Scratch, mentee: Person) {
  return scratch.people
    .filter((person) => person.isMentor && !person.archived && person.id !== mentee.id)
    .map((mentor) => ({
      mentor,
      load: scratch.loadOf(mentor),
      full: scratch.loadOf(mentor) >= mentor.mentorCapacity,
      shared: sharedWith(mentee, mentor).length,
    }))
    .sort(
      (a, b) =>
        Number(a.full) - Number(b.full) ||
        b.shared - a.shared ||
        a.load - b.load ||
        byNameKey(a.mentor, b.mentor),
    );
}

async function expectRankingRight(scratch: Scratch, mentees: Person[], when: string) {
  for (const mentee of mentees) {
    const expected = expectedRanking(scratch, mentee);
    for (const limit of [1, 4, 25, expected.length + 1]) {
      const ranked = await listRankedMentors(mentee, limit);
      const what = `${when}: mentors for ${mentee.name} (${mentee.id}), first ${limit}`;
      expect(
        ranked.mentors.map((mentor) => mentor.id),
        what,
      ).toEqual(expected.slice(0, limit).map((option) => option.mentor.id));
      expect(Object.fromEntries(ranked.loads), what).toEqual(
        Object.fromEntries(expected.slice(0, limit).map((option) => [option.mentor.id, option.load])),
      );
      expect(ranked.total, what).toBe(expected.length);
    }
  }
}

describe('the pairing filters and New pairing read their pages from their indexes', () => {
  it("page the People list's pairing filters, alone and with a search, as a walk of everyone would", async () => {
    await randomClinic(19, 160);
    const scratch = await fromScratch();
    // The clinic has people in both groups, and people out of them.
    for (const group of GROUPS) {
      const size = scratch.people.filter((person) => scratch.inGroup(group, person)).length;
      expect(size).toBeGreaterThan(20);
      expect(size).toBeLessThan(scratch.people.length - 20);
    }
    await expectFiltersRight(scratch, 'as written');
  });

  it('rank the first mentors for a mentee as the whole ranking would, and follow later changes', async () => {
    const people = await randomClinic(7, 140);
    const rng = random(3);
    // Mentees of every kind, and a mentee who is a mentor too (never offered to themselves); one mentee
    // whose interests are written twice, differently.
    const twice = people.find((person) => person.isMentee && !person.isMentor)!;
    await updatePerson(twice.id, { tags: ['Triage', 'triage', 'Teaching'], specialty: 'emergency' });
    const both = people.find((person) => person.isMentee && person.isMentor && !person.archived)!;
    const chosen = () =>
      db()
        .people.toArray()
        .then((all) => [
          ...[twice.id, both.id].map((id) => all.find((person) => person.id === id)!),
          ...Array.from({ length: 8 }, () => rng.pick(all.filter((person) => person.isMentee))),
        ]);
    let scratch = await fromScratch();
    const full = scratch.people.filter(
      (person) => person.isMentor && !person.archived && scratch.loadOf(person) >= person.mentorCapacity,
    );
    expect(full.length).toBeGreaterThan(5);
    await expectRankingRight(scratch, await chosen(), 'as written');
    // A full mentor given room, a mentor with room archived, another's interests changed.
    await updatePerson(full[0].id, { mentorCapacity: 9 });
    const roomy = scratch.people.find(
      (person) => person.isMentor && !person.archived && scratch.loadOf(person) < person.mentorCapacity,
    )!;
    await archivePerson(roomy.id);
    await updatePerson(full[1].id, { tags: ['Triage', 'Teaching'], specialty: 'Emergency' });
    scratch = await fromScratch();
    await expectRankingRight(scratch, await chosen(), 'after changes');
    await expectFiltersRight(scratch, 'after changes');
  });
  it('find every mentor matching a search in "Find a mentor", ranked, the chosen mentor kept', async () => {
    const people = await randomClinic(11, 150);
    const scratch = await fromScratch();
    const mentee = people.find((person) => person.isMentee && person.isMentor && !person.archived)!;
    const ranking = expectedRanking(scratch, mentee).map((option) => ({
      ...option,
      mentor: scratch.people.find((person) => person.id === option.mentor.id)!,
    }));
    // Words of names, a profession ("nu", "ph"), a specialty, an interest, e-mails (everyone), none.
    for (const search of ['zo', 'ÉMILE', 'nu', 'ph', 'ped', 'tri', 'zola em', 'okafor nurse', 'p', 'qqq']) {
      const terms = searchTerms(search);
      const expected = ranking.filter((option) => optionMatchesSearch({ ...option, shared: [] }, terms));
      // A few matches are all read; many are ranked from the indexes, the first ones read.
      for (const limit of [3, 25]) {
        const candidates = await readMentorCandidates(mentee, limit, search);
        const what = `mentors for "${search}", ${limit} shown`;
        const found = candidates.options.filter((option) => optionMatchesSearch(option, terms));
        const shown = expected.length <= 4 * limit ? expected : expected.slice(0, limit);
        expect(
          found.map((option) => option.mentor.id),
          what,
        ).toEqual(shown.map((option) => option.mentor.id));
        expect(
          found.map((option) => option.load),
          what,
        ).toEqual(shown.map((option) => option.load));
        expect(candidates.options, what).toHaveLength(found.length);
        expect(candidates.matching, what).toBe(expected.length);
        expect(candidates.total, what).toBe(ranking.length);
        expect(candidates.search, what).toBe(search);
      }
    }
    // A mentor chosen, then a search that leaves them out: they are still offered, after the others.
    const chosen = ranking.find((option) => !optionMatchesSearch({ ...option, shared: [] }, ['zo']))!;
    const withChosen = await readMentorCandidates(mentee, 25, 'zo', chosen.mentor.id);
    expect(withChosen.options.at(-1)?.mentor.id).toBe(chosen.mentor.id);
    expect(withChosen.options.at(-1)?.load).toBe(chosen.load);
    const first = await readMentorCandidates(mentee, 3, '', chosen.mentor.id);
    expect(first.options.map((option) => option.mentor.id)).toEqual(
      [...ranking.slice(0, 3), ...(ranking.slice(0, 3).includes(chosen) ? [] : [chosen])].map(
        (option) => option.mentor.id,
      ),
    );
  });
});
