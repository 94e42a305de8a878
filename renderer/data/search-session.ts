import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Id } from '../domain/types';
import { getDb } from './db';
import { dataCryptoKey, dataKey, hasLock, onLockChange } from './lock/session';
import {
  DEFAULT_LIMITS,
  type SearchChange,
  SearchEngine,
  type SearchKind,
  type SearchProgress,
  type SearchResults,
} from './search-engine';
import { isAbort } from './search-serve';
import { startedWorker } from './started-worker';

// The window's side of the clinic search. The index lives in a worker (search.worker.ts), so building it
// over 200,000 notes never holds up the window; where no worker can start (tests in Node) the same engine
// runs here. The index follows the clinic lock: it is built only while the clinic is unlocked (the worker
// gets a non-extractable copy of the data key to open the sealed notes it reads) and the worker is ended
// — index, key and all — the moment the clinic locks or the lock is turned on or off. Nothing of it is
// ever written anywhere. Every committed write to the tables it covers reaches it (Dexie's
// storagemutated event, which names the records changed, from any connection), so it stays current.

export type {
  SearchGroup,
  SearchHit,
  SearchKind,
  SearchProgress,
  SearchResults,
} from './search-engine';
export { SEARCH_KINDS } from './search-engine';

export type ToSearchWorker =
  | { type: 'open'; dbName: string; key: CryptoKey | null }
  | { type: 'changed'; changes: SearchChange[] }
  | { type: 'search'; id: number; text: string; limits: Record<SearchKind, number> }
  | { type: 'cancel'; id: number }
  | { type: 'memory'; id: number; collect?: boolean }
  | { type: 'settle'; id: number };
export type FromSearchWorker =
  | { type: 'ready' }
  | { type: 'progress'; progress: SearchProgress }
  | { type: 'results'; id: number; results: SearchResults }
  | { type: 'superseded'; id: number }
  | { type: 'memory'; id: number; bytes: number }
  | { type: 'settled'; id: number }
  | { type: 'failed'; id: number; message: string };

const WATCHED_TABLES = [
  'people',
  'programs',
  'relationships',
  'meetings',
  'meetingNotes',
  'actionItems',
  'topics',
];
/** A change to a meeting's note (its own table since schema version 23) is a change to the meeting. */
const SEARCHED_AS: Readonly<Record<string, string>> = { meetingNotes: 'meetings' };
const WORKER_READY_TIMEOUT_MS = 5000;

interface Backend {
  /** Rejects with an AbortError once `signal` is aborted: its answer, if it comes, is dropped. */
  search(text: string, limits: Record<SearchKind, number>, signal: AbortSignal): Promise<SearchResults>;
  changed(changes: SearchChange[]): void;
  /** `collect`: first collect the garbage, where the browser lets a page ask (the bench's browser). */
  memory(collect?: boolean): Promise<number>;
  /** Resolves once every change passed so far is in the index. */
  settled(): Promise<void>;
  close(): void;
  readonly inWorker: boolean;
}

interface Session {
  dbName: string;
  backend: Promise<Backend>;
  progress: SearchProgress;
  stopWatching: () => void;
}

let session: Session | null = null;
const progressListeners = new Set<(progress: SearchProgress) => void>();
let watchingLock = false;

function tellProgress(progress: SearchProgress): void {
  for (const listener of progressListeners) listener(progress);
}

/** Whether the notes may be read now: no lock, or unlocked. */
function readable(): boolean {
  return !hasLock() || dataKey() !== null;
}

/** Drops the index (and the worker with its copy of the key). The next search builds it again. */
export function dropSearchIndex(): void {
  const ending = session;
  session = null;
  if (!ending) return;
  ending.stopWatching();
  ending.backend.then((backend) => backend.close()).catch(() => undefined);
  tellProgress({ done: 0, total: 0, ready: false });
}

/** Starts building the index if it is not built or being built (and the clinic is unlocked). */
export function prepareSearch(): void {
  currentSession();
}

