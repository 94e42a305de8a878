import Dexie, { type Collection, type Table } from 'dexie';
import type { ReportGoal, ReportGoalProgress } from '../domain/reports/goals';
import type { ReportMeeting } from '../domain/reports/report-data';
import type { ActionItem, GoalProgress, IsoDate } from '../domain/types';
import { CURRENT_SCHEMA_VERSION, type GuidingHandsDb } from './db';
import { hasSealedValue } from './lock/sealing';
import { packRows, unpackRows } from './packed-rows';
import {
  DIGEST_FORMAT,
  type DigestActionItem,
  type DigestedTable,
  EVERY_DIGEST,
  FORMER_DIGEST_KEYS,
  type MonthDigest,
  newStamp,
  partRange,
  type StoredMonthDigest,
  type StoredTableDigest,
  type TableDigest,
  tableDigestKey,
  tableParts,
} from './report-digests';
import {
  reportActionItem,
  reportGoal,
  reportGoalProgress,
  reportMeeting,
  reportResponse,
  type SharedValues,
} from './report-records';

// A report's reads through the digests (report-digests.ts, which says how they are kept right): a
// calendar month's meetings, action items, responses and goals, and the tables a report reads whole,
// each from its digest where one is kept and current, else from the records (a whole month, a whole
// table), what was counted then being returned to be saved as the digest for the next report.

/** What was counted from the records, to be saved as a digest if nothing changed it meanwhile. */
export interface UnsavedDigest {
  key: string;
  /** The digest's stamp when its records were read (null: no record of it yet). */
  stamp: string | null;
  digest: MonthDigest | TableDigest;
}

export interface UnsavedDigests {
  /** The stamp of EVERY_DIGEST when the records were read (null: none yet). */
  everyStamp: string | null;
  digests: UnsavedDigest[];
}

export interface MonthRead {
  /** The meetings within the span, as a report counts them, in day-then-id order. */
  meetings: ReportMeeting[];
  /** The action items whose meeting's day is within the span, in the same order. */
  actionItems: DigestActionItem[];
  /** The responses answered within the span (sealed answers still sealed, as stored), in day-then-id order. */
  responses: Record<string, unknown>[];
  /** The goals set within the span. */
  goalsSet: ReportGoal[];
  /** The "achieved" entries within the span (day and goal). */
  achieved: MonthDigest['achieved'];
  /** Every goal achieved in the month (not only within the span), with its whole history. */
  achievedGoals: MonthDigest['achievedGoals'];
  /** Set when the month was counted from its records and digests are in use. */
  unsaved?: UnsavedDigest;
}

/** A digest made by this schema version and digest format (any other is made again). */
export function isCurrentDigest<T extends StoredMonthDigest | StoredTableDigest>(
  digest: unknown,
): digest is T {
  const made = digest as Partial<StoredMonthDigest> | undefined;
  return made?.schemaVersion === CURRENT_SCHEMA_VERSION && made.format === DIGEST_FORMAT;
}

/** A digest as stored: its lists of records packed as columns. */
export function packDigest(digest: MonthDigest | TableDigest): StoredMonthDigest | StoredTableDigest {
  const { schemaVersion, format } = digest;
  if ('rows' in digest) return { schemaVersion, format, rows: packRows(digest.rows as object[]) };
  return {
    schemaVersion,
    format,
    meetings: packRows(digest.meetings),
    actionItems: packRows(digest.actionItems),
    responses: packRows(digest.responses),
    goalsSet: packRows(digest.goalsSet),
    achieved: packRows(digest.achieved),
    achievedGoals: packRows(digest.achievedGoals),
  };
}

/** A month's digest as a report reads it, its repeated strings and lists shared through `shared`. */
export function unpackMonth(stored: StoredMonthDigest, shared: SharedValues): MonthDigest {
  return {
    schemaVersion: stored.schemaVersion,
    format: stored.format,
    meetings: unpackRows(stored.meetings, shared),
    actionItems: unpackRows(stored.actionItems, shared),
    responses: unpackRows(stored.responses, shared),
    goalsSet: unpackRows(stored.goalsSet, shared),
    achieved: unpackRows(stored.achieved, shared),
    achievedGoals: unpackRows(stored.achievedGoals, shared),
  };
}

/** The keys of one part of a table's digest (see report-digests.ts); both undefined for the whole table. */
export interface KeyRange {
  lower?: string;
  upper?: string;
}

