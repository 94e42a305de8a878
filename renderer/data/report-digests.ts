import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { ReportGoal, ReportGoalProgress } from '../domain/reports/goals';
import type { ReportActionItem, ReportMeeting } from '../domain/reports/report-data';
import type { IsoDate } from '../domain/types';
import type { PackedRows } from './packed-rows';
import { currentZone, inScope, inZone, zoned } from './summary-fields';

// Schema version 26: what a report counts, kept as digests beside the records, so that a report over a
// year at a 10,000-person clinic reads a few dozen records instead of some 360,000 (docs/benchmarks.md):
// - a month's digest (key `YYYY-MM`): the month's meetings, action items, questionnaire responses and
//   goals, as a report counts them;
// - a table's digest (key `table:<name>`): the people, the pairs, the training records, the milestones
//   with their first debrief, as a report counts them; the pairs' in 16 parts by id (`table:<name>:<n>`).
// A digest is a copy, never the record of anything: it is not in a backup, and it is made again from the
// records whenever it is missing.
//
// Kept right by two rules, both here:
// - every write of a record a digest copies, in whatever transaction, also marks the digests it touches
//   as changed, in the same transaction: the middleware below widens every read-write transaction over
//   those tables to include this one, and replaces each touched digest's record with a fresh stamp and no
//   digest. A month is touched by a record dated in it before or after the write (for a goal, also the
//   months it was achieved in, which hold its whole history); a table's digest by any write of the table
//   (the milestones' also by a debrief meeting). Clearing a table (a restore, an erase), or writing many
//   goals at once, drops every digest and changes the stamp of EVERY_DIGEST;
// - a report that finds a digest missing reads the records as before and saves what it counted, in a
//   later transaction, only if neither that digest's stamp nor EVERY_DIGEST's changed meanwhile (a write
//   between the two would otherwise leave a digest of records that are gone).
// A digest also names the schema version and the digest format it was made by; any other is made again.

export const REPORT_DIGESTS_TABLE = 'reportDigests';

/** The key of the record whose stamp changes whenever every digest is dropped at once. */
export const EVERY_DIGEST = '*';

/** Bumped whenever what a digest holds changes: a digest of another format is made again. */
export const DIGEST_FORMAT = 4;

/** The tables a report reads whole, each kept as one digest. */
export const DIGESTED_TABLES = ['people', 'relationships', 'trainingRecords', 'milestones'] as const;
export type DigestedTable = (typeof DIGESTED_TABLES)[number];

/** The key of a table's digest. */
/**
 * Where a table's digest is cut into parts by key, the lowest key of every part but the first (every key
 * sorts into one part; a UUID by its first character). A write then drops only its records' parts, and a
 * report recounts those alone: every meeting logged changes its pair's record (its last meeting's day), and
 * recounting 20,000 pairs for it took over a second at a 10,000-person clinic. The other tables change
 * seldom and are kept whole.
 */
const PART_BOUNDS: Partial<Record<DigestedTable, readonly string[]>> = {
  relationships: ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'],
};

/** How many parts a table's digest is kept in. */
export function tableParts(table: DigestedTable): number {
  return (PART_BOUNDS[table]?.length ?? 0) + 1;
}

/** The key of a table's digest, or of one part of it: `table:<name>`, `table:<name>:<part>`. */
export function tableDigestKey(table: DigestedTable, part = 0): string {
  return tableParts(table) === 1 ? `table:${table}` : `table:${table}:${part}`;
}

/** The part of a table's digest that holds the record of `key`. */
export function partOfKey(table: DigestedTable, key: unknown): number {
  const bounds = PART_BOUNDS[table] ?? [];
  // Numbers and dates sort below every string, other keys (binary, arrays) above.
  if (typeof key !== 'string') return typeof key === 'number' || key instanceof Date ? 0 : bounds.length;
  let part = 0;
  while (part < bounds.length && bounds[part] <= key) part++;
  return part;
}

/** The keys of one part, lower bound included and upper excluded; undefined where the part is open. */
export function partRange(table: DigestedTable, part: number): { lower?: string; upper?: string } {
  const bounds = PART_BOUNDS[table] ?? [];
  return { lower: bounds[part - 1], upper: bounds[part] };
}

/** Digests this version no longer reads (the pairs' digest before it was cut into parts): deleted when saving. */
export const FORMER_DIGEST_KEYS = ['table:relationships'];

/** An action item as a digest keeps it: as a report counts it, with its meeting's day. */
export type DigestActionItem = ReportActionItem;

/** The schema version and digest format a digest was made by. */
interface MadeBy {
  schemaVersion: number;
  format: number;
}

/** A table's digest: its records as a report keeps them, in key order. */
export interface TableDigest<T = unknown> extends MadeBy {
  rows: T[];
}

