import Dexie from 'dexie';
import { getDb, switchDatabase } from '../renderer/data/db';
import {
  countMeetingsForRelationship,
  listActionItemsForRelationship,
  listLatestMeetingsForPerson,
  listLatestMeetingsForRelationship,
  listMeetingsForRelationship,
} from '../renderer/data/meetings.repo';
import { getPeopleByIds, getPerson, listPeople, listPeoplePage } from '../renderer/data/people.repo';
import { listPrograms } from '../renderer/data/programs.repo';
import {
  getRelationship,
  listRelationships,
  listRelationshipsForPerson,
} from '../renderer/data/relationships.repo';
import { listTopics } from '../renderer/data/topics.repo';
import { mentorOptions } from '../renderer/domain/mentor-ranking';
import { pairLabel } from '../renderer/domain/pair-label';
import { matchesSearch, searchWords } from '../renderer/domain/text';
import type { Id, Person } from '../renderer/domain/types';
import { readPickerPairs } from '../renderer/features/meetings/usePairingPicker';
import { filterPeople, NO_FILTER, type PeopleFilter } from '../renderer/features/people/filter-people';
import { BY_NAME, sortPeople } from '../renderer/features/people/sort-people';
import { readPeopleList } from '../renderer/features/people/usePeopleList';
import { MENTORS_SHOWN } from '../renderer/features/relationships/MentorChoice';
import {
  readMenteeMatches,
  readMentorCandidates,
} from '../renderer/features/relationships/usePairingCandidates';
import { readPairingsList } from '../renderer/features/relationships/useRelationshipsList';
import { fillDatabase } from './fill-database';
import { formerMenteesWithMentor, formerMentorLoads } from './former-pairing-facts';
import { machineLoad } from './suite';

// The reads behind the list screens (People, Relationships, the pair picker of "Log a meeting") on a
// 1,000- and a 10,000-person synthetic clinic: each screen's read as it was before paging (whole tables,
// kept here) alternated with the read the screen makes now, median and spread of 7 rounds after a
// warm-up. Data reads and the filtering, sorting and naming the screen did; rendering is not measured.

export const name = 'screens';

const ROUNDS = 7;
const PEOPLE_PAGE = 100;
const PICKER_PAGE = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) =>
  `${Math.round(Math.min(...values) * 10) / 10}–${Math.round(Math.max(...values) * 10) / 10}`;
const ms = (value: number) => (value < 10 ? Math.round(value * 10) / 10 : Math.round(value));

async function compare(before: () => Promise<unknown>, after: () => Promise<unknown>) {
  await before();
  await after();
  const times = { before: [] as number[], after: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [key, read] of [
      ['before', before],
      ['after', after],
    ] as const) {
      const started = performance.now();
      await read();
      times[key].push(performance.now() - started);
    }
  }
  return times;
}

// The screens' reads as they were before paging.
async function peopleBefore(filter: PeopleFilter): Promise<Person[]> {
  const [people, loads, withMentor] = await Promise.all([
    listPeople(),
    formerMentorLoads(),
    formerMenteesWithMentor(),
  ]);
  return sortPeople(filterPeople(people, filter, { loads, menteesWithMentor: withMentor }), BY_NAME).slice(
    0,
    PEOPLE_PAGE,
  );
}
// The People list's search as it was before the word index (schema version 14): the name index read on,
// each person checked, until a page of matches is found (every person when few match).
async function peopleScanBefore(search: string): Promise<Person[]> {
  const words = searchWords(search);
  const page = await listPeoplePage({
    direction: 'ascending',
    limit: PEOPLE_PAGE,
    keep: (person) =>
      !person.archived && matchesSearch(words, [person.name, person.email, person.specialty, ...person.tags]),
  });
  return page.people;
}
async function pairingsBefore(): Promise<string[]> {
  const [relationships, people] = await Promise.all([listRelationships(), listPeople()]);
  const byId = new Map(people.map((person) => [person.id, person]));
  return relationships
    .filter((pair) => ['proposed', 'active', 'paused'].includes(pair.status))
    .map((pair) => pairLabel(pair, byId))
    .sort((a, b) => a.localeCompare(b))
    .slice(0, PEOPLE_PAGE);
}
async function pickerBefore(query: string): Promise<string[]> {
  const [relationships, people] = await Promise.all([listRelationships(), listPeople()]);
  const byId = new Map<Id, Person>(people.map((person) => [person.id, person]));
  const words = searchWords(query);
  return relationships
    .filter((pair) => pair.status === 'active' || pair.status === 'paused')
    .map((pair) => ({
      label: pairLabel(pair, byId),
      searchable: [
        pairLabel(pair, byId),
        byId.get(pair.menteeId)?.email ?? '',
        byId.get(pair.mentorId)?.email ?? '',
      ],
    }))
    .sort((a, b) => a.label.localeCompare(b.label))
    .filter(({ searchable }) => matchesSearch(words, searchable))
    .slice(0, PICKER_PAGE)
    .map(({ label }) => label);
}

