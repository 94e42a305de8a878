import Dexie from 'dexie';
import { version } from '../../../package.json';
import { CURRENT_SCHEMA_VERSION, getDb, TABLE_NAMES, type TableName } from '../db';
import { updateSettings } from '../settings.repo';
import { DocumentWriter, readDocument, streamRecords, UnexpectedLayout } from './document';
import { DEFAULT_SCRYPT_WORK_FACTOR, decryptBackupFile, encryptBytes } from './encryption';
import { BackupError, NotABackupError, RestoreWriteError, SafetyCopyError } from './errors';
import {
  autoBackupFileName,
  BACKUP_FORMAT_NAME,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  backupFileName,
  emptyCounts,
  type TableCounts,
} from './format';
import { migrateTables } from './migrate';
import { createInlineSink, createWorkerSink, type PipelineOptions } from './pipeline';
import type { ProgressListener } from './progress';
import {
  getSafetyCopy,
  listSafetyCopies as listSafetyCopiesIn,
  pruneSafetyCopies,
  type SafetyCopySummary,
  saveSafetyCopy,
} from './safety';
import type { BackupTables } from './schemas';
import { type RawTables, RecordChecker, validateTables } from './validate';

// Making a backup and restoring one. The order of a restore is the whole point:
//   1. decrypt, decompress, parse, migrate and check every record — nothing has changed yet;
//   2. keep a safety copy of the current records (another IndexedDB database) — still nothing changed;
//   3. replace every table in ONE read-write transaction: all of it lands, or none of it does.
// A current backup is not kept in memory as records between 1 and 3: step 3 reads the same checked
// bytes again, a batch at a time, so the records are never all in memory at once.

export const APP_VERSION: string = version;

export interface MakeBackupOptions {
  passphrase: string;
  /** When the backup is made; also names the file. */
  now?: Date;
  onProgress?: ProgressListener;
  /** Tests only: a low scrypt work factor keeps them fast. The app always uses the age default. */
  scryptWorkFactor?: number;
}

export interface MadeBackup {
  /** The encrypted file's bytes, ready to be saved. */
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  /** The name stem for an automatic backup (the main process adds the time). */
  autoFileName: string;
  header: BackupHeader;
}

/** How many records each table holds now (shown before a restore replaces them). */
export async function countCurrentRecords(): Promise<TableCounts> {
  const db = getDb();
  const counts = await Promise.all(TABLE_NAMES.map((name) => db.table(name).count()));
  return Object.fromEntries(TABLE_NAMES.map((name, index) => [name, counts[index]])) as TableCounts;
}

function countRecords(tables: RawTables): TableCounts {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, tables[name].length])) as TableCounts;
}

const RECORDS_PER_PAGE = 2000;
/** Bytes written but not yet compressed before reading pauses: bounds memory when gzip lags. */
const MAX_BYTES_IN_FLIGHT = 8 * 1024 * 1024;

/**
 * The current records as a gzipped backup document (the plaintext of a backup file). Everything is
 * read in ONE read transaction, so the backup is a consistent picture of one moment, a page of
 * records at a time, each page written out and hashed before the next is read: memory stays near
 * one page plus the compressed output, not the whole clinic.
 */
