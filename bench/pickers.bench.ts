import Dexie from 'dexie';
import { getDb, switchDatabase } from '../renderer/data/db';
import { countPeople } from '../renderer/data/people.repo';
import { searchTerms } from '../renderer/domain/people-search';
import type { Person } from '../renderer/domain/types';
import { readPickerPairs } from '../renderer/features/meetings/usePairingPicker';
import { NO_FILTER } from '../renderer/features/people/filter-people';
import { BY_NAME, type PeopleSort } from '../renderer/features/people/sort-people';
import { readPeopleList } from '../renderer/features/people/usePeopleList';
import {
  readMenteeMatches,
  readMentorCandidates,
} from '../renderer/features/relationships/usePairingCandidates';
import { fillDatabase } from './fill-database';
import { version23PickerPairs } from './former-pair-search';
import { formerMentorLoadsFor } from './former-pairing-facts';
import { formerPeopleFiltered, formerRankedMentors } from './former-pairing-pages';
import { formerPickerPairs, formerSearchPeoplePage } from './former-people-search';
import { formerSortedPeopleList } from './former-people-sort';
import { machineLoad } from './suite';

// The People search, New pairing's mentee search and the pair picker of "Log a meeting" on the large
// synthetic clinic (10,000 people, 20,000 pairs): each as it was with the word index of schema version 14
// alone (bench/former-people-search.ts) alternated with the read it makes now; the People list's pairing
// filters, its shown mentors' loads and New pairing's mentors as they were read from the pairs before
// schema version 18 (bench/former-pairing-facts.ts) alternated with the reads of the people's summaries;
// the People list sorted by profession, specialty, role or tags as it was read before schema version 19
// (everyone read and sorted, bench/former-people-sort.ts) alternated with the page read from the
// column's index; 9 rounds after a warm-up, median and spread. Data reads only; rendering is not
// measured. GH_BENCH_SCALE=small: 1,000 people. GH_BENCH_WAYS=sorted: the sorted People list alone;
// GH_BENCH_WAYS=role,picker (any words): the rows whose name holds one of them. The People list's pairing filters and New pairing's
// mentors as schema version 18 read them (bench/former-pairing-pages.ts: the group's ids, then the name
// order walked; every mentor read and ranked) alternated with the pages of version 20's indexes. The pair
// picker's search of version 23 (bench/former-pair-search.ts) alternated with version 24's, each row
// first checked to show the same pairs.

export const name = 'pickers';

const ROUNDS = 9;
const PEOPLE_PAGE = 100;
const PICKER_PAGE = 20;
/** The mentors New pairing shows at first (MentorChoice). */
const MENTORS_SHOWN = 25;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) =>
  `${Math.round(Math.min(...values) * 10) / 10}–${Math.round(Math.max(...values) * 10) / 10}`;
const ms = (value: number) => (value < 10 ? Math.round(value * 10) / 10 : Math.round(value));

async function compare(before: () => Promise<unknown>, after: () => Promise<unknown>) {
  await before();
  await after();
  const times = { before: [] as number[], after: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    // The order alternates, so neither always runs on a warmer cache.
    const order = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const key of order) {
      const started = performance.now();
      await (key === 'before' ? before : after)();
      times[key].push(performance.now() - started);
    }
  }
  return times;
}

/** The People list's first page for a search, as the list read it with the former search. */
async function formerPeopleList(search: string) {
  await countPeople();
  const page = await formerSearchPeoplePage({
    terms: searchTerms(search),
    direction: 'ascending',
    limit: PEOPLE_PAGE,
    keep: (person) => !person.archived,
  });
  return formerMentorLoadsFor(page.people.filter((person) => person.isMentor).map((person) => person.id));
}

