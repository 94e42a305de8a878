import Dexie from 'dexie';
import { getDb, switchDatabase } from '../renderer/data/db';
import {
  listLatestMeetingsForPerson,
  listLatestMeetingsForRelationship,
  listMeetingsForRelationship,
} from '../renderer/data/meetings.repo';
import { getPeopleByIds, listPeople } from '../renderer/data/people.repo';
import { listRelationshipsForPerson } from '../renderer/data/relationships.repo';
import { LOAD_STATUSES } from '../renderer/domain/rules';
import type { Id } from '../renderer/domain/types';
import { fillDatabase } from './fill-database';
import { formerMentorLoads } from './former-pairing-facts';

// The reads behind the pairing page, the meeting form and the person page on the synthetic clinic
// (10,000 people, 20,000 pairs, 200,000 meetings): each read as it was (whole tables) against the
// read that replaced it, alternated, median of 7. Data reads only: rendering is not measured here.

export const name = 'lists';

const ROUNDS = 7;

// The reads as they were before this change, kept here to measure against.
async function namesBefore(): Promise<Map<Id, unknown>> {
  const people = await listPeople();
  return new Map(people.map((person) => [person.id, person]));
}
async function loadsBefore(): Promise<Map<Id, number>> {
  const loads = new Map<Id, number>();
  const pairs = await getDb().relationships.where('status').anyOf(LOAD_STATUSES).toArray();
  for (const pair of pairs) loads.set(pair.mentorId, (loads.get(pair.mentorId) ?? 0) + 1);
  return loads;
}
async function personHistoryBefore(personId: Id): Promise<number> {
  const relationships = await listRelationshipsForPerson(personId);
  const lists = await Promise.all(relationships.map((pair) => listMeetingsForRelationship(pair.id)));
  return lists.flat().sort((a, b) => b.date.localeCompare(a.date)).length;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

/** Runs `before` and `after` in turn ROUNDS times (after a warm-up) and returns both medians and spreads. */
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

export async function run(): Promise<Record<string, number | string>> {
  const dbName = `bench-lists-${Date.now()}`;
  try {
    switchDatabase(dbName);
    await fillDatabase('large');
    const db = getDb();
    // The busiest pair and the busiest mentor: the longest timeline and history a screen shows.
    const counts = new Map<Id, number>();
    await db.meetings.orderBy('relationshipId').eachKey((key) => {
      counts.set(key as Id, (counts.get(key as Id) ?? 0) + 1);
    });
    const [busiestPairId, pairMeetings] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const busiestPair = await db.relationships.get(busiestPairId);
    if (!busiestPair) throw new Error('The synthetic clinic has no meetings.');
    const mentorId = busiestPair.mentorId;
    const mentorHistory = await listLatestMeetingsForPerson(mentorId, 1);

    const figures: Record<string, number | string> = {
      people: await db.people.count(),
      pairs: await db.relationships.count(),
      meetings: await db.meetings.count(),
      "busiest pair's meetings": pairMeetings,
      "its mentor's meetings over all pairs": mentorHistory.total,
    };
    const rows: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      [
        'names for a pairing page or meeting form (all people → the two named)',
        namesBefore,
        () => getPeopleByIds([busiestPair.mentorId, busiestPair.menteeId]),
      ],
      ['mentor loads (one anyOf cursor → one getAll per status)', loadsBefore, formerMentorLoads],
      [
        'pairing timeline (every meeting → latest 20)',
        () => listMeetingsForRelationship(busiestPairId),
        () => listLatestMeetingsForRelationship(busiestPairId, 20),
      ],
      [
        'person page meeting history (every meeting → latest 20)',
        () => personHistoryBefore(mentorId),
        () => listLatestMeetingsForPerson(mentorId, 20),
      ],
    ];
    for (const [label, before, after] of rows) {
      const times = await compare(before, after);
      figures[`${label}: before, median ms (spread)`] =
        `${Math.round(median(times.before))} (${spread(times.before)})`;
      figures[`${label}: after, median ms (spread)`] =
        `${Math.round(median(times.after) * 10) / 10} (${spread(times.after)})`;
    }
    return figures;
  } finally {
    getDb().close();
    await Dexie.delete(dbName);
    switchDatabase(`bench-lists-idle-${Date.now()}`);
  }
}
