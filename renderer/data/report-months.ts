import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { ReportActionItem, ReportMeeting } from '../domain/reports/report-data';
import type { IsoDate } from '../domain/types';
import { currentZone, inScope, inZone, zoned } from './summary-fields';

// Schema version 26: what a report counts of each calendar month's meetings, action items and
// questionnaire responses, kept as one record a month (a "month digest"), so that a report over a year
// reads twelve records instead of some 250,000 at a 10,000-person clinic (docs/benchmarks.md). A digest is a copy, never the record of
// anything: it is not in a backup, and it is made again from the meetings whenever it is missing.
//
// Kept right by two rules, both here:
// - every write of a meeting, an action item or a response, in whatever transaction, also marks the months it
//   touches (the day before and after an edit) as changed, in the same transaction: the middleware below
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
};

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

/** The months of the records a write is about to replace or remove (none for an add). */
async function monthsBefore(
  table: DBCoreTable,
  request: DBCoreMutateRequest,
  field: string,
): Promise<string[]> {
  let keys: unknown[] | undefined;
  if (request.type === 'delete') keys = request.keys as unknown[];
  else if (request.type === 'put')
    keys = request.keys ?? request.values.map((value) => (value as Row | undefined)?.id);
  if (!keys || keys.length === 0) return [];
  const rows = (await table.getMany({ trans: request.trans, keys })) as (Row | undefined)[];
  return rows.map((row) => monthOfDay(row?.[field])).filter((month): month is string => month !== null);
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
          down.transaction(
            hasDigests &&
              mode === 'readwrite' &&
              !stores.includes(REPORT_MONTHS_TABLE) &&
              stores.some((store) => store in MONTH_FIELD)
              ? [...stores, REPORT_MONTHS_TABLE]
              : stores,
            mode,
            options,
          ),
        table: (name) => {
          const table = down.table(name);
          const field = MONTH_FIELD[name];
          if (!field) return table;
          return {
            ...table,
            mutate: async (request) => {
              // A transaction of an upgrade from before version 26 has no digests to keep right.
              if (!inScope(request.trans, REPORT_MONTHS_TABLE)) return table.mutate(request);
              const zone = currentZone();
              const below = zoned(table, zone);
              const months = zoned(down.table(REPORT_MONTHS_TABLE), zone);
              if (request.type === 'deleteRange') {
                const result = await below.mutate(request);
                await months.mutate({ type: 'deleteRange', trans: request.trans, range: everything });
                await months.mutate({
                  type: 'put',
                  trans: request.trans,
                  values: [{ month: EVERY_MONTH, stamp: newStamp() }],
                });
                return result;
              }
              const touched = new Set(await inZone(zone, () => monthsBefore(below, request, field)));
              if (request.type === 'add' || request.type === 'put')
                for (const value of request.values) {
                  const month = monthOfDay((value as Row | undefined)?.[field]);
                  if (month) touched.add(month);
                }
              const result = await below.mutate(request);
              if (touched.size > 0)
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