export async function run(): Promise<Record<string, number | string>> {
  const small = new URLSearchParams(location.search).get('scale') === 'small';
  const size = small ? { people: 1_000, relationships: 2_000, meetings: 20_000 } : ('large' as const);
  const figures: Record<string, number | string> = {
    'machine load at start (1 / 5 / 15 min)': await machineLoad(),
  };
  const dbName = `bench-pickers-${Date.now()}`;
  try {
    switchDatabase(dbName);
    await fillDatabase(size);
    const db = getDb();
    figures['machine load once filled (1 / 5 / 15 min)'] = await machineLoad();
    const someone = await db.people.orderBy('id').first();
    const common = someone ? someone.name.split(' ').slice(-1)[0] : 'a';
    const firstName = someone ? someone.name.split(' ')[0] : 'a';
    const fullName = someone?.name ?? 'a';
    // A mentee with a specialty and interests, as most have: the mentors sharing them are ranked first.
    const mentee = (await db.people
      .orderBy('id')
      .filter((person) => person.isMentee && !person.archived && person.tags.length > 0)
      .first()) as Person;
    const count = async (word: string) =>
      db.people
        .where('wordKeys')
        .startsWith(searchTerms(word)[0] ?? '')
        .count();
    figures['people / pairs'] = `${await db.people.count()} / ${await db.relationships.count()}`;
    figures[`people with a word starting "${common}" / "${firstName}"`] =
      `${await count(common)} / ${await count(firstName)}`;
    const sortedRows: [string, () => Promise<unknown>, () => Promise<unknown>][] = [];
    for (const column of ['Profession', 'Specialty', 'Role', 'Tags'] as const)
      for (const direction of ['ascending', 'descending'] as const) {
        const sort: PeopleSort = { column, direction };
        sortedRows.push([
          `People list sorted by ${column}, ${direction}`,
          () => formerSortedPeopleList(NO_FILTER, sort, PEOPLE_PAGE),
          () => readPeopleList(NO_FILTER, sort, PEOPLE_PAGE),
        ]);
      }
    const bySpecialty: PeopleSort = { column: 'Specialty', direction: 'descending' };
    sortedRows.push(
      [
        'People list sorted by Specialty, descending, nurses only',
        () => formerSortedPeopleList({ ...NO_FILTER, profession: 'nurse' }, bySpecialty, PEOPLE_PAGE),
        () => readPeopleList({ ...NO_FILTER, profession: 'nurse' }, bySpecialty, PEOPLE_PAGE),
      ],
      [
        `People list sorted by Specialty, descending, search "${common}"`,
        () => formerSortedPeopleList({ ...NO_FILTER, search: common }, bySpecialty, PEOPLE_PAGE),
        () => readPeopleList({ ...NO_FILTER, search: common }, bySpecialty, PEOPLE_PAGE),
      ],
      [
        'People list sorted by Tags, ascending, search "clinic" (every e-mail)',
        () =>
          formerSortedPeopleList(
            { ...NO_FILTER, search: 'clinic' },
            { column: 'Tags', direction: 'ascending' },
            PEOPLE_PAGE,
          ),
        () =>
          readPeopleList(
            { ...NO_FILTER, search: 'clinic' },
            { column: 'Tags', direction: 'ascending' },
            PEOPLE_PAGE,
          ),
      ],
    );
    const ways = new URLSearchParams(location.search).get('ways');
    const onlySorted = ways === 'sorted';
    const otherRows: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      [
        `People list, search "${common}" (a common surname)`,
        () => formerPeopleList(common),
        () => readPeopleList({ ...NO_FILTER, search: common }, BY_NAME, PEOPLE_PAGE),
      ],
      [
        `People list, search "${firstName}" (a common first name)`,
        () => formerPeopleList(firstName),
        () => readPeopleList({ ...NO_FILTER, search: firstName }, BY_NAME, PEOPLE_PAGE),
      ],
      [
        `People list, search "${fullName}" (one person)`,
        () => formerPeopleList(fullName),
        () => readPeopleList({ ...NO_FILTER, search: fullName }, BY_NAME, PEOPLE_PAGE),
      ],
      [
        'People list, search "clinic" (every e-mail)',
        () => formerPeopleList('clinic'),
        () => readPeopleList({ ...NO_FILTER, search: 'clinic' }, BY_NAME, PEOPLE_PAGE),
      ],
      [
        'People list, search matching nobody',
        () => formerPeopleList('zzqx'),
        () => readPeopleList({ ...NO_FILTER, search: 'zzqx' }, BY_NAME, PEOPLE_PAGE),
      ],
      [
        'People list, mentors with room',
        () => formerPeopleFiltered({ ...NO_FILTER, role: 'mentors-with-room' }, PEOPLE_PAGE),
        () => readPeopleList({ ...NO_FILTER, role: 'mentors-with-room' }, BY_NAME, PEOPLE_PAGE),
      ],
      [
        'People list, mentees without a mentor',
        () => formerPeopleFiltered({ ...NO_FILTER, role: 'mentees-without-mentor' }, PEOPLE_PAGE),
        () => readPeopleList({ ...NO_FILTER, role: 'mentees-without-mentor' }, BY_NAME, PEOPLE_PAGE),
      ],
      [
        `People list, mentors with room, search "${common}"`,
        () => formerPeopleFiltered({ ...NO_FILTER, role: 'mentors-with-room', search: common }, PEOPLE_PAGE),
        () =>
          readPeopleList({ ...NO_FILTER, role: 'mentors-with-room', search: common }, BY_NAME, PEOPLE_PAGE),
      ],
      [
        'People list, mentees without a mentor, search "clinic" (every e-mail)',
        () =>
          formerPeopleFiltered(
            { ...NO_FILTER, role: 'mentees-without-mentor', search: 'clinic' },
            PEOPLE_PAGE,
          ),
        () =>
          readPeopleList(
            { ...NO_FILTER, role: 'mentees-without-mentor', search: 'clinic' },
            BY_NAME,
            PEOPLE_PAGE,
          ),
      ],
      [
        `New pairing, the mentors once a mentee is chosen (${mentee.name}: ${mentee.specialty || 'no specialty'}; ${mentee.tags.join(', ') || 'no tags'})`,
        () => formerRankedMentors(mentee),
        () => readMentorCandidates(mentee, MENTORS_SHOWN, ''),
      ],
      // Before, the first letter typed read and ranked every mentor; now only those who may match are read.
      ...[firstName.slice(0, 1), common.slice(0, 1), firstName, fullName].map(
        (typed): [string, () => Promise<unknown>, () => Promise<unknown>] => [
          `New pairing, "${typed}" typed in "Find a mentor"`,
          () => formerRankedMentors(mentee),
          () => readMentorCandidates(mentee, MENTORS_SHOWN, typed),
        ],
      ),
      [
        `New pairing, typing "${common}" for the mentee`,
        () =>
          formerSearchPeoplePage({
            terms: searchTerms(common),
            direction: 'ascending',
            limit: 8,
            keep: (person) => person.isMentee && !person.archived,
          }),
        () => readMenteeMatches(common, 8),
      ],
      [
        `pair picker, "${common}" typed`,
        () => formerPickerPairs(searchTerms(common), PICKER_PAGE),
        () => readPickerPairs(common, PICKER_PAGE),
      ],
      [
        `pair picker, "${firstName}" typed`,
        () => formerPickerPairs(searchTerms(firstName), PICKER_PAGE),
        () => readPickerPairs(firstName, PICKER_PAGE),
      ],
      [
        `pair picker, "${fullName}" typed`,
        () => formerPickerPairs(searchTerms(fullName), PICKER_PAGE),
        () => readPickerPairs(fullName, PICKER_PAGE),
      ],
      [
        'pair picker, a name matching nobody',
        () => formerPickerPairs(searchTerms('zzqx'), PICKER_PAGE),
        () => readPickerPairs('zzqx', PICKER_PAGE),
      ],
      // The search of version 23 (two index requests a person, every pair of the rarest word's people read)
      // beside version 24's (one request a person, only the pairs each word has a person of read).
      ...[
        fullName,
        `${common} ${firstName}`,
        firstName,
        common,
        `${firstName} clinic`,
        `${firstName} ${common.slice(0, 1)}`,
      ].map((typed): [string, () => Promise<unknown>, () => Promise<unknown>] => [
        `pair picker beside version 23, "${typed}" typed`,
        () => version23PickerPairs(typed, PICKER_PAGE),
        () => readPickerPairs(typed, PICKER_PAGE),
      ]),
    ];
    // Other ways: the rows whose name holds one of the comma-separated words given (any case).
    const wanted = ways && !onlySorted ? ways.toLowerCase().split(',') : null;
    const rows = (onlySorted ? sortedRows : [...otherRows, ...sortedRows]).filter(
      ([row]) => !wanted || wanted.some((word) => row.toLowerCase().includes(word)),
    );
    for (const [row, before, after] of rows) {
      if (row.startsWith('pair picker beside')) {
        const [former, now] = [(await before()) as string[], await after()];
        const labels = (now as Awaited<ReturnType<typeof readPickerPairs>>).rows.map((r) => r.label);
        figures[`${row}: same pairs as version 23 (how many)`] =
          JSON.stringify(former) === JSON.stringify(labels) ? `yes (${labels.length})` : 'NO';
      }
      const times = await compare(before, after);
      figures[`${row}: former, median ms (spread)`] = `${ms(median(times.before))} (${spread(times.before)})`;
      figures[`${row}: now, median ms (spread)`] = `${ms(median(times.after))} (${spread(times.after)})`;
    }
    figures['machine load at the end (1 / 5 / 15 min)'] = await machineLoad();
  } finally {
    getDb().close();
    await Dexie.delete(dbName);
    switchDatabase(`bench-pickers-idle-${Date.now()}`);
  }
  return figures;
}
