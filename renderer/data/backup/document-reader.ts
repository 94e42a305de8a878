import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../db';
import { DamagedBackupError, NewerBackupVersionError, NotABackupError } from './errors';
import {
  BACKUP_FORMAT_NAME,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  emptyCounts,
  type TableCounts,
} from './format';
import { createInlineSink, createWorkerSink } from './pipeline';
import { createYielder, type ProgressListener } from './progress';
import type { RawTables } from './validate';

// Reading the backup document (its layout is drawn in document-writer.ts): as a stream when it is laid
// out as this app writes it, whole otherwise.

const NEWLINE = 0x0a;
/** Checksum bytes waiting for the worker before reading pauses. */
const MAX_HASH_BYTES_WAITING = 16 * 1024 * 1024;
const TABLES_OPENING = '"tables":{';

export interface ParsedDocument {
  header: BackupHeader;
  tables: RawTables;
}

function isCounts(value: unknown): value is TableCounts {
  if (typeof value !== 'object' || value === null) return false;
  const counts = value as Record<string, unknown>;
  return TABLE_NAMES.every((table) => Number.isInteger(counts[table]) && (counts[table] as number) >= 0);
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
  if (
    typeof header.appVersion !== 'string' ||
    typeof header.createdAt !== 'string' ||
    typeof header.clinicName !== 'string' ||
    !isCounts(header.counts)
  )
    throw new DamagedBackupError('its description (clinic, date, counts) is incomplete');
  return {
    format: BACKUP_FORMAT_NAME,
    formatVersion: formatVersion as number,
    appVersion: header.appVersion,
    schemaVersion: schemaVersion as number,
    createdAt: header.createdAt,
    clinicName: header.clinicName,
    counts: header.counts,
  };
}

function emptyTables(): RawTables {
  return Object.fromEntries(TABLE_NAMES.map((table) => [table, []])) as unknown as RawTables;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DamagedBackupError(`${what} is not valid JSON`);
  }
}

function gunzip(gzipped: Uint8Array): ReadableStream<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(gzipped);
      controller.close();
    },
  });
  return source.pipeThrough(
    new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
}

/** The layout was not the one this app writes (e.g. the JSON was re-formatted): read it whole instead. */
export class UnexpectedLayout extends Error {}

const TABLE_START = /^"([A-Za-z]+)":\[$/;
const CLOSING = /^\},"sha256":"([0-9a-f]{64})"\}$/;

function checkCounts(header: BackupHeader, counted: TableCounts): void {
  for (const table of TABLE_NAMES)
    if (counted[table] !== header.counts[table])
      throw new DamagedBackupError(
        `the ${table} table holds ${counted[table]} records where its description says ${header.counts[table]}`,
      );
}

function finishTables(header: BackupHeader, tables: RawTables, actualHash: string, statedHash: string): void {
  checkCounts(
    header,
    Object.fromEntries(TABLE_NAMES.map((table) => [table, tables[table].length])) as TableCounts,
  );
  if (actualHash !== statedHash)
    throw new DamagedBackupError('its checksum (SHA-256) does not match its data');
}

/** What streamRecords yields: the checked header first, then the records in batches, table by table. */
export type DocumentEvent =
  | { type: 'header'; header: BackupHeader }
  | { type: 'records'; table: TableName; records: unknown[] };

export interface StreamOptions {
  /** Check the checksum (the first reading of a file); a second reading of the same bytes skips it. */
  verify: boolean;
  onProgress?: ProgressListener;
}

/**
 * Reads a document laid out as this app writes it, one decompressed chunk at a time, so only a chunk's
 * records are in memory at once. At the end the table counts and (with `verify`) the checksum are
 * checked: a consumer must not act on the records before the generator has finished without error.
 * Throws UnexpectedLayout for any other valid JSON form (read it with readDocument instead).
 */