async function buildDocument(
  now: Date,
  pipeline: PipelineOptions,
  onProgress?: ProgressListener,
): Promise<{ header: BackupHeader; bytes: Uint8Array }> {
  const db = getDb();
  const tables = TABLE_NAMES.map((name) => db.table(name));
  const sink = (await createWorkerSink(pipeline)) ?? createInlineSink(pipeline);
  const writer = new DocumentWriter(sink);
  const header = await db.transaction('r', tables, async () => {
    const sizes = await Promise.all(tables.map((table) => table.count()));
    const counts = Object.fromEntries(TABLE_NAMES.map((name, index) => [name, sizes[index]])) as TableCounts;
    const settings = await db.settings.get('clinic');
    const header: BackupHeader = {
      format: BACKUP_FORMAT_NAME,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: APP_VERSION,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt: now.toISOString(),
      clinicName: typeof settings?.clinicName === 'string' ? settings.clinicName : '',
      counts,
    };
    const total = sizes.reduce((sum, size) => sum + size, 0);
    let done = 0;
    writer.start(header);
    for (const [index, name] of TABLE_NAMES.entries()) {
      const table = tables[index];
      const keyPath = table.schema.primKey.keyPath as string;
      writer.openTable(name);
      let lastKey: unknown;
      let written = 0;
      for (;;) {
        const page: Record<string, unknown>[] =
          written === 0
            ? await table.toCollection().limit(RECORDS_PER_PAGE).toArray()
            : await table.where(':id').above(lastKey).limit(RECORDS_PER_PAGE).toArray();
        if (page.length === 0) break;
        writer.addRecords(page);
        const backlog = sink.whenBelow(MAX_BYTES_IN_FLIGHT);
        // Waiting on the compressor, not on IndexedDB: Dexie keeps the transaction open meanwhile.
        if (backlog) await Dexie.waitFor(backlog);
        written += page.length;
        done += page.length;
        lastKey = page[page.length - 1][keyPath];
        onProgress?.({ phase: 'writing-file', done, total });
        if (page.length < RECORDS_PER_PAGE) break;
      }
      // The transaction guarantees this; a mismatch would mean a broken database, not a broken file.
      if (written !== counts[name]) throw new Error(`The ${name} table changed while it was read.`);
      writer.closeTable();
    }
    return header;
  });
  const { bytes } = await writer.finish();
  return { header, bytes };
}

/** Makes an encrypted backup of every table. Saving the bytes is the caller's job (see the platform API). */
export async function makeBackup(options: MakeBackupOptions): Promise<MadeBackup> {
  const now = options.now ?? new Date();
  const encryption = {
    passphrase: options.passphrase,
    scryptWorkFactor: options.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR,
  };
  const built = await buildDocument(now, encryption, options.onProgress);
  const { header } = built;
  // age-encryption returns a view of a plain ArrayBuffer; the IPC contract types it as such.
  const bytes = built.bytes as Uint8Array<ArrayBuffer>;
  options.onProgress?.({ phase: 'encrypting', done: 1, total: 1 });
  return {
    bytes,
    fileName: backupFileName(header.clinicName, now),
    autoFileName: autoBackupFileName(header.clinicName),
    header,
  };
}

/** Records on the dashboard that a backup was saved; call it only once the file is safely written. */
export async function recordBackupSaved(when: Date = new Date()): Promise<void> {
  await updateSettings({ lastBackupAt: when.toISOString() });
}

/**
 * What a checked backup holds. Usually the gzipped document itself: it was read once to check every
 * record and is read again, a batch at a time, while the tables are replaced, so the records are never
 * all in memory at once. Documents read whole (re-formatted by hand, or of an older schema, migrated
 * on the way in) keep their checked records.
 */
type CheckedContent =
  | { kind: 'document'; gzipped: Uint8Array; counts: TableCounts }
  | { kind: 'records'; tables: BackupTables };

function contentCounts(content: CheckedContent): TableCounts {
  return content.kind === 'document' ? content.counts : countRecords(content.tables as unknown as RawTables);
}

/** A backup that has been decrypted and fully checked, ready to be shown and then restored. */
export interface OpenedBackup {
  header: BackupHeader;
  /** For restoreBackup only. */
  readonly content: CheckedContent;
}

export interface OpenOptions {
  onProgress?: ProgressListener;
}

/** Raised while reading a document when it must be read whole instead (see checkDocument). */
class ReadWhole extends Error {}

/**
 * Checks a gzipped document completely: layout, version, counts, checksum, every record and every
 * link. A current-schema document in the app's own layout is checked record by record as it is read;
 * anything else — or any problem — sends it to the whole-document path, which migrates older schemas
 * and names the records that break a rule.
 */
