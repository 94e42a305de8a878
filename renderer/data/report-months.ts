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
import { currentZone, inScope, inZone, zoned } from './summary-fields';

// Schema version 26: what a report counts of each calendar month's meetings, action items, questionnaire
// responses and goals, kept as one record a month (a "month digest"), so that a report over a year reads
// twelve records instead of some 310,000 at a 10,000-person clinic (docs/benchmarks.md). A digest is a copy, never the record of
// anything: it is not in a backup, and it is made again from the meetings whenever it is missing.
//
// Kept right by two rules, both here:
// - every write of a meeting, an action item, a response, a goal or a goal's history, in whatever
//   transaction, also marks the months it touches (the day before and after an edit; for a goal, also the
//   months it was achieved in, which hold its whole history) as changed, in the same transaction: the middleware below
//   widens every read-write transaction over those tables to include this one, and replaces each touched
//   month's record with a fresh stamp and no digest; clearing either table (a restore, an erase) removes
//   every digest and changes the stamp of the whole table;
// - a report that finds a month without a digest reads the month's records as before and saves what it
//   counted, in a later transaction, only if neither the month's stamp nor the whole table's changed
//   meanwhile (a write between the two would otherwise leave a digest of records that are gone).
// A digest also names the schema version and the digest format it was made by; any other is made again.

export const REPORT_MONTHS_TABLE = 'reportMonths';

/** The key of the record whose stamp changes whenever every month is dropped at once. */
export const EVERY_MONTH = '*';

/** Bumped whenever what a digest holds changes: a digest of another format is made again. */
export const MONTH_DIGEST_FORMAT = 1;

/** An action item as a digest keeps it: as a report counts it, with its meeting's day. */
export type DigestActionItem = ReportActionItem & { meetingDate: IsoDate };

export interface MonthDigest {
  /** The schema version and digest format it was made by. */
  schemaVersion: number;
  format: number;
  /** The month's meetings as a report counts them, in the date index's order (day, then id). */
  meetings: ReportMeeting[];
  /** The action items of the month's meetings, in the meeting-date index's order (day, then id). */
  actionItems: DigestActionItem[];
  /**
   * The questionnaire responses answered in the month, as stored (with the clinic lock, their answers
   * stay sealed, bound to their record, as in the responses table), in the answer-date index's order.
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

export interface ReportMonthRecord {
  /** `YYYY-MM`, or EVERY_MONTH. */
  month: string;
  /** Changes with every write that touches the month (or, for EVERY_MONTH, clears a table). */
  stamp: string;
  /** Absent until a report has counted the month since its last change. */
  digest?: MonthDigest;
}

/** The tables whose records a digest copies, with the field that gives each record's month. */
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
  let keys: unknown[] | undefined;
  if (request.type === 'delete') keys = request.keys as unknown[];
  else if (request.type === 'put')
    keys = request.keys ?? request.values.map((value) => (value as Row | undefined)?.id);
  if (!keys || keys.length === 0) return [];
  const rows = (await below.table(name).getMany({ trans: below.trans, keys })) as (Row | undefined)[];
  return rows.filter((row): row is Row => row !== undefined);
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

/** The months a write of `name` touches: those of the records before it and of the values it writes. */
async function monthsTouched(below: Below, name: string, request: DBCoreMutateRequest): Promise<Touched> {
  const field = MONTH_FIELD[name];
  const before = await recordsBefore(below, name, request);
  const after = valuesOf(request);
  const months = new Set<string>();
  const add = (row: Row) => {
    const month = monthOfDay(row[field]);
    if (month) months.add(month);
  };
  if (name === 'goalProgress') {
    // An entry counts in the months its goal was achieved in (its history is kept there), which include
    // its own if it says "achieved", before or after the write.
    for (const row of [...before, ...after]) if (row.status === 'achieved') add(row);
    const goals = new Set([...before, ...after].map((row) => String(row.goalId)));
    const achieved = await monthsAchieved(below, goals);
    if (achieved === 'every') return achieved;
    for (const month of achieved) months.add(month);
    return months;
  }
  for (const row of [...before, ...after]) add(row);
  if (name === 'goals') {
    // A goal is also kept in the months it was achieved in.
    const achieved = await monthsAchieved(below, new Set([...before, ...after].map((row) => String(row.id))));
    if (achieved === 'every') return achieved;
    for (const month of achieved) months.add(month);
  }
  return months;
}

/** The stores a read-write transaction needs beneath the app to keep the digests right, added to `stores`. */
function widened(stores: readonly string[]): string[] {
  const wanted = new Set(stores);
  if (!stores.some((store) => store in MONTH_FIELD)) return [...stores];
  wanted.add(REPORT_MONTHS_TABLE);
  // A goal's months are those of its "achieved" entries.
  if (wanted.has('goals')) wanted.add('goalProgress');
  return [...wanted];
}

/**
 * Keeps the month digests right (see above). Registered first, so it sits at the bottom of the app's
 * layers and sees every write as stored, the summary fields' own writes included (an item's meeting day
 * follows its meeting).
 */
export function reportMonthsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'reportMonths',
    create: (down) => {
      const hasDigests = down.schema.tables.some((table) => table.name === REPORT_MONTHS_TABLE);
      return {
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(hasDigests && mode === 'readwrite' ? widened(stores) : stores, mode, options),
        table: (name) => {
          const table = down.table(name);
          if (!(name in MONTH_FIELD)) return table;
          return {
            ...table,
            mutate: async (request) => {
              // A transaction of an upgrade from before version 26 has no digests to keep right.
              if (!inScope(request.trans, REPORT_MONTHS_TABLE)) return table.mutate(request);
              const zone = currentZone();
              const below: Below = { table: (other) => zoned(down.table(other), zone), trans: request.trans };
              const months = below.table(REPORT_MONTHS_TABLE);
              const touched: Touched =
                request.type === 'deleteRange'
                  ? 'every'
                  : await inZone(zone, () => monthsTouched(below, name, request));
              const result = await below.table(name).mutate(request);
              if (touched === 'every') {
                await months.mutate({ type: 'deleteRange', trans: request.trans, range: everything });
                await months.mutate({
                  type: 'put',
                  trans: request.trans,
                  values: [{ month: EVERY_MONTH, stamp: newStamp() }],
                });
              } else if (touched.size > 0)
                await months.mutate({
                  type: 'put',
                  trans: request.trans,
                  values: [...touched].map((month) => ({ month, stamp: newStamp() })),
                });
              return result;
            },
          };
        },
      };
    },
  };
}