export interface MonthDigest extends MadeBy {
  /** The month's meetings as a report counts them, in the date index's order (day, then id). */
  meetings: ReportMeeting[];
  /** The action items of the month's meetings, in the meeting-date index's order (day, then id). */
  actionItems: DigestActionItem[];
  /**
   * The questionnaire responses answered in the month, in the answer-date index's order: as a report keeps
   * them, or, with the clinic lock, as stored (their answers stay sealed, bound to their record, as in the
   * responses table).
   */
  responses: Record<string, unknown>[];
  /** The goals set in the month (no text), in the set-date index's order. */
  goalsSet: ReportGoal[];
  /** The month's "achieved" entries of goal histories (day and goal), in the status-and-date index's order. */
  achieved: { date: IsoDate; goalId: string }[];
  /**
   * Each goal achieved in the month: its record (no text; null if there is none) and its whole history (no
   * notes), in the goal index's order — whether it was achieved within a period hangs on the entry before.
   */
  achievedGoals: { id: string; goal: ReportGoal | null; history: ReportGoalProgress[] }[];
}

/**
 * A month's digest as stored: each list of records packed as columns (packed-rows.ts: read back as a few
 * blocks of bytes rather than one object and string at a time).
 */
export interface StoredMonthDigest extends MadeBy {
  meetings: PackedRows;
  actionItems: PackedRows;
  responses: PackedRows;
  goalsSet: PackedRows;
  achieved: PackedRows;
  achievedGoals: PackedRows;
}

/** A table's digest as stored: its rows packed as columns. */
export interface StoredTableDigest extends MadeBy {
  rows: PackedRows;
}

export interface ReportDigestRecord {
  /** `YYYY-MM` (a month's digest), `table:<name>` (a table's), or EVERY_DIGEST. */
  key: string;
  /** Changes with every write that touches the digest (or, for EVERY_DIGEST, drops them all). */
  stamp: string;
  /** Absent until a report has counted it since its last change. */
  digest?: StoredMonthDigest | StoredTableDigest;
}

/** The tables whose records a month's digest copies, with the field that gives each record's month. */
const MONTH_FIELD: Readonly<Record<string, string>> = {
  meetings: 'date',
  actionItems: 'meetingDate',
  responses: 'answeredOn',
  goals: 'setDate',
  goalProgress: 'date',
};

/** A write touching more goals than this drops every digest rather than look up each goal's months. */
const GOALS_LOOKED_UP = 100;

/** The month (`YYYY-MM`) of a day, or null for anything that is not a day. */
export function monthOfDay(day: unknown): string | null {
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day.slice(0, 7) : null;
}

export function newStamp(): string {
  return crypto.randomUUID();
}

/** Every key (the library's own "any" range, as a table's clear() asks). */
const everything = {
  type: 3 /* DBCoreRangeType.Any */,
  lower: -Infinity,
  lowerOpen: false,
  upper: [[]],
  upperOpen: false,
} as DBCoreKeyRange;

type Row = Record<string, unknown>;

type Touched = Set<string> | 'every';

/** Table access beneath the app, within the write's transaction and zone. */
interface Below {
  table(name: string): DBCoreTable;
  trans: DBCoreTransaction;
}

/** The records a write is about to replace or remove (none for an add). */
async function recordsBefore(below: Below, name: string, request: DBCoreMutateRequest): Promise<Row[]> {
  const keys = request.type === 'add' ? [] : keysOf(request);
  if (keys.length === 0) return [];
  const rows = (await below.table(name).getMany({ trans: below.trans, keys })) as (Row | undefined)[];
  return rows.filter((row): row is Row => row !== undefined);
}

/** The keys of the records a write adds, replaces or removes (a range is handled by the caller). */
function keysOf(request: DBCoreMutateRequest): unknown[] {
  if (request.type === 'delete') return request.keys as unknown[];
  if (request.type === 'add' || request.type === 'put')
    return request.keys ?? request.values.map((value) => (value as Row | undefined)?.id);
  return [];
}

/** The values a write puts (none for a delete). */
function valuesOf(request: DBCoreMutateRequest): Row[] {
  return request.type === 'add' || request.type === 'put' ? (request.values as Row[]) : [];
}

/**
 * The months in which any of `goalIds` has an "achieved" entry: a digest of such a month holds the goal
 * and its whole history (whether it was achieved within a period hangs on the entry before).
 */
async function monthsAchieved(below: Below, goalIds: ReadonlySet<string>): Promise<Touched> {
  if (goalIds.size > GOALS_LOOKED_UP) return 'every';
  const table = below.table('goalProgress');
  const index = table.schema.getIndexByKeyPath('goalId');
  const months = new Set<string>();
  const histories = await Promise.all(
    [...goalIds].map(
      (id) =>
        table.query({
          trans: below.trans,
          values: true,
          query: { index: index!, range: { type: 1 /* Equal */, lower: id, upper: id } as DBCoreKeyRange },
        }) as Promise<{ result: Row[] }>,
    ),
  );
  for (const { result } of histories)
    for (const entry of result) {
      const month = entry.status === 'achieved' ? monthOfDay(entry.date) : null;
      if (month) months.add(month);
    }
  return months;
}

