import Dexie from 'dexie';
import { isStorageFullError } from '../../domain/storage-full';
import { getDb, getStrictDb, TABLE_NAMES, type TableName } from '../db';
import { ensureRoomFor, storedSizeOf } from '../storage';
import { BackupError, DiskFullError, RestoreWriteError, SafetyCopyError } from './errors';
import { emptyCounts, type TableCounts } from './format';
import { buildDocument, countCurrentRecords } from './make-backup';
import { contentCounts, type OpenedBackup, openBackup } from './open-backup';
import type { ProgressListener } from './progress';
import { pruneSafetyCopies, saveSafetyCopy } from './safety';
import type { BackupTables } from './schemas';
import { streamRecords } from './stream-reader';

// Restoring a backup. The order is the whole point:
//   1. decrypt, decompress, parse, migrate and check every record — nothing has changed yet (open-backup.ts);
//   2. keep a safety copy of the current records (another IndexedDB database) — still nothing changed;
//   3. replace every table in ONE read-write transaction: all of it lands, or none of it does.
// A current backup is not kept in memory as records between 1 and 3: step 3 reads the same checked
// bytes again, a batch at a time, so the records are never all in memory at once.

const RECORDS_PER_WRITE = 10_000;
/** Writes kept in flight at once: enough to keep IndexedDB busy, few enough to bound the memory. */
const WRITES_IN_FLIGHT = 2;

/**
 * The order the tables are emptied in. Some records carry a summary of others (docs/data-model.md,
 * schema version 12), kept right in the same transaction: emptying a table rewrites the records that
 * summarise it. So the tables that hold summaries go first, while what they summarise is still there:
 * milestones, action items and people, then goals (pairs and goals summarise each other; emptying the
 * goals first rewrites only the pairs that had one), then the rest, which then rewrites nothing.
 */
export const CLEAR_ORDER: readonly TableName[] = (() => {
  const first: TableName[] = ['milestones', 'actionItems', 'people', 'goals'];
  return [...first, ...TABLE_NAMES.filter((name) => !first.includes(name))];
})();

interface Batch {
  table: TableName;
  records: unknown[];
}

/** The checked records as batches of one table each, at most RECORDS_PER_WRITE long. */
function* batchesOf(tables: BackupTables): Generator<Batch> {
  for (const table of TABLE_NAMES) {
    const records: readonly unknown[] = tables[table];
    for (let start = 0; start < records.length; start += RECORDS_PER_WRITE)
      yield { table, records: records.slice(start, start + RECORDS_PER_WRITE) };
  }
}

/**
 * Reads the (already checked) document again, in batches of one table each, about RECORDS_PER_WRITE
 * long. The counts are checked once more at the end, so a surprise here fails the transaction.
 */
function documentBatches(gzipped: Uint8Array, counts: TableCounts): () => Promise<Batch | null> {
  const events = streamRecords(gzipped, { verify: false });
  let pending: Batch | null = null;
  let ended = false;
  const written = emptyCounts();
  return async () => {
    let batch: Batch | null = pending;
    pending = null;
    while (!ended && (batch === null || batch.records.length < RECORDS_PER_WRITE)) {
      const next = await events.next();
      if (next.done) {
        ended = true;
        break;
      }
      const event = next.value;
      if (event.type === 'header') continue;
      written[event.table] += event.records.length;
      if (batch === null) batch = { table: event.table, records: event.records };
      else if (batch.table === event.table) for (const record of event.records) batch.records.push(record);
      else {
        pending = { table: event.table, records: event.records };
        break;
      }
    }
    if (batch === null && ended && TABLE_NAMES.some((table) => written[table] !== counts[table]))
      throw new Error('The backup read differently the second time.');
    return batch;
  };
}