function currentSession(): Session | null {
  if (!watchingLock) {
    watchingLock = true;
    onLockChange(dropSearchIndex);
  }
  const dbName = getDb().name;
  if (session && session.dbName !== dbName) dropSearchIndex();
  if (session) return session;
  if (!readable()) return null;
  const started: Session = {
    dbName,
    progress: { done: 0, total: 0, ready: false },
    backend: Promise.resolve(null as unknown as Backend),
    stopWatching: () => undefined,
  };
  session = started;
  // Changes are passed on from the first moment, so none falls between the build's reads and the watch.
  const pending: SearchChange[] = [];
  let deliver: ((changes: SearchChange[]) => void) | null = null;
  const watcher = (parts: ObservabilitySet) => {
    const changes = changesIn(parts, dbName);
    if (changes.length === 0) return;
    if (deliver) deliver(changes);
    else pending.push(...changes);
  };
  Dexie.on('storagemutated', watcher);
  started.stopWatching = () => Dexie.on('storagemutated').unsubscribe(watcher);
  const onProgress = (progress: SearchProgress) => {
    if (session !== started) return;
    started.progress = progress;
    tellProgress(progress);
  };
  started.backend = startBackend(dbName, onProgress).then((backend) => {
    if (session !== started) {
      backend.close();
      return backend;
    }
    deliver = (changes) => backend.changed(changes);
    if (pending.length) backend.changed(pending.splice(0));
    return backend;
  });
  return started;
}

type OnProgress = (progress: SearchProgress) => void;

async function startBackend(dbName: string, onProgress: OnProgress): Promise<Backend> {
  const key = hasLock() ? await dataCryptoKey() : null;
  return (await startWorker(dbName, key, onProgress)) ?? startInline(onProgress);
}

function startInline(onProgress: OnProgress): Backend {
  const engine = new SearchEngine(getDb, () => (hasLock() && dataKey() ? dataCryptoKey() : null), onProgress);
  const built = engine.build();
  built.catch(() => undefined);
  return {
    inWorker: false,
    search: (text, limits, signal) => engine.search(text, limits, signal),
    changed: (changes) => {
      engine.changed(changes).catch(() => undefined);
    },
    memory: async () => engine.memoryEstimate(),
    settled: () => engine.settled(),
    close: () => engine.stop(),
  };
}

async function startWorker(
  dbName: string,
  key: CryptoKey | null,
  onProgress: OnProgress,
): Promise<Backend | null> {
  const worker = await startedWorker(
    () => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }),
    WORKER_READY_TIMEOUT_MS,
  );
  if (!worker) return null;
  return talkToSearchWorker(worker, dbName, key, onProgress, () => worker.terminate());
}

