import { startedWorker } from '../started-worker';
import {
  applyOpened,
  collectSealed,
  contextsOf,
  openAllBytes,
  openRecordsInBulk,
  type UnopenedListener,
} from './bulk-crypto';
import type { SealedValue } from './seal';
import { dataCryptoKey, isOpen, LockedError, onLockChange } from './session';

// Opening the sealed values of a backup's pages off the window's thread: the window packs a page's values
// (IV and ciphertext) into one buffer handed over without a copy, and a worker (open.worker.ts) makes
// the WebCrypto call of each and sends their plaintexts back packed into one buffer, which the window
// parses in one go. The window's thread then pays for a copy and a parse a page, not for a call, a
// promise and a buffer a value. The worker gets the data key as the non-extractable CryptoKey the page
// already holds (structured clone keeps it non-extractable); the key's bytes never leave the page's
// session, and locking ends the worker, its copy of the key with it. Where no worker can start (tests in
// Node), the page opens the values itself.

const IV_BYTES = 12;

/** A page's sealed values, packed: value i is bytes[ends[i-1]..ends[i]), 12 bytes of IV then the ciphertext. */
export interface PackedSealed {
  table: string;
  /** The values path by path, in order: `count` values bound to `path`, the ids of their records. */
  groups: { path: string; ids: string[] }[];
  bytes: Uint8Array;
  ends: Uint32Array;
}

/** The plaintexts of a packed page, packed the same way (one that did not open is empty and in `failed`). */
export interface PackedOpened {
  bytes: Uint8Array;
  ends: Uint32Array;
  failed: number[];
}

/** Packs sealed values into one buffer. */
export function packSealed(
  table: string,
  groups: PackedSealed['groups'],
  sealed: readonly SealedValue[],
): PackedSealed {
  let size = 0;
  for (const value of sealed) size += IV_BYTES + value.ct.byteLength;
  const bytes = new Uint8Array(size);
  const ends = new Uint32Array(sealed.length);
  let at = 0;
  sealed.forEach((value, index) => {
    // An IV of another length is none this app wrote: zeros in its place make the value fail as damaged.
    if (value.iv.byteLength === IV_BYTES) bytes.set(value.iv, at);
    bytes.set(value.ct, at + IV_BYTES);
    at += IV_BYTES + value.ct.byteLength;
    ends[index] = at;
  });
  return { table, groups, bytes, ends };
}

/** The byte arrays of a packed buffer, as views of it (no copy). */
export function unpackViews(bytes: Uint8Array, ends: Uint32Array): Uint8Array[] {
  const views: Uint8Array[] = [];
  let start = 0;
  for (const end of ends) {
    views.push(bytes.subarray(start, end));
    start = end;
  }
  return views;
}

/** Opens every value of a packed page with WebCrypto and packs the plaintexts (in the worker). */
export async function openPacked(key: CryptoKey, packed: PackedSealed): Promise<PackedOpened> {
  const sealed: SealedValue[] = [];
  let start = 0;
  for (const end of packed.ends) {
    sealed.push({
      $sealed: 1,
      iv: packed.bytes.subarray(start, start + IV_BYTES),
      ct: packed.bytes.subarray(start + IV_BYTES, end),
    });
    start = end;
  }
  const { plaintexts, failed } = await openAllBytes(key, contextsOf(packed.table, packed.groups), sealed);
  let size = 0;
  for (const bytes of plaintexts) size += bytes.byteLength;
  const bytes = new Uint8Array(size);
  const ends = new Uint32Array(plaintexts.length);
  let at = 0;
  plaintexts.forEach((plaintext, index) => {
    bytes.set(plaintext, at);
    at += plaintext.byteLength;
    ends[index] = at;
  });
  return { bytes, ends, failed: [...failed].sort((a, b) => a - b) };
}

/** Messages between the page and open.worker.ts. */
export type ToOpenWorker =
  | { type: 'key'; key: CryptoKey }
  | { type: 'open'; id: number; packed: PackedSealed };
export type FromOpenWorker =
  | { type: 'ready' }
  | { type: 'opened'; id: number; opened: PackedOpened }
  | { type: 'failed'; id: number; message: string };

/** Opens pages of sealed records, as openRecordsInBulk does; close() when done. */
export interface PageOpener {
  /** Opens, in place, every sealed field of the records. Throws LockedError while locked. */
  open(table: string, records: Record<string, unknown>[], onUnopened?: UnopenedListener): Promise<void>;
  close(): void;
}

const WORKER_READY_TIMEOUT_MS = 3000;

/**
 * The user-timing mark of each opener made, naming where it opens the values (`worker` or `page`): an
 * opener opens every page its own way, so the browser tests and the bench read from it which way a backup
 * took.
 */
export const OPENER_MARK = 'sealed-values-opener';
export type OpenerWay = 'worker' | 'page';

/** The page itself, where no worker starts: the session's key asked for each page, so locking stops it. */
const inPage: PageOpener = {
  open: (table, records, onUnopened) => openRecordsInBulk(table, records, onUnopened),
  close: () => undefined,
};

/** A worker that opens pages beside the page's own work; the page itself where none can start. */
export async function createPageOpener(
  startWorker: () => Worker = () =>
    new Worker(new URL('./open.worker.ts', import.meta.url), { type: 'module' }),
): Promise<PageOpener> {
  // Throws LockedError while locked, before any worker starts.
  const key = await dataCryptoKey();
  const worker = await startedWorker(startWorker, WORKER_READY_TIMEOUT_MS);
  performance.mark(OPENER_MARK, { detail: { way: (worker ? 'worker' : 'page') satisfies OpenerWay } });
  if (!worker) return inPage;
  const waiting = new Map<
    number,
    { resolve: (opened: PackedOpened) => void; reject: (error: Error) => void }
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
  // A worker that stops, or a reply that cannot be read, fails the pages waiting and every one after.
  worker.onerror = () => close(new Error('The worker that opens sealed notes stopped.'));
  worker.onmessageerror = () =>
    close(new Error('The worker that opens sealed notes sent what cannot be read.'));
  worker.postMessage({ type: 'key', key } satisfies ToOpenWorker);
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
  // The clinic may have locked while the worker started: it then never opens anything.
  if (!isOpen()) close(new LockedError());
  let nextId = 0;
  return {
    async open(table, records, onUnopened) {
      if (closed)
        throw isOpen() ? new Error('The worker that opens sealed notes was closed.') : new LockedError();
      const { places, sealed, groups } = collectSealed(table, records);
      if (places.length === 0) return;
      const packed = packSealed(table, groups, sealed);
      nextId += 1;
      const id = nextId;
      const opened = new Promise<PackedOpened>((resolve, reject) => waiting.set(id, { resolve, reject }));
      // The packed buffers are fresh: handed over, not copied.
      worker.postMessage({ type: 'open', id, packed } satisfies ToOpenWorker, [
        packed.bytes.buffer,
        packed.ends.buffer,
      ]);
      const { bytes, ends, failed } = await opened;
      applyOpened(table, places, unpackViews(bytes, ends), new Set(failed), onUnopened);
    },
    close: () => close(new Error('The worker that opens sealed notes was closed.')),
  };
}