/** Clears and refills every table in one read-write transaction: if anything fails, nothing changes. */
export async function replaceAllTables(opened: OpenedBackup, onProgress?: ProgressListener): Promise<void> {
  // Strict: "Done" must mean the restored records are on the disk, not only handed to the system.
  const db = getStrictDb();
  const { content } = opened;
  const counts = contentCounts(content);
  const total = TABLE_NAMES.reduce((sum, name) => sum + counts[name], 0);
  let done = 0;
  onProgress?.({ phase: 'replacing', done, total });
  await db.transaction(
    'rw',
    // The meetings' notes are split off into their own table as the meetings are written (meeting-notes.ts),
    // and emptied with them.
    [...TABLE_NAMES.map((name) => db.table(name)), db.meetingNotes],
    async () => {
      for (const name of CLEAR_ORDER) await db.table(name).clear();
      let nextBatch: () => Promise<Batch | null>;
      if (content.kind === 'document') {
        const read = documentBatches(content.gzipped, counts);
        // Decompressing is not IndexedDB work: Dexie keeps the transaction open while it runs.
        nextBatch = () => Dexie.waitFor(Dexie.ignoreTransaction(read));
      } else {
        const batches = batchesOf(content.tables);
        nextBatch = async () => batches.next().value ?? null;
      }
      const inFlight: Promise<void>[] = [];
      for (;;) {
        // The next batch is read while IndexedDB stores the ones in flight.
        const batch = await nextBatch();
        if (batch === null) break;
        const size = batch.records.length;
        const write = db
          .table(batch.table)
          .bulkAdd(batch.records)
          .then(() => {
            done += size;
            onProgress?.({ phase: 'replacing', done, total });
          });
        // Awaited below; this only keeps a second failure from being reported as unhandled.
        write.catch(() => undefined);
        inFlight.push(write);
        if (inFlight.length >= WRITES_IN_FLIGHT) await inFlight.shift();
      }
      await Promise.all(inFlight);
    },
  );
}

export interface RestoreOptions {
  onProgress?: ProgressListener;
  now?: Date;
}

export interface RestoreOutcome {
  /** The safety copy of the records that were replaced (see listSafetyCopies); null if there were none. */
  safetyCopyId: number | null;
  counts: TableCounts;
}

/** Keeps the current records as a safety copy; an empty database has nothing to keep. */
async function keepSafetyCopy(now: Date, onProgress?: ProgressListener): Promise<number | null> {
  const current = await countCurrentRecords();
  if (TABLE_NAMES.every((name) => current[name] === 0)) return null;
  const { header, bytes } = await buildDocument(
    now,
    { passphrase: null, scryptWorkFactor: 0 },
    (progress) => onProgress?.({ ...progress, phase: 'safety-copy' }),
    undefined,
    false,
  );
  return saveSafetyCopy(getDb().name, {
    createdAt: now.toISOString(),
    reason: 'before-restore',
    header,
    document: bytes,
  });
}

/** A low bound of what the restored records take once stored: a gzipped backup holds about six times its size. */
function restoredSizeOf(opened: OpenedBackup): number {
  const { content } = opened;
  if (content.kind === 'document') return content.gzipped.length * 6;
  return storedSizeOf(Object.values(content.tables).flat()) / 3;
}

/** Replaces every record with the backup's, after keeping a safety copy of the current ones. */
export async function restoreBackup(
  opened: OpenedBackup,
  options: RestoreOptions = {},
): Promise<RestoreOutcome> {
  // Refused in words before anything is written when the backup clearly cannot fit beside the records.
  await ensureRoomFor(restoredSizeOf(opened), 'restore this backup');
  let safetyCopyId: number | null;
  try {
    safetyCopyId = await keepSafetyCopy(options.now ?? new Date(), options.onProgress);
  } catch (error) {
    throw isStorageFullError(error) ? new DiskFullError() : new SafetyCopyError(error);
  }
  try {
    await replaceAllTables(opened, options.onProgress);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // IndexedDB rolled the whole transaction back: nothing was changed, and the message says so.
    throw isStorageFullError(error) ? new DiskFullError() : new RestoreWriteError(error);
  }
  // Only now may old safety copies go: a failed restore keeps every one, including the one it put back.
  await pruneSafetyCopies(getDb().name, options.now ?? new Date()).catch(() => undefined);
  return { safetyCopyId, counts: contentCounts(opened.content) };
}

/** Opens and restores a file in one call (the screen does it in two steps, to show what it holds). */
export async function restoreBackupFile(
  file: Uint8Array,
  passphrase: string,
  options: RestoreOptions = {},
): Promise<RestoreOutcome> {
  const opened = await openBackup(file, passphrase, options);
  return restoreBackup(opened, options);
}