// The person page, the pairing page and the meeting form: every read each makes on opening, now, and
// as it was before issue 11 (everyone for two names, every meeting for the history and the timeline).
async function personPage(personId: Id, before: boolean) {
  const [person, pairs, programs, history] = await Promise.all([
    getPerson(personId),
    listRelationshipsForPerson(personId),
    listPrograms(),
    before ? personHistoryBefore(personId) : listLatestMeetingsForPerson(personId, 20),
  ]);
  const ids = pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]);
  // Before: the relationships card and the history card each read everyone.
  const names = before ? await Promise.all([listPeople(), listPeople()]) : await getPeopleByIds(ids);
  return [person, programs, history, names];
}
async function personHistoryBefore(personId: Id): Promise<number> {
  const pairs = await listRelationshipsForPerson(personId);
  const lists = await Promise.all(pairs.map((pair) => listMeetingsForRelationship(pair.id)));
  return lists.flat().length;
}
async function pairingPage(pairId: Id, before: boolean) {
  const pair = await getRelationship(pairId);
  if (!pair) throw new Error('No such pair.');
  return Promise.all([
    before ? listPeople() : getPeopleByIds([pair.mentorId, pair.menteeId]),
    listPrograms(),
    countMeetingsForRelationship(pairId),
    before ? listMeetingsForRelationship(pairId) : listLatestMeetingsForRelationship(pairId, 20),
    listTopics(),
    listActionItemsForRelationship(pairId),
  ]);
}
async function meetingForm(pairId: Id, before: boolean) {
  const pair = await getRelationship(pairId);
  if (!pair) throw new Error('No such pair.');
  return Promise.all([before ? listPeople() : getPeopleByIds([pair.mentorId, pair.menteeId]), listTopics()]);
}

// New pairing: before, opening it read everyone and every mentor's load; now it reads a page of mentees
// (and whether any exists), and once a mentee is chosen the first mentors shown, ranked from the indexes
// of schema version 20 (the pickers suite times the same read beside its former one).
async function newPairingBefore(): Promise<unknown> {
  const [people, programs, loads] = await Promise.all([listPeople(), listPrograms(), formerMentorLoads()]);
  const mentees = people.filter((person) => person.isMentee && !person.archived);
  return [programs, mentees.length, loads.size];
}
async function newPairingOpen(): Promise<unknown> {
  return Promise.all([readMenteeMatches('', 8), readMenteeMatches('', 1), listPrograms()]);
}
async function mentorsBefore(mentee: Person): Promise<unknown> {
  const [people, loads] = await Promise.all([listPeople(), formerMentorLoads()]);
  return mentorOptions(
    people.filter((person) => person.isMentor && !person.archived),
    loads,
    mentee,
  ).slice(0, 25);
}

