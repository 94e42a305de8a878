import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, tablesOfSchema } from '../db';
import { DamagedBackupError, NewerBackupVersionError, NotABackupError } from './errors';
import { BACKUP_FORMAT_NAME, BACKUP_FORMAT_VERSION, type BackupHeader, type TableCounts } from './format';

// What both ways of reading a document share: decompressing, the header check, the counts check.

export const TABLES_OPENING = '"tables":{';

/** The counts of every table the backup's schema has; a table newer than the backup holds none. */
function countsOf(value: unknown, schemaVersion: number): TableCounts | null {
  if (typeof value !== 'object' || value === null) return null;
  const counts = value as Record<string, unknown>;
  const present = tablesOfSchema(schemaVersion);
  if (!present.every((table) => Number.isInteger(counts[table]) && (counts[table] as number) >= 0))
    return null;
  return Object.fromEntries(
    TABLE_NAMES.map((table) => [table, present.includes(table) ? counts[table] : 0]),
  ) as TableCounts;
}

function needsRepairOf(value: unknown): Pick<BackupHeader, 'needsRepair'> {
  if (typeof value !== 'object' || value === null) return {};
  const count = (value as { problemCount?: unknown }).problemCount;
  return Number.isInteger(count) ? { needsRepair: { problemCount: count as number } } : {};
}

/** Checks the fields before the tables; refuses foreign and newer documents before reading further. */
export function checkHeader(value: unknown): BackupHeader {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new NotABackupError('it does not hold a Guiding Hands backup document.');
  const header = value as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT_NAME)
    throw new NotABackupError('it does not hold a Guiding Hands backup document.');
  const formatVersion = header.formatVersion;
  const schemaVersion = header.schemaVersion;
  if (!Number.isInteger(formatVersion) || !Number.isInteger(schemaVersion))
    throw new DamagedBackupError('its version numbers are missing');
  if ((formatVersion as number) > BACKUP_FORMAT_VERSION || (schemaVersion as number) > CURRENT_SCHEMA_VERSION)
    throw new NewerBackupVersionError(formatVersion as number, schemaVersion as number);
  if ((formatVersion as number) < 1 || (schemaVersion as number) < 1)
    throw new DamagedBackupError('its version numbers are not valid');
  const counts = countsOf(header.counts, schemaVersion as number);
  if (
    typeof header.appVersion !== 'string' ||
    typeof header.createdAt !== 'string' ||
    typeof header.clinicName !== 'string' ||
    counts === null
  )
    throw new DamagedBackupError('its description (clinic, date, counts) is incomplete');
  return {
    format: BACKUP_FORMAT_NAME,
    formatVersion: formatVersion as number,
    appVersion: header.appVersion,
    schemaVersion: schemaVersion as number,
    createdAt: header.createdAt,
    clinicName: header.clinicName,
    counts,
    ...needsRepairOf(header.needsRepair),
  };
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DamagedBackupError(`${what} is not valid JSON`);
  }
}

/** The decompressed bytes of a gzip member, read a chunk at a time. */
export interface Decompression {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  /**
   * Gives up the rest of the work: the reader is let go, and the input side aborted where input is still
   * being fed; a decompressor whose input is all in is left paused (nobody reads it) to the garbage
   * collector. The output side is never cancelled: a cancelled output can still be handed data the
   * decompressor had already made, which some stream implementations then fail to write into a closed
   * stream, with an error nobody can catch.
   */
  stop(): void;
}

export function gunzip(gzipped: Uint8Array): Decompression {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(gzipped);
      controller.close();
    },
  });
  const abort = new AbortController();
  const reader = source
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>, {
      signal: abort.signal,
    })
    .getReader();
  return {
    read: () => reader.read(),
    stop() {
      abort.abort();
      reader.releaseLock();
    },
  };
}

/** The layout was not the one this app writes (e.g. the JSON was re-formatted): read it whole instead. */
export class UnexpectedLayout extends Error {}

export function checkCounts(header: BackupHeader, counted: TableCounts): void {
  for (const table of TABLE_NAMES)
    if (counted[table] !== header.counts[table])
      throw new DamagedBackupError(
        `the ${table} table holds ${counted[table]} records where its description says ${header.counts[table]}`,
      );
}

/** Deeper than any record of a backup nests, yet far from what would overflow the stack later. */
export const MAX_NESTING_DEPTH = 16;
/** One line of the app's layout is one record: none is anywhere near this long. */
export const MAX_LINE_BYTES = 128 * 1024 * 1024;
/** A document read whole (not in the app's layout) is held in memory as text: refuse more than this. */
export const MAX_WHOLE_DOCUMENT_BYTES = 256 * 1024 * 1024;

export function tooDeeplyNested(): NotABackupError {
  return new NotABackupError('it holds data nested far deeper than a backup ever does.');
}

export function tooLarge(): NotABackupError {
  return new NotABackupError('it holds far more text in one piece than a backup ever does.');
}

/**
 * Follows the nesting of JSON text byte by byte (strings skipped), so input nested deeper than a
 * backup ever is gets refused before any recursive code (checksum, structured clone) meets it.
 */
export class NestingGauge {
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** Throws once the text so far nests deeper than MAX_NESTING_DEPTH. */
  feed(bytes: Uint8Array): void {
    for (let index = 0; index < bytes.length; index += 1) {
      const byte = bytes[index];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === 0x5c) this.escaped = true;
        else if (byte === 0x22) this.inString = false;
      } else if (byte === 0x22) this.inString = true;
      else if (byte === 0x7b || byte === 0x5b) {
        this.depth += 1;
        if (this.depth > MAX_NESTING_DEPTH) throw tooDeeplyNested();
      } else if (byte === 0x7d || byte === 0x5d) this.depth -= 1;
    }
  }
}
