import Dexie from 'dexie';
import { version } from '../../../package.json';
import { type BackupKind, recordBackupMade } from '../backup-history.repo';
import { CURRENT_SCHEMA_VERSION, DERIVED_FIELDS, getDb, TABLE_NAMES } from '../db';
import { openRecordsInBulk, type UnopenedListener } from '../lock/bulk-crypto';
import { createPageOpener, type PageOpener } from '../lock/open-in-worker';
import { readPath, SEALED_RECORD_FIELD } from '../lock/seal';
import { sealedPathsOf } from '../lock/sealed-fields';
import { type UnreadableMark, unreadableFields } from '../lock/sealing';
import { hasLock } from '../lock/session';
import { DocumentWriter } from './document-writer';
import { DEFAULT_SCRYPT_WORK_FACTOR, encryptBytes } from './encryption';
import { type BackupIssue, NotABackupError } from './errors';
import {
  autoBackupFileName,
  BACKUP_FORMAT_NAME,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  backupFileName,
  type TableCounts,
} from './format';
import { createInlineSink, createWorkerSink, type PipelineOptions } from './pipeline';
import type { ProgressListener } from './progress';
import { getSafetyCopy } from './safety';
import { BackupValidator } from './validate';

// Making a backup: every table read in one transaction and written out as the document, page by page,
// through the hash, gzip and encryption pipeline. A safety copy is the same document without encryption.

export const APP_VERSION: string = version;

export interface MakeBackupOptions {
  passphrase: string;
  /** When the backup is made; also names the file. */
  now?: Date;
  onProgress?: ProgressListener;
  /** Tests only: a low scrypt work factor keeps them fast. The app always uses the age default. */
  scryptWorkFactor?: number;
  /** Benchmarks only: how sealed notes are opened (the app opens them in bulk, in a worker where one starts). */
  openSealed?: SealedReading;
}

/**
 * How a backup opens the notes the clinic lock sealed. Both bulk ways read raw pages and write a page out
 * once its values are open, while the next pages are read. 'worker' (the app's) hands each page's values,
 * packed into one buffer, to a worker that makes the WebCrypto call of each and sends the plaintexts back
 * packed, parsed here in one go (open-in-worker.ts): the window's thread pays for a copy and a parse a
 * page, not for a call, a promise and a buffer a value. 'page' makes those calls in the page itself (where
 * no worker starts, 'worker' does the same). 'reading-hook' lets the database layer open each record as it
 * is read (synchronous AES-GCM in JavaScript). Measured side by side in docs/benchmarks.md.
 */
export type SealedReading = 'page' | 'worker' | 'reading-hook';

/** Opens, in place, the sealed fields of a page of raw records (openRecordsInBulk, or a worker's). */
type PageOpening = (table: string, records: Row[], onUnopened: UnopenedListener) => Promise<void>;

type Row = Record<string, unknown>;

/**
 * The page of meetings given their notes, as the document carries them (docs/backup-format.md: a meeting
 * record holds its notes). The notes are stored apart (schema version 23) under the same ids: the page's
 * id range of meetingNotes is read, in the same transaction. `raw`: read past the reading hook and opened
 * here in bulk; otherwise the reading hook opened them. A note that does
 * not open is named to `onUnopened` against its meeting. Returns once the read is done; the returned
 * promise (`opening`) settles once every note is open and in its meeting.
 */
