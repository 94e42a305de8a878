import { TABLE_NAMES, type TableName, tablesOfSchema } from '../db';
import {
  checkCounts,
  checkHeader,
  gunzip,
  MAX_LINE_BYTES,
  NestingGauge,
  parseJson,
  TABLES_OPENING,
  tooLarge,
  UnexpectedLayout,
} from './document-parts';
import { DamagedBackupError, NotABackupError } from './errors';
import { type BackupHeader, emptyCounts } from './format';
import { createInlineSink, createWorkerSink, type DocumentSink } from './pipeline';
import { createYielder, type ProgressListener } from './progress';

// Reads a document laid out as this app writes it (see document-writer.ts), one decompressed chunk at
// a time, in four steps: decompress into chunks, split the chunks into lines, parse each line into
// events, and feed the checksum beside it.

const NEWLINE = 0x0a;
/** Checksum bytes waiting for the worker before reading pauses. */
const MAX_HASH_BYTES_WAITING = 16 * 1024 * 1024;
const TABLE_START = /^"([A-Za-z]+)":\[$/;
const CLOSING = /^\},"sha256":"([0-9a-f]{64})"\}$/;

/** What streamRecords yields: the checked header first, then the records in batches, table by table. */
export type DocumentEvent =
  | { type: 'header'; header: BackupHeader }
  | { type: 'records'; table: TableName; records: unknown[] };

export interface StreamOptions {
  /** Check the checksum (the first reading of a file); a second reading of the same bytes skips it. */
  verify: boolean;
  onProgress?: ProgressListener;
}

/** Step 1: the decompressed chunks; stopping early ends the rest of the decompression. */
async function* decompressedChunks(
  gzipped: Uint8Array,
  sawHeader: () => boolean,
): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = gunzip(gzipped);
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        if (!sawHeader()) throw new NotABackupError('it opens, but what it holds is not a backup document.');
        throw new DamagedBackupError('its compressed data is damaged');
      }
      if (chunk.done) break;
      yield chunk.value;
    }
    finished = true;
  } finally {
    if (!finished) reader.stop();
  }
}

/**
 * Step 2: splits chunks into lines, without their line breaks. A line may span many chunks: its pieces
 * are kept apart and joined once, when its end arrives, so a long line costs its length, not its square.
 */
export class LineSplitter {
  private pieces: Uint8Array[] = [];
  private pieceBytes = 0;

  *split(chunk: Uint8Array): Generator<Uint8Array> {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end === -1) break;
      yield this.takeLine(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length) {
      this.pieces.push(chunk.slice(start));
      this.pieceBytes += chunk.length - start;
      if (this.pieceBytes > MAX_LINE_BYTES) throw tooLarge();
    }
  }

  private takeLine(tail: Uint8Array): Uint8Array {
    if (this.pieces.length === 0) return tail;
    const line = new Uint8Array(this.pieceBytes + tail.length);
    let at = 0;
    for (const piece of this.pieces) {
      line.set(piece, at);
      at += piece.length;
    }
    line.set(tail, at);
    this.pieces = [];
    this.pieceBytes = 0;
    return line;
  }

  /** The last line, when the document does not end with a line break. */
  rest(): Uint8Array {
    return this.takeLine(new Uint8Array(0));
  }
}

/** Step 4: the checksum of the tables, computed beside the parsing (in a worker where there is one). */
class ChecksumFeed {
  private parts: Uint8Array[] = [];
  private ended = false;

  private constructor(private readonly sink: DocumentSink) {}

  static async start(): Promise<ChecksumFeed> {
    const options = { passphrase: null, scryptWorkFactor: 0, hashOnly: true };
    return new ChecksumFeed((await createWorkerSink(options)) ?? createInlineSink(options));
  }

  add(bytes: Uint8Array): void {
    this.parts.push(bytes);
  }

  /** Sends the lines gathered so far, and waits while the hasher lags too far behind. */
  async send(): Promise<void> {
    if (this.parts.length) {
      const size = this.parts.reduce((sum, part) => sum + part.length, 0);
      const joined = new Uint8Array(size);
      let at = 0;
      for (const part of this.parts) {
        joined.set(part, at);
        at += part.length;
      }
      this.parts = [];
      // The parts are whole lines without their line breaks, so nothing is left out of the checksum.
      this.sink.write(joined, true);
    }
    const backlog = this.sink.whenBelow(MAX_HASH_BYTES_WAITING);
    if (backlog) await backlog;
  }

  async matches(statedHash: string): Promise<boolean> {
    this.ended = true;
    return (await this.sink.finish()).sha256 === statedHash;
  }

  /** Ends the worker, if one was started, when the reading stopped before the checksum. */
  abandon(): void {
    if (!this.ended) this.sink.finish().catch(() => undefined);
    this.ended = true;
  }
}