async function checkDocument(gzipped: Uint8Array, onProgress?: ProgressListener): Promise<OpenedBackup> {
  try {
    const checker = new RecordChecker();
    let header: BackupHeader | null = null;
    for await (const event of streamRecords(gzipped, { verify: true, onProgress })) {
      if (event.type === 'header') {
        header = event.header;
        if (header.schemaVersion !== CURRENT_SCHEMA_VERSION) throw new ReadWhole();
        continue;
      }
      for (const record of event.records) if (!checker.check(event.table, record)) throw new ReadWhole();
    }
    if (header === null || !checker.finish()) throw new ReadWhole();
    return { header, content: { kind: 'document', gzipped, counts: header.counts } };
  } catch (error) {
    if (!(error instanceof ReadWhole || error instanceof UnexpectedLayout)) throw error;
  }
  const document = await readDocument(gzipped, onProgress);
  const tables = validateTables(migrateTables(document.tables, document.header.schemaVersion));
  return { header: document.header, content: { kind: 'records', tables } };
}

/**
 * Decrypts and checks a backup file completely; changes nothing. Throws a BackupError subclass for
 * each kind of failure (empty, not a backup, wrong passphrase, damaged, newer version, invalid data).
 */
export async function openBackup(
  file: Uint8Array,
  passphrase: string,
  options: OpenOptions = {},
): Promise<OpenedBackup> {
  options.onProgress?.({ phase: 'decrypting', done: 0, total: 1 });
  const gzipped = await decryptBackupFile(file, passphrase);
  options.onProgress?.({ phase: 'decrypting', done: 1, total: 1 });
  return checkDocument(gzipped, options.onProgress);
}

/** The safety copies kept before earlier restores, newest first. */
export function listSafetyCopies(): Promise<SafetyCopySummary[]> {
  return listSafetyCopiesIn(getDb().name);
}

/** Opens a safety copy kept before an earlier restore. */
export async function openSafetyCopy(id: number, options: OpenOptions = {}): Promise<OpenedBackup> {
  const copy = await getSafetyCopy(getDb().name, id);
  if (!copy) throw new NotABackupError('this safety copy no longer exists.');
  return checkDocument(copy.document, options.onProgress);
}

/** Turns a safety copy into an ordinary encrypted backup file, e.g. to keep it on a USB stick. */
export async function exportSafetyCopy(
  id: number,
  passphrase: string,
  scryptWorkFactor = DEFAULT_SCRYPT_WORK_FACTOR,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
  const copy = await getSafetyCopy(getDb().name, id);
  if (!copy) throw new NotABackupError('this safety copy no longer exists.');
  const bytes = (await encryptBytes(copy.document, passphrase, scryptWorkFactor)) as Uint8Array<ArrayBuffer>;
  const stem = `${copy.header.clinicName || 'Guiding Hands'} safety copy`;
  return { bytes, fileName: backupFileName(stem, new Date(copy.createdAt)) };
}

const RECORDS_PER_WRITE = 10_000;
/** Writes kept in flight at once: enough to keep IndexedDB busy, few enough to bound the memory. */
const WRITES_IN_FLIGHT = 2;

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
  const db = getDb();
  const { content } = opened;
  const counts = contentCounts(content);
  const total = TABLE_NAMES.reduce((sum, name) => sum + counts[name], 0);
  let done = 0;
  onProgress?.({ phase: 'replacing', done, total });
  await db.transaction(
    'rw',
    TABLE_NAMES.map((name) => db.table(name)),
    async () => {
      for (const name of TABLE_NAMES) await db.table(name).clear();
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
  const { header, bytes } = await buildDocument(now, { passphrase: null, scryptWorkFactor: 0 }, (progress) =>
    onProgress?.({ ...progress, phase: 'safety-copy' }),
  );
  return saveSafetyCopy(getDb().name, {
    createdAt: now.toISOString(),
    reason: 'before-restore',
    header,
    document: bytes,
  });
}

/** Replaces every record with the backup's, after keeping a safety copy of the current ones. */
export async function restoreBackup(
  opened: OpenedBackup,
  options: RestoreOptions = {},
): Promise<RestoreOutcome> {
  let safetyCopyId: number | null;
  try {
    safetyCopyId = await keepSafetyCopy(options.now ?? new Date(), options.onProgress);
  } catch (error) {
    throw new SafetyCopyError(error);
  }
  try {
    await replaceAllTables(opened, options.onProgress);
  } catch (error) {
    throw error instanceof BackupError ? error : new RestoreWriteError(error);
  }
  // Only now may old safety copies go: a failed restore keeps every one, including the one it put back.
  await pruneSafetyCopies(getDb().name).catch(() => undefined);
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