async function readNotesOfPage(
  db: ReturnType<typeof getDb>,
  page: Row[],
  raw: boolean,
  onUnopened: (record: Row, path: string) => void,
  openPage: PageOpening = openRecordsInBulk,
): Promise<{ opening: Promise<void> }> {
  const first = page[0]?.id as string;
  const last = page[page.length - 1]?.id as string;
  const range = db.meetingNotes.where(':id').between(first, last, true, true);
  const notes = (raw ? await range.raw().toArray() : await range.toArray()) as unknown as Row[];
  const meetingOf = new Map(page.map((meeting) => [meeting.id, meeting]));
  const noteOf = new Map<Row, Row>();
  for (const note of notes) {
    const meeting = meetingOf.get(note.id);
    if (meeting) noteOf.set(note, meeting);
  }
  const unopened = (note: Row, path: string) => {
    const meeting = noteOf.get(note);
    if (meeting) onUnopened(meeting, path);
  };
  const join = () => {
    for (const [note, meeting] of noteOf) meeting.notes = note.notes;
    // A meeting whose note is missing (never in a sound database) is caught by the record checks.
  };
  if (!raw) {
    for (const note of notes) {
      for (const path of unreadableFields(note)) unopened(note, path);
      delete (note as UnreadableMark).$unreadable;
    }
    join();
    return { opening: Promise.resolve() };
  }
  const opening = openPage('meetingNotes', notes, unopened).then(join);
  return { opening };
}

export interface MadeBackup {
  /** The encrypted file's bytes, ready to be saved. */
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  /** The name stem for an automatic backup (the main process adds the time). */
  autoFileName: string;
  header: BackupHeader;
  /** The first records that break a rule (table, record, why); empty for a sound backup. */
  problems: BackupIssue[];
  problemCount: number;
}

/** How many records each table holds now (shown before a restore replaces them). */
export async function countCurrentRecords(): Promise<TableCounts> {
  const db = getDb();
  const counts = await Promise.all(TABLE_NAMES.map((name) => db.table(name).count()));
  return Object.fromEntries(TABLE_NAMES.map((name, index) => [name, counts[index]])) as TableCounts;
}

const RECORDS_PER_PAGE = 2000;
/** Bytes written but not yet compressed before reading pauses: bounds memory when gzip lags. */
const MAX_BYTES_IN_FLIGHT = 8 * 1024 * 1024;
/** Pages read but not yet written out (their notes still being opened) before reading pauses. */
const MAX_PAGES_IN_FLIGHT = 3;

/**
 * The current records as a gzipped backup document (the plaintext of a backup file). Everything is
 * read in ONE read transaction, so the backup is a consistent picture of one moment, a page of
 * records at a time, each page written out and hashed in order while the next ones are read (and,
 * with the clinic lock, while their sealed values are opened): memory stays near a few pages plus the
 * compressed output, not the whole clinic.
 */
