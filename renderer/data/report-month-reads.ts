import type { ReportMeeting } from '../domain/reports/report-data';
import type { ActionItem, IsoDate } from '../domain/types';
import { CURRENT_SCHEMA_VERSION, type GuidingHandsDb, type StoredMeeting } from './db';
import {
  type DigestActionItem,
  EVERY_MONTH,
  MONTH_DIGEST_FORMAT,
  type MonthDigest,
  newStamp,
} from './report-months';
import { reportActionItem, reportMeeting, type SharedValues } from './report-records';

// A report's reads of one calendar month's meetings, action items and responses: from the month's digest where one
// is kept and current, else from the records (the whole month, so that what is counted can be kept as the
// month's digest for the next report). See report-months.ts for how digests are kept right.

/** A month counted from its records, to be saved as its digest if nothing changed it meanwhile. */
export interface UnsavedDigest {
  month: string;
  /** The month's stamp when its records were read (null: no record of the month yet). */
  stamp: string | null;
  digest: MonthDigest;
}

export interface UnsavedDigests {
  /** The stamp of EVERY_MONTH when the months were read (null: none yet). */
  everyMonthStamp: string | null;
  months: UnsavedDigest[];
}

export interface MonthRead {
  /** The meetings within the span, as a report counts them, in day-then-id order. */
  meetings: ReportMeeting[];
  /** The action items whose meeting's day is within the span, in the same order. */
  actionItems: DigestActionItem[];
  /** The responses answered within the span, as stored (sealed answers still sealed), in day-then-id order. */
  responses: Record<string, unknown>[];
  /** Set when the month was counted from its records and digests are in use. */
  unsaved?: UnsavedDigest;
}

/** A digest made by this schema version and digest format (any other is made again). */
export function isCurrentDigest(digest: MonthDigest | undefined): digest is MonthDigest {
  return digest?.schemaVersion === CURRENT_SCHEMA_VERSION && digest.format === MONTH_DIGEST_FORMAT;
}

/**
 * The meetings and action items of `span` (within one calendar month), read in the caller's transaction.
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
  const kept = digests ? await db.reportMonths.get(month) : undefined;
  let digest = kept?.digest;
  let unsaved: UnsavedDigest | undefined;
  if (!isCurrentDigest(digest)) {
    digest = await countMonth(db, month, shared);
    if (digests) unsaved = { month, stamp: kept?.stamp ?? null, digest };
  }
  const within = (day: IsoDate) => day >= span.start && day <= span.end;
  const meetings: ReportMeeting[] = [];
  for (const meeting of digest.meetings)
    if (within(meeting.date))
      // A kept digest's copies hold their strings once each: the report's shared ones are taken instead.
      meetings.push(unsaved ? meeting : reportMeeting(meeting as StoredMeeting, shared));
  return {
    meetings,
    actionItems: digest.actionItems.filter((item) => within(item.meetingDate)),
    // Copies when counted from the records: the caller opens sealed answers in place, and what is saved
    // as the digest must stay as stored.
    responses: digest.responses
      .filter((response) => within(response.answeredOn as IsoDate))
      .map((response) => (unsaved ? { ...response } : response)),
    unsaved,
  };
}

/** The whole month's meetings, action items and responses as a digest holds them, read from the records. */
async function countMonth(db: GuidingHandsDb, month: string, shared: SharedValues): Promise<MonthDigest> {
  const first = `${month}-01`;
  const last = `${month}-31`;
  const [meetings, items, responses] = await Promise.all([
    // Raw: stored without their notes (schema version 23); no sealed field is opened.
    db.meetings.where('date').between(first, last, true, true).raw().toArray(),
    // The items of the month's meetings, by the date of their meeting (kept on each item); raw, so no
    // sealed text is opened, and the text is dropped at once.
    db.actionItems.where('meetingDate').between(first, last, true, true).raw().toArray(),
    // Raw: sealed answers stay sealed (the report opens them after its reads).
    db.responses.where('answeredOn').between(first, last, true, true).raw().toArray(),
  ]);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    format: MONTH_DIGEST_FORMAT,
    meetings: meetings.map((meeting) => reportMeeting(meeting, shared)),
    actionItems: items.map((item) => {
      const stored = item as ActionItem & { meetingDate: IsoDate };
      return {
        ...reportActionItem(stored, shared.string(stored.meetingId), shared),
        meetingDate: stored.meetingDate,
      };
    }),
    responses: responses as unknown as Record<string, unknown>[],
  };
}

/**
 * Saves the months counted from their records as their digests, each only if neither its stamp nor
 * EVERY_MONTH's changed since it was read (a write in between made what was counted out of date).
 */
export async function saveMonthDigests(db: GuidingHandsDb, unsaved: UnsavedDigests): Promise<void> {
  await db.transaction('rw', db.reportMonths, async () => {
    const [every, ...now] = await db.reportMonths.bulkGet([
      EVERY_MONTH,
      ...unsaved.months.map((read) => read.month),
    ]);
    if ((every?.stamp ?? null) !== unsaved.everyMonthStamp) return;
    const still = unsaved.months.filter((read, at) => (now[at]?.stamp ?? null) === read.stamp);
    if (still.length === 0) return;
    await db.reportMonths.bulkPut(
      still.map((read) => ({ month: read.month, stamp: read.stamp ?? newStamp(), digest: read.digest })),
    );
  });
}
