import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Encrypter } from 'age-encryption';
import { startedWorker } from '../started-worker';

// Everything a backup does to the document's bytes after they are written: hash the tables, gzip,
// and (for a backup file, not for a safety copy) encrypt with age. The same code runs in a worker
// (pipeline.worker.ts), beside the main thread that reads the records, or inline where there are no
// workers (tests in Node).

const NEWLINE = 0x0a;

export interface PipelineOptions {
  /** null: gzip only (a safety copy). */
  passphrase: string | null;
  scryptWorkFactor: number;
  /** Only the checksum, no output (checking a backup while it is read). */
  hashOnly?: boolean;
}

export interface PipelineResult {
  bytes: Uint8Array;
  sha256: string;
}

/** The part of a pipeline the document writer feeds; every call returns at once. */
export interface DocumentSink {
  /** `hashed`: part of the tables, counted in the checksum (line breaks left out). */
  write(bytes: Uint8Array, hashed: boolean): void;
  /**
   * Back-pressure: null while fewer than `limit` bytes wait to be processed, else a promise that
   * settles once they are fewer. Keeps memory bounded when reading outpaces compressing.
   */
  whenBelow(limit: number): Promise<void> | null;
  /** Adds the closing checksum line, ends the stream and returns the file's bytes. */
  finish(): Promise<PipelineResult>;
}

type Hasher = ReturnType<typeof sha256.create>;

/** Feeds the hash with the bytes, leaving out the line breaks that are only layout. */
export function hashWithoutNewlines(hasher: Hasher, bytes: Uint8Array): void {
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end === -1) {
      if (start < bytes.length) hasher.update(bytes.subarray(start));
      return;
    }
    if (end > start) hasher.update(bytes.subarray(start, end));
    start = end + 1;
  }
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Waiters for a count of bytes in flight to fall below a limit. */
class Backlog {
  private bytes = 0;
  private waiters: { limit: number; resolve: () => void }[] = [];
  add(count: number): void {
    this.bytes += count;
  }
  remove(count: number): void {
    this.bytes -= count;
    this.waiters = this.waiters.filter((waiter) => {
      if (this.bytes >= waiter.limit) return true;
      waiter.resolve();
      return false;
    });
  }
  whenBelow(limit: number): Promise<void> | null {
    if (this.bytes < limit) return null;
    return new Promise((resolve) => this.waiters.push({ limit, resolve }));
  }
  /** On failure nobody may be left waiting: finish() reports the error. */
  releaseAll(): void {
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }
}

export interface InlineSink extends DocumentSink {
  /** Settles once the bytes have gone through the compressor. */
  write(bytes: Uint8Array, hashed: boolean): Promise<void>;
}

/** Hash, gzip and encrypt in this thread. With a passphrase, the scrypt key is derived right away. */
export function createInlineSink(options: PipelineOptions): InlineSink {
  const hasher = sha256.create();
  if (options.hashOnly)
    return {
      write: async (bytes, hashed) => {
        if (hashed) hashWithoutNewlines(hasher, bytes);
      },
      whenBelow: () => null,
      finish: async () => ({ bytes: new Uint8Array(0), sha256: bytesToHex(hasher.digest()) }),
    };
  const compression = new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
  const writer = compression.writable.getWriter();
  let output: Promise<Uint8Array>;
  if (options.passphrase === null) output = collect(compression.readable);
  else {
    const encrypter = new Encrypter();
    encrypter.setPassphrase(options.passphrase);
    encrypter.setScryptWorkFactor(options.scryptWorkFactor);
    output = encrypter.encrypt(compression.readable).then(collect);
  }
  // Nobody may wait on the output until finish(); this keeps an early failure from going unreported.
  output.catch(() => undefined);
  let failure: unknown = null;
  const encoder = new TextEncoder();
  const backlog = new Backlog();
  const write = (bytes: Uint8Array, hashed: boolean): Promise<void> => {
    if (hashed) hashWithoutNewlines(hasher, bytes);
    const size = bytes.byteLength;
    backlog.add(size);
    return writer.write(bytes).then(
      () => backlog.remove(size),
      (error: unknown) => {
        failure ??= error;
        backlog.releaseAll();
      },
    );
  };
  return {
    write,
    whenBelow: (limit) => backlog.whenBelow(limit),
    async finish() {
      const hash = bytesToHex(hasher.digest());
      write(encoder.encode(`,"sha256":"${hash}"}\n`), false);
      await writer.close();
      const bytes = await output;
      if (failure) throw failure;
      return { bytes, sha256: hash };
    },
  };
}

/** Messages between the main thread and pipeline.worker.ts. */
export type ToWorker =
  | { type: 'start'; options: PipelineOptions }
  | { type: 'write'; bytes: Uint8Array; hashed: boolean }
  | { type: 'finish' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'processed'; bytes: number }
  | { type: 'done'; result: PipelineResult }
  | { type: 'failed'; message: string };

const WORKER_READY_TIMEOUT_MS = 3000;

/**
 * Hash, gzip and encrypt in a worker, so that work (and the scrypt key derivation) runs beside the
 * reading of the records instead of after it. Resolves to null where no worker can be started; the
 * caller then works inline.
 */
export async function createWorkerSink(options: PipelineOptions): Promise<DocumentSink | null> {
  const worker = await startedWorker(
    () => new Worker(new URL('./pipeline.worker.ts', import.meta.url), { type: 'module' }),
    WORKER_READY_TIMEOUT_MS,
  );
  if (!worker) return null;
  const backlog = new Backlog();
  const outcome = new Promise<PipelineResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'processed') backlog.remove(message.bytes);
      else if (message.type === 'done') resolve(message.result);
      else if (message.type === 'failed') {
        backlog.releaseAll();
        reject(new Error(message.message));
      }
    };
    worker.onerror = () => {
      backlog.releaseAll();
      reject(new Error('The backup worker stopped.'));
    };
  });
  outcome.catch(() => undefined);
  const post = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  post({ type: 'start', options });
  return {
    write(bytes, hashed) {
      backlog.add(bytes.byteLength);
      // Fresh bytes from a TextEncoder: hand the memory over instead of copying it.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      post({ type: 'write', bytes, hashed }, whole ? [bytes.buffer] : []);
    },
    whenBelow: (limit) => backlog.whenBelow(limit),
    async finish() {
      post({ type: 'finish' });
      try {
        return await outcome;
      } finally {
        worker.terminate();
      }
    },
  };
}
