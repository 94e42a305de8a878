import { openRecordsInBulk, type UnopenedListener } from './bulk-crypto';
import { isSealed, readPath, SealError, type SealedValue, sealContext, writePath } from './seal';
import { sealedPathsOf, unreadableValueOf } from './sealed-fields';
import { dataCryptoKey, isOpen, LockedError, onLockChange } from './session';

// Opening the sealed fields of a whole table's pages off the window's thread, for a backup: the window
// reads a page of raw records, packs its sealed values (IV and ciphertext) into one buffer handed over
// without a copy, and a worker (open.worker.ts) opens them with WebCrypto and sends back the values. The
// window meanwhile reads and writes out other pages. The worker gets the data key as the non-extractable
// CryptoKey the page already holds (structured clone keeps it non-extractable); the key's bytes never
// leave the page's session. Where no worker can start (tests in Node), the page opens them itself.

/** The sealed values of one page, packed: value i is bytes[ends[i-1]..ends[i]), 12 bytes of IV then the ciphertext. */
export interface SealedBatch {
  table: string;
  /** The record id each value is bound to. */
  ids: string[];
  /** Which of the table's sealed paths each value is. */
  paths: Uint8Array;
  bytes: Uint8Array;
  ends: Uint32Array;
}

export interface OpenedBatch {
  /** The opened values, in the batch's order (undefined where one did not open). */
  values: unknown[];
  /** The indexes of the values that did not open (damaged, or moved from another record). */
  failed: number[];
}

const IV_BYTES = 12;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Opens every value of a packed batch with WebCrypto (in the worker, or in the page as a fallback). */
export async function openBatch(key: CryptoKey, batch: SealedBatch): Promise<OpenedBatch> {
  const paths = sealedPathsOf(batch.table);
  const values: unknown[] = new Array(batch.ids.length);
  const failed: number[] = [];
  const work: Promise<void>[] = [];
  let start = 0;
  for (let index = 0; index < batch.ids.length; index += 1) {
    const end = batch.ends[index] as number;
    const iv = batch.bytes.subarray(start, start + IV_BYTES);
    const ct = batch.bytes.subarray(start + IV_BYTES, end);
    start = end;
    const context = sealContext(
      batch.table,
      batch.ids[index] as string,
      paths[batch.paths[index] as number] as string,
    );
    work.push(
      crypto.subtle
        .decrypt(
          {
            name: 'AES-GCM',
            iv: iv as Uint8Array<ArrayBuffer>,
            additionalData: context as Uint8Array<ArrayBuffer>,
          },
          key,
          ct as Uint8Array<ArrayBuffer>,
        )
        .then(
          (plain) => {
            values[index] = JSON.parse(decoder.decode(plain));
          },
          () => {
            failed.push(index);
          },
        ),
    );
  }
  await Promise.all(work);
  failed.sort((a, b) => a - b);
  return { values, failed };
}

/** Where a batch's values go back to: record and path of each. */
interface Places {
  records: Record<string, unknown>[];
  paths: string[];
}

/** Packs the sealed values of the records (plain and empty values are left out: they need no opening). */
export function packSealed(
  table: string,
  records: Record<string, unknown>[],
): { batch: SealedBatch; places: Places } {
  const tablePaths = sealedPathsOf(table);
  const sealed: SealedValue[] = [];
  const ids: string[] = [];
  const pathIndexes: number[] = [];
  const places: Places = { records: [], paths: [] };
  let size = 0;
  for (const record of records)
    for (const [pathIndex, path] of tablePaths.entries()) {
      const value = readPath(record, path);
      if (!isSealed(value)) continue;
      sealed.push(value);
      ids.push(record.id as string);
      pathIndexes.push(pathIndex);
      places.records.push(record);
      places.paths.push(path);
      size += IV_BYTES + value.ct.byteLength;
    }
  const bytes = new Uint8Array(size);
  const ends = new Uint32Array(sealed.length);
  let offset = 0;
  for (const [index, value] of sealed.entries()) {
    // An IV of another length is none this app wrote: zeros in its place make it fail as damaged.
    if (value.iv.byteLength === IV_BYTES) bytes.set(value.iv, offset);
    bytes.set(value.ct, offset + IV_BYTES);
    offset += IV_BYTES + value.ct.byteLength;
    ends[index] = offset;
  }
  return { batch: { table, ids, paths: Uint8Array.from(pathIndexes), bytes, ends }, places };
}