const SIZES = [
  { label: '1k', size: { people: 1_000, relationships: 2_000, meetings: 20_000 } },
  { label: '10k', size: 'large' as const },
];

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {
    'machine load at start (1 / 5 / 15 min)': await machineLoad(),
  };
  for (const { label, size } of SIZES) {
    const dbName = `bench-screens-${label}-${Date.now()}`;
    try {
      switchDatabase(dbName);
      await fillDatabase(size);
      const db = getDb();
      // A surname that many share, and a search that matches nobody (the whole list is scanned).
      const someone = await db.people.orderBy('id').first();
      const common = someone ? someone.name.split(' ').slice(-1)[0] : 'a';
      // One person's whole name: a search that matches few people (no longer a scan of everyone).
      const fullName = someone?.name ?? 'a';
      const mentee = (await db.people.filter((person) => person.isMentee).first()) as Person;
      // The busiest pair and the busiest mentor: the longest timeline and history a screen shows.
      const counts = new Map<Id, number>();
      await db.meetings.orderBy('relationshipId').eachKey((key) => {
        counts.set(key as Id, (counts.get(key as Id) ?? 0) + 1);
      });
      const [busiestPairId] = [...counts].sort((a, b) => b[1] - a[1])[0];
      const mentorId = (await db.relationships.get(busiestPairId))?.mentorId ?? '';
      const rows: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
        ['person page (busiest mentor)', () => personPage(mentorId, true), () => personPage(mentorId, false)],
        [
          'pairing page (busiest pair)',
          () => pairingPage(busiestPairId, true),
          () => pairingPage(busiestPairId, false),
        ],
        ['New pairing, opening it', newPairingBefore, newPairingOpen],
        [
          `New pairing, typing "${common}" for the mentee`,
          newPairingBefore,
          () => readMenteeMatches(common, 8),
        ],
        [
          'New pairing, the mentors once a mentee is chosen',
          () => mentorsBefore(mentee),
          () => readMentorCandidates(mentee, MENTORS_SHOWN, ''),
        ],
        [
          'meeting form (new meeting)',
          () => meetingForm(busiestPairId, true),
          () => meetingForm(busiestPairId, false),
        ],
        [
          'People list, first page',
          () => peopleBefore(NO_FILTER),
          () => readPeopleList(NO_FILTER, BY_NAME, PEOPLE_PAGE),
        ],
        [
          `People list, search "${common}"`,
          () => peopleBefore({ ...NO_FILTER, search: common }),
          () => readPeopleList({ ...NO_FILTER, search: common }, BY_NAME, PEOPLE_PAGE),
        ],
        [
          `People list, search "${fullName}" (few match)`,
          () => peopleBefore({ ...NO_FILTER, search: fullName }),
          () => readPeopleList({ ...NO_FILTER, search: fullName }, BY_NAME, PEOPLE_PAGE),
        ],
        [
          `People list, search "${fullName}", against the name-order scan of version 13`,
          () => peopleScanBefore(fullName),
          () => readPeopleList({ ...NO_FILTER, search: fullName }, BY_NAME, PEOPLE_PAGE),
        ],
        [
          'People list, search matching nobody, against the name-order scan of version 13',
          () => peopleScanBefore('zzqx'),
          () => readPeopleList({ ...NO_FILTER, search: 'zzqx' }, BY_NAME, PEOPLE_PAGE),
        ],
        [
          'People list, search matching nobody',
          () => peopleBefore({ ...NO_FILTER, search: 'zzqx' }),
          () => readPeopleList({ ...NO_FILTER, search: 'zzqx' }, BY_NAME, PEOPLE_PAGE),
        ],
        [
          'People list, mentors with room',
          () => peopleBefore({ ...NO_FILTER, role: 'mentors-with-room' }),
          () => readPeopleList({ ...NO_FILTER, role: 'mentors-with-room' }, BY_NAME, PEOPLE_PAGE),
        ],
        [
          'Relationships list, current pairs',
          pairingsBefore,
          () => readPairingsList({ status: 'current', programId: '' }, PEOPLE_PAGE),
        ],
        ['pair picker, nothing typed', () => pickerBefore(''), () => readPickerPairs('', PICKER_PAGE)],
        [
          `pair picker, "${common}" typed`,
          () => pickerBefore(common),
          () => readPickerPairs(common, PICKER_PAGE),
        ],
        [
          `pair picker, "${fullName}" typed (few match)`,
          () => pickerBefore(fullName),
          () => readPickerPairs(fullName, PICKER_PAGE),
        ],
        [
          'pair picker, a name matching nobody',
          () => pickerBefore('zzqx'),
          () => readPickerPairs('zzqx', PICKER_PAGE),
        ],
      ];
      figures[`${label}: people / pairs / meetings`] =
        `${await db.people.count()} / ${await db.relationships.count()} / ${await db.meetings.count()}`;
      for (const [row, before, after] of rows) {
        const times = await compare(before, after);
        figures[`${label} ${row}: before, median ms (spread)`] =
          `${ms(median(times.before))} (${spread(times.before)})`;
        figures[`${label} ${row}: after, median ms (spread)`] =
          `${ms(median(times.after))} (${spread(times.after)})`;
      }
      figures[`${label}: machine load after (1 / 5 / 15 min)`] = await machineLoad();
    } finally {
      getDb().close();
      await Dexie.delete(dbName);
      switchDatabase(`bench-screens-idle-${Date.now()}`);
    }
  }
  return figures;
}