export async function* streamRecords(
  gzipped: Uint8Array,
  options: StreamOptions,
): AsyncGenerator<DocumentEvent, void, undefined> {
  const { verify, onProgress } = options;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const encoder = new TextEncoder();
  // The checksum is computed in a worker beside the parsing (inline where there are no workers).
  const hashOptions = { passphrase: null, scryptWorkFactor: 0, hashOnly: true };
  const hasher = verify ? ((await createWorkerSink(hashOptions)) ?? createInlineSink(hashOptions)) : null;
  let hashParts: Uint8Array[] = [];
  let hashFinished = false;
  const hashPart = (bytes: Uint8Array): void => {
    if (hasher) hashParts.push(bytes);
  };
  const sendHashParts = (): void => {
    if (!hasher || hashParts.length === 0) return;
    const size = hashParts.reduce((sum, part) => sum + part.length, 0);
    const joined = new Uint8Array(size);
    let at = 0;
    for (const part of hashParts) {
      joined.set(part, at);
      at += part.length;
    }
    hashParts = [];
    // The parts are whole lines without their line breaks, so nothing is left out of the checksum.
    hasher.write(joined, true);
  };
  const pause = createYielder();
  const seenTables = new Set<string>();
  const counted = emptyCounts();
  let header: BackupHeader | null = null;
  let currentTable: TableName | null = null;
  let statedHash: string | null = null;
  let total = 0;
  let done = 0;
  let ready: DocumentEvent[] = [];
  let batch: unknown[] = [];

  const endBatch = (): void => {
    if (currentTable !== null && batch.length)
      ready.push({ type: 'records', table: currentTable, records: batch });
    batch = [];
  };

  const handleLine = (bytes: Uint8Array): void => {
    if (statedHash !== null) {
      if (bytes.length === 0) return;
      throw new UnexpectedLayout();
    }
    let line: string;
    try {
      line = decoder.decode(bytes);
    } catch {
      throw new DamagedBackupError('it holds text that is not valid UTF-8');
    }
    if (header === null) {
      if (!line.startsWith('{')) {
        if (line.trimStart().startsWith('{')) throw new UnexpectedLayout();
        throw new NotABackupError('it does not hold a Guiding Hands backup document.');
      }
      if (!line.endsWith(`,${TABLES_OPENING}`)) throw new UnexpectedLayout();
      header = checkHeader(parseJson(`${line.slice(0, -TABLES_OPENING.length - 1)}}`, 'its description'));
      total = TABLE_NAMES.reduce((sum, table) => sum + (header as BackupHeader).counts[table], 0);
      hashPart(encoder.encode('{'));
      ready.push({ type: 'header', header });
      return;
    }
    if (currentTable === null) {
      const closing = CLOSING.exec(line);
      if (closing) {
        hashPart(encoder.encode('}'));
        statedHash = closing[1];
        return;
      }
      const opening = TABLE_START.exec(line);
      if (!opening) throw new UnexpectedLayout();
      const name = opening[1];
      if (!(TABLE_NAMES as readonly string[]).includes(name) || seenTables.has(name))
        throw new UnexpectedLayout();
      seenTables.add(name);
      currentTable = name as TableName;
      hashPart(bytes);
      return;
    }
    hashPart(bytes);
    if (line === ']' || line === '],') {
      endBatch();
      currentTable = null;
      return;
    }
    const record = line.endsWith(',') ? line.slice(0, -1) : line;
    try {
      batch.push(JSON.parse(record));
    } catch {
      throw new UnexpectedLayout();
    }
    counted[currentTable] += 1;
    done += 1;
    if (done % 5000 === 0) onProgress?.({ phase: 'checking', done, total });
  };

  const reader = gunzip(gzipped).getReader();
  let finished = false;
  let carry: Uint8Array = new Uint8Array(0);
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        if (header === null)
          throw new NotABackupError('it opens, but what it holds is not a backup document.');
        throw new DamagedBackupError('its compressed data is damaged');
      }
      if (chunk.done) break;
      let bytes = chunk.value;
      if (carry.length) {
        const joined = new Uint8Array(carry.length + bytes.length);
        joined.set(carry);
        joined.set(bytes, carry.length);
        bytes = joined;
      }
      let start = 0;
      for (;;) {
        const end = bytes.indexOf(NEWLINE, start);
        if (end === -1) break;
        handleLine(bytes.subarray(start, end));
        start = end + 1;
      }
      carry = bytes.slice(start);
      sendHashParts();
      const backlog = hasher?.whenBelow(MAX_HASH_BYTES_WAITING);
      if (backlog) await backlog;
      endBatch();
      // Handed over and forgotten here, so each batch can be collected once its consumer is done.
      const events = ready;
      ready = [];
      yield* events;
      await pause();
    }
    finished = true;
    if (carry.length) handleLine(carry);
    sendHashParts();
    endBatch();
    yield* ready;
    if (header === null) throw new NotABackupError('it opens, but it is empty inside.');
    if (statedHash === null) throw new DamagedBackupError('it ends too early');
    if (seenTables.size !== TABLE_NAMES.length) throw new UnexpectedLayout();
    checkCounts(header, counted);
    if (hasher) {
      hashFinished = true;
      if ((await hasher.finish()).sha256 !== statedHash)
        throw new DamagedBackupError('its checksum (SHA-256) does not match its data');
    }
  } finally {
    // Stopped early (a consumer found a bad record): the rest of the data need not be decompressed.
    if (!finished) reader.cancel().catch(() => undefined);
    reader.releaseLock();
    // Ends the worker, if one was started, when the reading stopped before the checksum.
    if (hasher && !hashFinished) hasher.finish().catch(() => undefined);
  }
  onProgress?.({ phase: 'checking', done: total, total });
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

/** Reads any valid JSON form of the document, for files that were re-formatted by hand. */
async function readWhole(gzipped: Uint8Array): Promise<ParsedDocument> {
  let text: string;
  try {
    text = await new Response(gunzip(gzipped)).text();
  } catch {
    throw new DamagedBackupError('its compressed data is damaged');
  }
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
  for (const table of TABLE_NAMES) {
    const records = (rawTables as Record<string, unknown>)[table];
    if (!Array.isArray(records)) throw new DamagedBackupError(`its ${table} table is missing`);
    tables[table] = records;
  }
  const actual = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(rawTables))));
  finishTables(header, tables, actual, sha);
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