/** Step 3: turns each line into events, checking the layout as it goes. */
class LineParser {
  header: BackupHeader | null = null;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly encoder = new TextEncoder();
  private readonly seenTables = new Set<string>();
  private readonly counted = emptyCounts();
  private currentTable: TableName | null = null;
  private statedHash: string | null = null;
  private total = 0;
  private done = 0;
  private events: DocumentEvent[] = [];
  private batch: unknown[] = [];

  constructor(
    private readonly checksum: ChecksumFeed | null,
    private readonly onProgress?: ProgressListener,
  ) {}

  get recordCount(): number {
    return this.total;
  }

  read(bytes: Uint8Array): void {
    if (this.statedHash !== null) {
      if (bytes.length === 0) return;
      throw new UnexpectedLayout();
    }
    const line = this.decode(bytes);
    if (this.header === null) this.readHeaderLine(line);
    else if (this.currentTable === null) this.readTableBoundary(line, bytes);
    else this.readTableLine(line, bytes, this.currentTable);
  }

  private decode(bytes: Uint8Array): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw new DamagedBackupError('it holds text that is not valid UTF-8');
    }
  }

  private readHeaderLine(line: string): void {
    if (!line.startsWith('{')) {
      if (line.trimStart().startsWith('{')) throw new UnexpectedLayout();
      throw new NotABackupError('it does not hold a Guiding Hands backup document.');
    }
    if (!line.endsWith(`,${TABLES_OPENING}`)) throw new UnexpectedLayout();
    const header = checkHeader(parseJson(`${line.slice(0, -TABLES_OPENING.length - 1)}}`, 'its description'));
    this.header = header;
    this.total = TABLE_NAMES.reduce((sum, table) => sum + header.counts[table], 0);
    this.checksum?.add(this.encoder.encode('{'));
    this.events.push({ type: 'header', header });
  }

  /** Between tables: a table opens, or the closing line with the checksum. */
  private readTableBoundary(line: string, bytes: Uint8Array): void {
    const closing = CLOSING.exec(line);
    if (closing) {
      this.checksum?.add(this.encoder.encode('}'));
      this.statedHash = closing[1];
      return;
    }
    const opening = TABLE_START.exec(line);
    if (!opening) throw new UnexpectedLayout();
    const name = opening[1];
    const known: readonly string[] = this.header ? tablesOfSchema(this.header.schemaVersion) : TABLE_NAMES;
    if (!known.includes(name) || this.seenTables.has(name)) throw new UnexpectedLayout();
    this.seenTables.add(name);
    this.currentTable = name as TableName;
    this.checksum?.add(bytes);
  }

  /** Inside a table: a record, or the table's end. */
  private readTableLine(line: string, bytes: Uint8Array, table: TableName): void {
    this.checksum?.add(bytes);
    if (line === ']' || line === '],') {
      this.endBatch();
      this.currentTable = null;
      return;
    }
    const record = line.endsWith(',') ? line.slice(0, -1) : line;
    new NestingGauge().feed(bytes);
    try {
      this.batch.push(JSON.parse(record));
    } catch {
      throw new UnexpectedLayout();
    }
    this.counted[table] += 1;
    this.done += 1;
    if (this.done % 5000 === 0) this.onProgress?.({ phase: 'checking', done: this.done, total: this.total });
  }

  private endBatch(): void {
    if (this.currentTable !== null && this.batch.length)
      this.events.push({ type: 'records', table: this.currentTable, records: this.batch });
    this.batch = [];
  }

  /** The events so far, handed over and forgotten, so each batch can be collected once it is used. */
  takeEvents(): DocumentEvent[] {
    this.endBatch();
    const events = this.events;
    this.events = [];
    return events;
  }

  /** After the last line: the document is whole. Returns the checksum it states. */
  checkComplete(): string {
    if (this.header === null) throw new NotABackupError('it opens, but it is empty inside.');
    if (this.statedHash === null) throw new DamagedBackupError('it ends too early');
    if (this.seenTables.size !== tablesOfSchema(this.header.schemaVersion).length)
      throw new UnexpectedLayout();
    checkCounts(this.header, this.counted);
    return this.statedHash;
  }
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
  const checksum = verify ? await ChecksumFeed.start() : null;
  const parser = new LineParser(checksum, onProgress);
  const lines = new LineSplitter();
  const pause = createYielder();
  try {
    for await (const chunk of decompressedChunks(gzipped, () => parser.header !== null)) {
      for (const line of lines.split(chunk)) parser.read(line);
      await checksum?.send();
      yield* parser.takeEvents();
      await pause();
    }
    const last = lines.rest();
    if (last.length) parser.read(last);
    await checksum?.send();
    yield* parser.takeEvents();
    const statedHash = parser.checkComplete();
    if (checksum && !(await checksum.matches(statedHash)))
      throw new DamagedBackupError('its checksum (SHA-256) does not match its data');
  } finally {
    checksum?.abandon();
  }
  onProgress?.({ phase: 'checking', done: parser.recordCount, total: parser.recordCount });
}