export async function buildDocument(
  now: Date,
  pipeline: PipelineOptions,
  onProgress?: ProgressListener,
  needsRepair?: BackupHeader['needsRepair'],
  check = true,
  openSealed: SealedReading = 'worker',
): Promise<{ header: BackupHeader; bytes: Uint8Array; validator: BackupValidator }> {
  // Every record passes the same checks a restore applies, as it is written (a safety copy is
  // opened without the rules, so it is written without any check).
  const validator = new BackupValidator();
  const db = getDb();
  const tables = TABLE_NAMES.map((name) => db.table(name));
  // With the clinic lock, tables with sealed fields are read raw and their pages opened in bulk: the
  // backup holds the notes in the clear inside its encryption, as docs/backup-format.md says. The opener
  // starts first: locked, it throws before the pipeline's worker (which holds the passphrase) starts.
  const bulk = openSealed !== 'reading-hook' && hasLock();
  const opener: PageOpener | null = bulk && openSealed === 'worker' ? await createPageOpener() : null;
  const openPage: PageOpening = opener ? opener.open : openRecordsInBulk;
  const sink = await createWorkerSink(pipeline)
    .then((started) => started ?? createInlineSink(pipeline))
    .catch((error: unknown) => {
      opener?.close();
      throw error;
    });
  const writer = new DocumentWriter(sink);
  // The writing out, page after page in the document's order, runs behind the reading: a page is
  // written once its notes are open, while the transaction reads the next ones.
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const then = (step: () => void | Promise<void>): Promise<void> => {
    writing = writing.then(step);
    writing.catch((error: unknown) => {
      failure ??= { error };
    });
    return writing;
  };
  // A backup that fails half-way (the clinic locks while its notes are opened, a read fails) ends its
  // pipeline as a finished one does, once the pages already on their way are through: no worker is left
  // running with the records written so far.
  const abandon = (error: unknown): never => {
    opener?.close();
    void writing
      .catch(() => undefined)
      .then(() => sink.finish())
      .catch(() => undefined);
    throw error;
  };
  // The meetings' notes are read with them, from their own table (schema version 23).
  const reading = db.transaction('r', [...tables, db.meetingNotes], async () => {
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
      ...(needsRepair ? { needsRepair } : {}),
    };
    const total = sizes.reduce((sum, size) => sum + size, 0);
    let done = 0;
    const pagesInFlight: Promise<void>[] = [];
    writer.start(header);
    for (const [index, name] of TABLE_NAMES.entries()) {
      const table = tables[index];
      const keyPath = table.schema.primKey.keyPath as string;
      then(() => writer.openTable(name));
      const joinsNotes = name === 'meetings';
      const raw = bulk && (sealedPathsOf(name).length > 0 || joinsNotes);
      let lastKey: unknown;
      let read = 0;
      for (;;) {
        if (failure) throw failure.error;
        const collection = read === 0 ? table.toCollection() : table.where(':id').above(lastKey);
        const limited = collection.limit(RECORDS_PER_PAGE);
        const page: Record<string, unknown>[] = raw ? await limited.raw().toArray() : await limited.toArray();
        if (page.length === 0) break;
        read += page.length;
        lastKey = page[page.length - 1][keyPath];
        // A sealed value that does not open (damaged, or copied from another record) does not stop the
        // backup: the field is left out (the empty value of its kind) and the record named as a problem,
        // so the backup is marked "needs repair" (see docs/backup-format.md).
        const unopened = new Map<Record<string, unknown>, string[]>();
        let opening: Promise<void> | null = null;
        const unopenedField = (record: Record<string, unknown>, path: string) =>
          unopened.set(record, [...(unopened.get(record) ?? []), path]);
        if (joinsNotes) {
          ({ opening } = await readNotesOfPage(db, page, raw, unopenedField, openPage));
          opening.catch(() => undefined);
        } else if (raw) {
          // A raw read skips every reading hook: the index-only fields are dropped here too.
          const derived = DERIVED_FIELDS[name] ?? [];
          if (derived.length) for (const record of page) for (const field of derived) delete record[field];
          opening = openPage(name, page, unopenedField);
          opening.catch(() => undefined);
          // Opened beside the reading (in the opener's worker, or in the page): WebCrypto is not IndexedDB
          // work. Reading goes on meanwhile (the page is written out once its values are open, at most
          // MAX_PAGES_IN_FLIGHT pages behind).
        } else {
          // Opened by the reading hook: the mark names the fields that did not open; it is never written.
          for (const record of page) {
            // Fields sealed together that did not open are named one by one, as the raw way names them: the
            // ones not stored plain (null) beside the sealed value.
            const paths = unreadableFields(record).flatMap((path) =>
              path === SEALED_RECORD_FIELD
                ? sealedPathsOf(name).filter((field) => readPath(record, field) !== null)
                : [path],
            );
            if (paths.length === 0) continue;
            unopened.set(record, paths);
            delete (record as UnreadableMark).$unreadable;
          }
        }
        const pageDone = done + page.length;
        pagesInFlight.push(
          then(async () => {
            if (opening) await opening;
            writer.addRecords(page);
            if (check)
              for (const record of page) {
                validator.check(name, record);
                for (const path of unopened.get(record) ?? [])
                  validator.unopened(name, String(record.id), path);
              }
            onProgress?.({ phase: 'writing-file', done: pageDone, total });
          }),
        );
        done = pageDone;
        // Waiting on the opening or the compressor, not on IndexedDB: Dexie keeps the transaction open.
        if (pagesInFlight.length >= MAX_PAGES_IN_FLIGHT)
          await Dexie.waitFor(pagesInFlight.shift() as Promise<void>);
        const backlog = sink.whenBelow(MAX_BYTES_IN_FLIGHT);
        if (backlog) await Dexie.waitFor(backlog);
        if (page.length < RECORDS_PER_PAGE) break;
      }
      // The transaction guarantees this; a mismatch would mean a broken database, not a broken file.
      if (read !== counts[name]) throw new Error(`The ${name} table changed while it was read.`);
      then(() => writer.closeTable());
    }
    return header;
  });
  const header = await reading.catch(abandon);
  // Every record is read; the last pages are written out after the transaction.
  await writing.catch(abandon);
  opener?.close();
  validator.finish();
  const { bytes } = await writer.finish();
  return { header, bytes, validator };
}

