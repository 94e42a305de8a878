import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { TABLE_NAMES, tablesOfSchema } from '../db';
import {
  checkCounts,
  checkHeader,
  gunzip,
  MAX_WHOLE_DOCUMENT_BYTES,
  NestingGauge,
  tooLarge,
  UnexpectedLayout,
} from './document-parts';
import { DamagedBackupError, InvalidBackupDataError, NotABackupError } from './errors';
import { BACKUP_FORMAT_NAME, type BackupHeader, type TableCounts } from './format';
import type { ProgressListener } from './progress';
import { streamRecords } from './stream-reader';
import type { RawTables } from './validate';

// Reading a backup document whole (every record in memory): streamed when it is laid out as this app
// writes it, parsed as one JSON text otherwise (a file re-formatted by hand).

export interface ParsedDocument {
  header: BackupHeader;
  tables: RawTables;
}

function emptyTables(): RawTables {
  return Object.fromEntries(TABLE_NAMES.map((table) => [table, []])) as unknown as RawTables;
}

function finishTables(header: BackupHeader, tables: RawTables, actualHash: string, statedHash: string): void {
  checkCounts(
    header,
    Object.fromEntries(TABLE_NAMES.map((table) => [table, tables[table].length])) as TableCounts,
  );
  if (actualHash !== statedHash)
    throw new DamagedBackupError('its checksum (SHA-256) does not match its data');
}

/** Reads the line layout whole (the records of every table in memory). */
async function readStreaming(gzipped: Uint8Array, onProgress?: ProgressListener): Promise<ParsedDocument> {
  const tables = emptyTables();
  let header: BackupHeader | null = null;
  for await (const event of streamRecords(gzipped, { verify: true, onProgress })) {
    if (event.type === 'header') header = event.header;
    else for (const record of event.records) tables[event.table].push(record);
  }
  if (header === null) throw new NotABackupError('it opens, but it is empty inside.');
  return { header, tables };
}

/** The whole text, refused before it is parsed when it is larger or nested deeper than a backup is. */
async function decompressWhole(gzipped: Uint8Array): Promise<string> {
  const reader = gunzip(gzipped);
  const gauge = new NestingGauge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new DamagedBackupError('its compressed data is damaged');
      }
      if (chunk.done) break;
      size += chunk.value.length;
      if (size > MAX_WHOLE_DOCUMENT_BYTES) throw tooLarge();
      gauge.feed(chunk.value);
      chunks.push(chunk.value);
    }
  } catch (error) {
    reader.stop();
    throw error;
  }
  return new TextDecoder().decode(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

/**
 * A table this version does not know, or one newer than the backup's own schema version, would be
 * dropped on the way in: the manager is told instead.
 */
function refuseUnknownTables(rawTables: Record<string, unknown>, header: BackupHeader): void {
  const known: readonly string[] = tablesOfSchema(header.schemaVersion);
  const unknown = Object.keys(rawTables).filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const issues = unknown.map((table) => ({
    table,
    position: 0,
    recordId: null,
    field: null,
    problem: 'is a table this version of Guiding Hands does not know, so its records would be lost',
  }));
  const error = new InvalidBackupDataError(issues.slice(0, 20), issues.length);
  error.header = header;
  throw error;
}

/** Reads any valid JSON form of the document, for files that were re-formatted by hand. */
async function readWhole(gzipped: Uint8Array): Promise<ParsedDocument> {
  const text = await decompressWhole(gzipped);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    if (!text.slice(0, 200).includes(`"${BACKUP_FORMAT_NAME}"`))
      throw new NotABackupError('it does not hold a Guiding Hands backup document.');
    throw new DamagedBackupError('its content is not valid JSON');
  }
  const header = checkHeader(document);
  const rawTables = (document as { tables?: unknown }).tables;
  const sha = (document as { sha256?: unknown }).sha256;
  if (typeof rawTables !== 'object' || rawTables === null || typeof sha !== 'string')
    throw new DamagedBackupError('its tables or checksum are missing');
  const tables = emptyTables();
  // A table newer than the backup's schema is absent from it, and starts empty.
  for (const table of tablesOfSchema(header.schemaVersion)) {
    const records = (rawTables as Record<string, unknown>)[table];
    if (!Array.isArray(records)) throw new DamagedBackupError(`its ${table} table is missing`);
    tables[table] = records;
  }
  const actual = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(rawTables))));
  finishTables(header, tables, actual, sha);
  refuseUnknownTables(rawTables as Record<string, unknown>, header);
  return { header, tables };
}

/** Decompresses and parses a document, checking its version, counts and checksum. */
export async function readDocument(
  gzipped: Uint8Array,
  onProgress?: ProgressListener,
): Promise<ParsedDocument> {
  try {
    return await readStreaming(gzipped, onProgress);
  } catch (error) {
    if (error instanceof UnexpectedLayout) return readWhole(gzipped);
    throw error;
  }
}