const isDigestedTable = (name: string): name is DigestedTable =>
  (DIGESTED_TABLES as readonly string[]).includes(name);

/** Whether writes of table `name` touch a digest. */
const isWatched = (name: string) => name in MONTH_FIELD || isDigestedTable(name);

/**
 * The digests a write of `name` touches: its table's, or the months of the records before it and of the
 * values it writes.
 */
async function digestsTouched(below: Below, name: string, request: DBCoreMutateRequest): Promise<Touched> {
  if (isDigestedTable(name)) {
    const keys = keysOf(request);
    // A key the write does not name (none here: every record has its id) touches every part.
    if (keys.some((key) => key === undefined))
      return new Set(Array.from({ length: tableParts(name) }, (_, part) => tableDigestKey(name, part)));
    return new Set(keys.map((key) => tableDigestKey(name, partOfKey(name, key))));
  }
  const field = MONTH_FIELD[name];
  const before = await recordsBefore(below, name, request);
  const after = valuesOf(request);
  const touched = new Set<string>();
  // A debrief meeting gives its milestone's first debrief day, which the milestones' digest holds.
  for (const row of [...before, ...after])
    if (row.milestoneId !== undefined)
      touched.add(tableDigestKey('milestones', partOfKey('milestones', row.milestoneId)));
  const add = (row: Row) => {
    const month = monthOfDay(row[field]);
    if (month) touched.add(month);
  };
  if (name === 'goalProgress') {
    // An entry counts in the months its goal was achieved in (its history is kept there), which include
    // its own if it says "achieved", before or after the write.
    for (const row of [...before, ...after]) if (row.status === 'achieved') add(row);
    const goals = new Set([...before, ...after].map((row) => String(row.goalId)));
    const achieved = await monthsAchieved(below, goals);
    if (achieved === 'every') return achieved;
    for (const month of achieved) touched.add(month);
    return touched;
  }
  for (const row of [...before, ...after]) add(row);
  if (name === 'goals') {
    // A goal is also kept in the months it was achieved in.
    const achieved = await monthsAchieved(below, new Set([...before, ...after].map((row) => String(row.id))));
    if (achieved === 'every') return achieved;
    for (const month of achieved) touched.add(month);
  }
  return touched;
}

/**
 * Drops every digest within `idbtrans`, for a write made straight to the object stores (beneath every
 * layer, as the clinic lock's sealing walk writes): nothing below the app then saw which records changed.
 * Does nothing in a transaction without the digests (a database before version 26).
 */
export function dropEveryDigestHere(idbtrans: IDBTransaction): void {
  if (!idbtrans.objectStoreNames.contains(REPORT_DIGESTS_TABLE)) return;
  const store = idbtrans.objectStore(REPORT_DIGESTS_TABLE);
  store.clear();
  store.put({ key: EVERY_DIGEST, stamp: newStamp() });
}

/** The stores a read-write transaction needs beneath the app to keep the digests right, added to `stores`. */
function widened(stores: readonly string[]): string[] {
  const wanted = new Set(stores);
  if (!stores.some(isWatched)) return [...stores];
  wanted.add(REPORT_DIGESTS_TABLE);
  // A goal's months are those of its "achieved" entries.
  if (wanted.has('goals')) wanted.add('goalProgress');
  return [...wanted];
}

/**
 * Keeps the digests right (see above). Registered first, so it sits at the bottom of the app's
 * layers and sees every write as stored, the summary fields' own writes included (an item's meeting day
 * follows its meeting).
 */
export function reportDigestsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'reportDigests',
    create: (down) => {
      const hasDigests = down.schema.tables.some((table) => table.name === REPORT_DIGESTS_TABLE);
      return {
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(hasDigests && mode === 'readwrite' ? widened(stores) : stores, mode, options),
        table: (name) => {
          const table = down.table(name);
          if (!isWatched(name)) return table;
          return {
            ...table,
            mutate: async (request) => {
              // A transaction of an upgrade from before version 26 has no digests to keep right.
              if (!inScope(request.trans, REPORT_DIGESTS_TABLE)) return table.mutate(request);
              const zone = currentZone();
              const below: Below = { table: (other) => zoned(down.table(other), zone), trans: request.trans };
              const digests = below.table(REPORT_DIGESTS_TABLE);
              const touched: Touched =
                request.type === 'deleteRange'
                  ? 'every'
                  : await inZone(zone, () => digestsTouched(below, name, request));
              const result = await below.table(name).mutate(request);
              if (touched === 'every') {
                await digests.mutate({ type: 'deleteRange', trans: request.trans, range: everything });
                await digests.mutate({
                  type: 'put',
                  trans: request.trans,
                  values: [{ key: EVERY_DIGEST, stamp: newStamp() }],
                });
              } else if (touched.size > 0)
                await digests.mutate({
                  type: 'put',
                  trans: request.trans,
                  values: [...touched].map((key) => ({ key, stamp: newStamp() })),
                });
              return result;
            },
          };
        },
      };
    },
  };
}