/** The records of `table` whose keys are within `range` (every record for the whole table). */
export function keysWithin<T, K, I>(table: Table<T, K, I>, range: KeyRange): Collection<T, K, I> {
  if (range.lower === undefined && range.upper === undefined) return table.toCollection();
  return table.where(':id').between(range.lower ?? Dexie.minKey, range.upper ?? Dexie.maxKey, true, false);
}

/**
 * The rows of a table a report reads whole, in key order, read in the caller's transaction. Without
 * `digests`, by `read` over the whole table. With, a part at a time (one part for most tables): from the
 * part's digest where it is current (unpacked, its repeated strings and lists shared through `shared`),
 * else by `read` over the part's keys (the records, as the report keeps them), then returned in `unsaved`.
 */
export async function readTable<T>(
  db: GuidingHandsDb,
  table: DigestedTable,
  read: (range: KeyRange) => Promise<T[]>,
  digests: boolean,
  shared: SharedValues,
): Promise<{ rows: T[]; unsaved: UnsavedDigest[] }> {
  if (!digests) return { rows: await read({}), unsaved: [] };
  const keys = Array.from({ length: tableParts(table) }, (_, part) => tableDigestKey(table, part));
  const kept = await db.reportDigests.bulkGet(keys);
  const parts = await Promise.all(
    keys.map(async (key, part): Promise<{ rows: T[]; unsaved?: UnsavedDigest }> => {
      const stored = kept[part];
      if (isCurrentDigest<StoredTableDigest>(stored?.digest))
        return { rows: unpackRows<T>(stored.digest.rows, shared) };
      const rows = await read(keys.length === 1 ? {} : partRange(table, part));
      const digest: TableDigest<T> = { schemaVersion: CURRENT_SCHEMA_VERSION, format: DIGEST_FORMAT, rows };
      return { rows, unsaved: { key, stamp: stored?.stamp ?? null, digest } };
    }),
  );
  return {
    rows: parts.length === 1 ? parts[0].rows : parts.flatMap((part) => part.rows),
    unsaved: parts.flatMap((part) => (part.unsaved ? [part.unsaved] : [])),
  };
}

/**
 * The meetings, action items, responses and goals of `span` (within one calendar month), read in the
 * caller's transaction.
 * With `digests`, the month's digest is used when current; otherwise the whole month is read and returned
 * as `unsaved`. Without, only the records are read and nothing is returned to save.
 */
export async function readMonth(
  db: GuidingHandsDb,
  span: { start: IsoDate; end: IsoDate },
  shared: SharedValues,
  digests: boolean,
): Promise<MonthRead> {
  const month = span.start.slice(0, 7);
  const kept = digests ? await db.reportDigests.get(month) : undefined;
  let digest: MonthDigest;
  let unsaved: UnsavedDigest | undefined;
  // Unpacked with the report's shared strings and lists, so a kept digest's records are as lean as those
  // made from the records.
  if (isCurrentDigest<StoredMonthDigest>(kept?.digest)) digest = unpackMonth(kept.digest, shared);
  else {
    digest = await countMonth(db, month, shared);
    if (digests) unsaved = { key: month, stamp: kept?.stamp ?? null, digest };
  }
  const within = (day: IsoDate) => day >= span.start && day <= span.end;
  return {
    meetings: digest.meetings.filter((meeting) => within(meeting.date)),
    actionItems: digest.actionItems.filter((item) => within(item.meetingDate)),
    // Copies when counted from the records: the caller opens sealed answers in place, and what is saved
    // as the digest must stay as stored.
    responses: digest.responses
      .filter((response) => within(response.answeredOn as IsoDate))
      .map((response) => (unsaved ? { ...response } : response)),
    goalsSet: digest.goalsSet.filter((goal) => within(goal.setDate)),
    achieved: digest.achieved.filter((entry) => within(entry.date)),
    achievedGoals: digest.achievedGoals,
    unsaved,
  };
}

