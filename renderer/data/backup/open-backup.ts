import { CURRENT_SCHEMA_VERSION, getDb, TABLE_NAMES } from '../db';
import { UnexpectedLayout } from './document-parts';
import { readDocument } from './document-reader';
import { decryptBackupFile } from './encryption';
import { type BackupIssue, InvalidBackupDataError, NotABackupError } from './errors';
import type { BackupHeader, TableCounts } from './format';
import { migrateTables } from './migrate';
import type { ProgressListener } from './progress';
import { getSafetyCopy, listSafetyCopies as listSafetyCopiesIn, type SafetyCopySummary } from './safety';
import type { BackupTables } from './schemas';
import { streamRecords } from './stream-reader';
import { BackupValidator, type RawTables, TablesOutOfOrder, validateTables } from './validate';

// Opening a backup: decrypt, decompress, parse, migrate and check every record. Nothing changes here;
// what it returns is shown to the manager and handed to restoreBackup.

function countRecords(tables: RawTables): TableCounts {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, tables[name].length])) as TableCounts;
}

/**
 * What a checked backup holds. Usually the gzipped document itself: it was read once to check every
 * record and is read again, a batch at a time, while the tables are replaced, so the records are never
 * all in memory at once. Documents read whole (re-formatted by hand, or of an older schema, migrated
 * on the way in) keep their checked records.
 */
export type CheckedContent =
  | { kind: 'document'; gzipped: Uint8Array; counts: TableCounts }
  | { kind: 'records'; tables: BackupTables };

export function contentCounts(content: CheckedContent): TableCounts {
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
 * link. A current-schema document in the app's own layout is checked record by record as it is read,
 * to the end (a damaged file is reported as damaged, not as its first odd record); anything else is
 * read whole, older schemas migrated, and checked by the same validator.
 */
async function checkDocument(
  gzipped: Uint8Array,
  onProgress?: ProgressListener,
  checks = { rules: true },
): Promise<OpenedBackup> {
  try {
    const validator = new BackupValidator(checks);
    let header: BackupHeader | null = null;
    for await (const event of streamRecords(gzipped, { verify: true, onProgress })) {
      if (event.type === 'header') {
        header = event.header;
        if (header.schemaVersion !== CURRENT_SCHEMA_VERSION) throw new ReadWhole();
        continue;
      }
      for (const record of event.records) validator.check(event.table, record);
    }
    if (header === null) throw new ReadWhole();
    validator.finish();
    throwIfInvalid(validator, header);
    return { header, content: { kind: 'document', gzipped, counts: header.counts } };
  } catch (error) {
    if (
      !(error instanceof ReadWhole || error instanceof UnexpectedLayout || error instanceof TablesOutOfOrder)
    )
      throw error;
  }
  const document = await readDocument(gzipped, onProgress);
  try {
    const tables = validateTables(migrateTables(document.tables, document.header.schemaVersion), checks);
    return { header: document.header, content: { kind: 'records', tables } };
  } catch (error) {
    if (error instanceof InvalidBackupDataError) error.header = document.header;
    throw error;
  }
}

/** The broken rules, with what the backup says of itself, so a check can still show clinic and date. */
function throwIfInvalid(validator: BackupValidator, header: BackupHeader): void {
  if (validator.valid) return;
  const error = new InvalidBackupDataError(validator.issues, validator.totalIssues);
  error.header = header;
  throw error;
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

/** What "Check a backup file" found: what the backup holds, and the records that break a rule. */
export interface BackupCheck {
  header: BackupHeader;
  problems: BackupIssue[];
  problemCount: number;
}

/**
 * Decrypts and checks a backup exactly as a restore would, and changes nothing. A file that cannot be
 * read at all (wrong passphrase, damaged, not a backup) throws its BackupError as openBackup does.
 */
export async function checkBackupFile(
  file: Uint8Array,
  passphrase: string,
  options: OpenOptions = {},
): Promise<BackupCheck> {
  try {
    const opened = await openBackup(file, passphrase, options);
    return { header: opened.header, problems: [], problemCount: 0 };
  } catch (error) {
    if (!(error instanceof InvalidBackupDataError) || error.header === null) throw error;
    return { header: error.header, problems: error.issues, problemCount: error.totalIssues };
  }
}

/** The safety copies kept before earlier restores, newest first. */
export function listSafetyCopies(): Promise<SafetyCopySummary[]> {
  return listSafetyCopiesIn(getDb().name);
}

/** Opens a safety copy kept before an earlier restore. */
export async function openSafetyCopy(id: number, options: OpenOptions = {}): Promise<OpenedBackup> {
  const copy = await getSafetyCopy(getDb().name, id);
  if (!copy) throw new NotABackupError('this safety copy no longer exists.');
  // The records as they were before a restore go back as they were, even any a newer rule would refuse.
  return checkDocument(copy.document, options.onProgress, { rules: false });
}