/**
 * Makes an encrypted backup of every table, checking every record as it is written. Saving the bytes
 * is the caller's job (see the platform API), and so is asking the manager before saving a backup whose
 * records break a rule (`problemCount` > 0): such a backup is marked "needs repair" in its header and
 * file name, and a restore refuses it until the records are repaired.
 */
export async function makeBackup(options: MakeBackupOptions): Promise<MadeBackup> {
  const now = options.now ?? new Date();
  const encryption = {
    passphrase: options.passphrase,
    scryptWorkFactor: options.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR,
  };
  const openSealed = options.openSealed ?? 'worker';
  let built = await buildDocument(now, encryption, options.onProgress, undefined, true, openSealed);
  // Rare: the header comes first in the file, so a backup found broken is written again, marked.
  if (!built.validator.valid)
    built = await buildDocument(
      now,
      encryption,
      options.onProgress,
      { problemCount: built.validator.totalIssues },
      true,
      openSealed,
    );
  const { header, validator } = built;
  // age-encryption returns a view of a plain ArrayBuffer; the IPC contract types it as such.
  const bytes = built.bytes as Uint8Array<ArrayBuffer>;
  options.onProgress?.({ phase: 'encrypting', done: 1, total: 1 });
  return {
    bytes,
    fileName: backupFileName(header.clinicName, now, header.needsRepair !== undefined),
    autoFileName: autoBackupFileName(header.clinicName),
    header,
    problems: validator.issues,
    problemCount: validator.totalIssues,
  };
}

/**
 * The document of an automatic backup: gzipped, not encrypted, the notes in the clear inside (so it can
 * only be made while the clinic is unlocked). The main process encrypts it to the clinic lock's public
 * age recipient, or (no lock) with the passphrase it keeps, which never reaches the page. Checked like any backup: one with
 * broken records is marked "needs repair" in its header (its file name stays the rotation's).
 */
export async function makeAutoBackupDocument(now: Date = new Date()): Promise<{
  bytes: Uint8Array<ArrayBuffer>;
  autoFileName: string;
  header: BackupHeader;
  problemCount: number;
}> {
  const gzipOnly = { passphrase: null, scryptWorkFactor: DEFAULT_SCRYPT_WORK_FACTOR };
  let built = await buildDocument(now, gzipOnly);
  if (!built.validator.valid)
    built = await buildDocument(now, gzipOnly, undefined, { problemCount: built.validator.totalIssues });
  return {
    bytes: built.bytes as Uint8Array<ArrayBuffer>,
    autoFileName: autoBackupFileName(built.header.clinicName),
    header: built.header,
    problemCount: built.validator.totalIssues,
  };
}

/** Records on the dashboard that a backup was saved; call it only once the file is safely written. */
export async function recordBackupSaved(when: Date = new Date(), kind: BackupKind = 'manual'): Promise<void> {
  await recordBackupMade(kind, when);
}

/** Turns a safety copy into an ordinary encrypted backup file, e.g. to keep it on a USB stick. */
export async function exportSafetyCopy(
  id: number,
  passphrase: string,
  scryptWorkFactor = DEFAULT_SCRYPT_WORK_FACTOR,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
  const copy = await getSafetyCopy(getDb().name, id);
  if (!copy) throw new NotABackupError('this safety copy no longer exists.');
  // The copy's document comes opened (a sealed copy needs the clinic unlocked).
  const bytes = (await encryptBytes(copy.document, passphrase, scryptWorkFactor)) as Uint8Array<ArrayBuffer>;
  const stem = `${copy.header.clinicName || 'Guiding Hands'} safety copy`;
  return { bytes, fileName: backupFileName(stem, new Date(copy.createdAt)) };
}