/** The whole month's meetings, action items, responses and goals as a digest holds them, read from the records. */
async function countMonth(db: GuidingHandsDb, month: string, shared: SharedValues): Promise<MonthDigest> {
  const first = `${month}-01`;
  const last = `${month}-31`;
  const [meetings, items, responses, goalsSet, achieved] = await Promise.all([
    // Raw: stored without their notes (schema version 23); no sealed field is opened.
    db.meetings.where('date').between(first, last, true, true).raw().toArray(),
    // The items of the month's meetings, by the date of their meeting (kept on each item); raw, so no
    // sealed text is opened, and the text is dropped at once.
    db.actionItems.where('meetingDate').between(first, last, true, true).raw().toArray(),
    // Raw: sealed answers stay sealed (the report opens them after its reads).
    db.responses.where('answeredOn').between(first, last, true, true).raw().toArray(),
    // Goals and their histories raw, so no goal text or progress note is even opened; dropped at once.
    db.goals.where('setDate').between(first, last, true, true).raw().toArray(),
    db.goalProgress
      .where('[status+date]')
      .between(['achieved', first], ['achieved', last], true, true)
      .raw()
      .toArray(),
  ]);
  const achievedIds = [...new Set(achieved.map((entry) => entry.goalId))];
  const [histories, achievedGoals] = await Promise.all([
    Promise.all(achievedIds.map((id) => db.goalProgress.where('goalId').equals(id).raw().toArray())),
    byKeys(db.goals, 'id', achievedIds),
  ]);
  const goalById = new Map(achievedGoals.map((goal) => [goal.id, goal]));
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    format: DIGEST_FORMAT,
    meetings: meetings.map((meeting) => reportMeeting(meeting, shared)),
    actionItems: items.map((item) => reportActionItem(item as ActionItem & { meetingDate: IsoDate }, shared)),
    // A sealed response as stored (opened by the report, bound to its record); a plain one as a report
    // keeps it, without its id and times, which no figure uses.
    responses: (responses as unknown as Record<string, unknown>[]).map((response) =>
      hasSealedValue('responses', response)
        ? response
        : (reportResponse(response, shared) as unknown as Record<string, unknown>),
    ),
    goalsSet: goalsSet.map((goal) => reportGoal(goal, shared)),
    achieved: achieved.map((entry) => ({
      date: shared.string(entry.date),
      goalId: shared.string(entry.goalId),
    })),
    achievedGoals: achievedIds.map((id, at) => {
      const goal = goalById.get(id);
      return {
        id,
        goal: goal ? reportGoal(goal, shared) : null,
        history: (histories[at] as GoalProgress[]).map((entry) => reportGoalProgress(entry, shared)),
      };
    }),
  };
}

/**
 * The goals a period's figures count, from its months' reads: those set within it, then those achieved
 * within it and set before (in the order of their first "achieved" entry), with each achieved goal's whole
 * history — what reading the period's goals through the set-date and status-and-date indexes gives.
 */
export function goalsOfPeriod(reads: readonly MonthRead[]): {
  goals: ReportGoal[];
  history: ReportGoalProgress[];
} {
  const setInPeriod = reads.flatMap((read) => read.goalsSet);
  const known = new Set(setInPeriod.map((goal) => goal.id));
  const kept = new Map<string, MonthDigest['achievedGoals'][number]>();
  for (const read of reads)
    for (const goal of read.achievedGoals) if (!kept.has(goal.id)) kept.set(goal.id, goal);
  const ids = [...new Set(reads.flatMap((read) => read.achieved.map((entry) => entry.goalId)))];
  const history = ids.flatMap((id) => kept.get(id)?.history ?? []);
  const achievedBefore = ids.flatMap((id) => {
    const goal = known.has(id) ? null : kept.get(id)?.goal;
    return goal ? [goal] : [];
  });
  return { goals: [...setInPeriod, ...achievedBefore], history };
}

/**
 * The records of `table` whose `index` equals one of `keys`, raw: one range read per key, asked all at
 * once (a cursor jumping from key to key over the whole index is far slower for a few thousand keys).
 */
export async function byKeys<T>(
  table: Table<T, string, unknown>,
  index: string,
  keys: readonly string[],
): Promise<T[]> {
  const found = await Promise.all(keys.map((key) => table.where(index).equals(key).raw().toArray()));
  return found.flat();
}

/**
 * Saves what was counted from the records as digests, each only if neither its stamp nor EVERY_DIGEST's
 * changed since it was read (a write in between made what was counted out of date).
 */
export async function saveDigests(db: GuidingHandsDb, unsaved: UnsavedDigests): Promise<void> {
  await db.transaction('rw', db.reportDigests, async () => {
    const [every, ...now] = await db.reportDigests.bulkGet([
      EVERY_DIGEST,
      ...unsaved.digests.map((read) => read.key),
    ]);
    if ((every?.stamp ?? null) !== unsaved.everyStamp) return;
    // What an earlier version kept and this one no longer reads goes, rather than stay stale.
    await db.reportDigests.bulkDelete(FORMER_DIGEST_KEYS);
    const still = unsaved.digests.filter((read, at) => (now[at]?.stamp ?? null) === read.stamp);
    if (still.length === 0) return;
    await db.reportDigests.bulkPut(
      still.map((read) => ({
        key: read.key,
        stamp: read.stamp ?? newStamp(),
        digest: packDigest(read.digest),
      })),
    );
  });
}