/** Writes the opened values back into their records; a value that did not open is handled as openRecordsInBulk does. */
export function unpackOpened(
  table: string,
  places: Places,
  opened: OpenedBatch,
  onUnopened?: UnopenedListener,
): void {
  const failed = new Set(opened.failed);
  if (failed.size > 0 && !onUnopened)
    throw new SealError(
      'A sealed note could not be opened: it does not belong to this record, or it was damaged. The rest of the record is shown.',
    );
  for (let index = 0; index < places.records.length; index += 1) {
    const record = places.records[index] as Record<string, unknown>;
    const path = places.paths[index] as string;
    if (failed.has(index)) {
      onUnopened?.(record, path);
      writePath(record, path, unreadableValueOf(table, path));
    } else writePath(record, path, opened.values[index]);
  }
}

/** Messages between the page and open.worker.ts. */
export type ToOpenWorker = { type: 'key'; key: CryptoKey } | { type: 'open'; id: number; batch: SealedBatch };
export type FromOpenWorker =
  | { type: 'ready' }
  | { type: 'opened'; id: number; opened: OpenedBatch }
  | { type: 'failed'; id: number; message: string };

/** Opens pages of sealed records; close() when done. */
export interface PageOpener {
  /** Opens, in place, every sealed field of the records, as openRecordsInBulk does. Throws LockedError while locked. */
  open(table: string, records: Record<string, unknown>[], onUnopened?: UnopenedListener): Promise<void>;
  close(): void;
}

const WORKER_READY_TIMEOUT_MS = 3000;

const inPage: PageOpener = { open: openRecordsInBulk, close: () => undefined };

/** A worker that opens pages beside the page's own work; the page itself where none can start. */
export async function createPageOpener(): Promise<PageOpener> {
  // Throws LockedError while locked, before any worker starts.
  const key = await dataCryptoKey();
  if (typeof Worker === 'undefined') return inPage;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./open.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPage;
  }
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), WORKER_READY_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<FromOpenWorker>) => {
      if (event.data.type !== 'ready') return;
      clearTimeout(timer);
      resolve(true);
    };
    worker.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
  if (!ready) {
    worker.terminate();
    return inPage;
  }
  const waiting = new Map<
    number,
    { resolve: (opened: OpenedBatch) => void; reject: (error: Error) => void }
  >();
  const failAll = (error: Error) => {
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<FromOpenWorker>) => {
    const message = event.data;
    if (message.type === 'ready') return;
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === 'opened') waiter?.resolve(message.opened);
    else waiter?.reject(new Error(message.message));
  };
  worker.onerror = () => failAll(new Error('The worker that opens sealed notes stopped.'));
  const post = (message: ToOpenWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  post({ type: 'key', key });
  let closed = false;
  const close = (error: Error) => {
    if (closed) return;
    closed = true;
    stopWatching();
    failAll(error);
    worker.terminate();
  };
  // Locking drops the key: the worker's copy goes with it, and the backup stops.
  const stopWatching = onLockChange(() => {
    if (!isOpen()) close(new LockedError());
  });
  let nextId = 0;
  return {
    async open(table, records, onUnopened) {
      if (closed)
        throw isOpen() ? new Error('The worker that opens sealed notes was closed.') : new LockedError();
      const { batch, places } = packSealed(table, records);
      if (batch.ids.length === 0) return;
      nextId += 1;
      const id = nextId;
      const opened = new Promise<OpenedBatch>((resolve, reject) => waiting.set(id, { resolve, reject }));
      // The packed buffers are fresh: handed over, not copied.
      post({ type: 'open', id, batch }, [batch.bytes.buffer, batch.ends.buffer, batch.paths.buffer]);
      unpackOpened(table, places, await opened, onUnopened);
    },
    close: () => close(new Error('The worker that opens sealed notes was closed.')),
  };
}