/** What the window needs of the worker (a Worker, or in tests one end of a message channel). */
export interface SearchWorkerPort {
  postMessage(message: ToSearchWorker): void;
  onmessage: ((event: MessageEvent<FromSearchWorker>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
}

const abortError = () => new DOMException('A newer search replaced this one.', 'AbortError');

/** The window's side of a started worker: asks it to open the database, then asks and answers. */
export function talkToSearchWorker(
  worker: SearchWorkerPort,
  dbName: string,
  key: CryptoKey | null,
  onProgress: OnProgress,
  end: () => void,
): Backend {
  const pending = new Map<
    number,
    { resolve: (message: FromSearchWorker) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  let closed = false;
  worker.onmessage = (event: MessageEvent<FromSearchWorker>) => {
    const message = event.data;
    if (message.type === 'ready') return;
    if (message.type === 'progress') {
      onProgress(message.progress);
      return;
    }
    // An answer nobody waits for any more (a search superseded or cancelled meanwhile) is dropped here.
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.type === 'failed') waiting.reject(new Error(message.message));
    else if (message.type === 'superseded') waiting.reject(abortError());
    else waiting.resolve(message);
  };
  worker.onerror = () => {
    for (const waiting of pending.values()) waiting.reject(new Error('The search stopped.'));
    pending.clear();
  };
  worker.postMessage({ type: 'open', dbName, key } satisfies ToSearchWorker);
  const ask = (message: ToSearchWorker & { id: number }): Promise<FromSearchWorker> => {
    if (closed) return Promise.reject(new Error('The search is closed.'));
    return new Promise((resolve, reject) => {
      pending.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });
  };
  return {
    inWorker: true,
    async search(text, limits, signal) {
      signal.throwIfAborted();
      const id = ++nextId;
      const stop = () => {
        const waiting = pending.get(id);
        if (!waiting) return;
        pending.delete(id);
        if (!closed) worker.postMessage({ type: 'cancel', id } satisfies ToSearchWorker);
        waiting.reject(abortError());
      };
      signal.addEventListener('abort', stop, { once: true });
      try {
        const reply = await ask({ type: 'search', id, text, limits });
        if (reply.type !== 'results') throw new Error('The search answered out of turn.');
        return reply.results;
      } finally {
        signal.removeEventListener('abort', stop);
      }
    },
    changed(changes) {
      if (!closed) worker.postMessage({ type: 'changed', changes } satisfies ToSearchWorker);
    },
    async memory(collect = false) {
      const reply = await ask({ type: 'memory', id: ++nextId, collect });
      if (reply.type !== 'memory') throw new Error('The search answered out of turn.');
      return reply.bytes;
    },
    async settled() {
      await ask({ type: 'settle', id: ++nextId });
    },
    close() {
      if (closed) return;
      closed = true;
      end();
      for (const waiting of pending.values()) waiting.reject(new Error('The search is closed.'));
      pending.clear();
    },
  };
}

/** Every key of an interval tree, or null when it holds a range (a bulk write or a clear). */
function keysOf(tree: IntervalTree): Id[] | null {
  const keys: Id[] = [];
  const walk = (node: IntervalTree | null | undefined): boolean => {
    if (!node || !('from' in node)) return true;
    if (node.from !== node.to || typeof node.from !== 'string') return false;
    keys.push(node.from);
    return walk(node.l) && walk(node.r);
  };
  return walk(tree) ? keys : null;
}

/** What changed in the tables the search covers, from one committed transaction's mutated parts. */
export function changesIn(parts: ObservabilitySet, dbName: string): SearchChange[] {
  const changes: SearchChange[] = [];
  for (const table of WATCHED_TABLES) {
    const tree = parts[`idb://${dbName}/${table}/`];
    if (!tree || !('from' in tree)) continue;
    changes.push({ table: SEARCHED_AS[table] ?? table, ids: keysOf(tree) });
  }
  return changes;
}

/** The search asked last, which a newer one supersedes. */
let asking: AbortController | null = null;

/** Searches the clinic; builds the index first if needed. Null while the clinic is locked.
 * One question at a time, as the manager types: asking again supersedes the search asked before, which
 * rejects at once with an AbortError (its answer, should it still come, is never seen), and the worker
 * stops it or skips it if it has not started. `signal` cancels this search (a box emptied or closed). */
export async function searchClinic(
  text: string,
  limits: Record<SearchKind, number> = DEFAULT_LIMITS,
  signal?: AbortSignal,
): Promise<SearchResults | null> {
  asking?.abort();
  const controller = new AbortController();
  asking = controller;
  if (signal?.aborted) controller.abort();
  else signal?.addEventListener('abort', () => controller.abort(), { once: true });
  try {
    const current = currentSession();
    if (!current) return null;
    const backend = await current.backend;
    controller.signal.throwIfAborted();
    return await backend.search(text, limits, controller.signal);
  } finally {
    if (asking === controller) asking = null;
  }
}

/** Whether a search failed only because a newer one (or a cancel) replaced it. */
export const isSuperseded = isAbort;

/** How far the index is built; the listener hears every step. Returns the unsubscribe. */
export function watchSearchProgress(listener: (progress: SearchProgress) => void): () => void {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

export function searchProgress(): SearchProgress {
  return session?.progress ?? { done: 0, total: 0, ready: false };
}

/** Whether an index is held now (built, or being built). */
export function hasSearchIndex(): boolean {
  return session !== null;
}

/** Bytes the index holds, as the engine counts them (the bench also reads the process's memory).
 * `collect`: the worker collects its garbage first where the browser exposes a collector (the bench's),
 * so the bench can tell what the index holds from what is only waiting to be collected. */
export async function searchIndexBytes(collect = false): Promise<number | null> {
  if (!session) return null;
  return (await session.backend).memory(collect);
}

/** Waits until every change committed so far is in the index (for tests and the bench). */
export async function searchSettled(): Promise<void> {
  if (!session) return;
  await (await session.backend).settled();
}

/** Builds the index if needed and waits until it is fully built (for tests and the bench). */
export function searchReady(): Promise<void> {
  return new Promise((resolve) => {
    if (!currentSession() || searchProgress().ready) {
      resolve();
      return;
    }
    const stop = watchSearchProgress((progress) => {
      if (!progress.ready) return;
      stop();
      resolve();
    });
  });
}
