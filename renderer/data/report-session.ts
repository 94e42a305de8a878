import type { AccreditationReport } from '../domain/reports/compute-report';
import type { RecognitionLetter } from '../domain/reports/recognition-letter';
import type { Id } from '../domain/types';
import { GuidingHandsDb, getDb } from './db';
import { openRecordsInBulk } from './lock/bulk-crypto';
import { dataCryptoKey, dataKey, hasLock, onLockChange } from './lock/session';
import {
  type MadeReport,
  ReportEngine,
  type ReportProgress,
  type ReportRequest,
  ReportSuperseded,
} from './report-engine';
import { digestsSaved, openEndReasonsHere, type StoredEndReason } from './reports.repo';
import { startedWorker } from './started-worker';

// The Reports screen's link to its report worker: it reads the period's records and computes the report
// away from the window, telling how far it got, and keeps lean copies of them (the fields the figures
// and letters use, each repeated id, day and list of topics held once: report-records.ts) and the whole
// report, for the PDF, the files, the letters and another choice of programs, until the screen closes
// the session. The worker then saves what it counted as digests and ends, freeing its memory, and a fresh
// worker is started for the next visit (its code loaded, holding nothing); the app starts one too once
// its own start is over. Where no worker can start (tests in Node), the same engine runs inline.

export type { MadeReport, ReportProgress, ReportRequest } from './report-engine';
export { ReportSuperseded } from './report-engine';

export interface ReportSession {
  /** Makes the report; an earlier make() still running rejects with ReportSuperseded. */
  make(request: ReportRequest, onProgress: (progress: ReportProgress) => void): Promise<MadeReport>;
  /** Every line of the last report made. */
  full(): Promise<AccreditationReport>;
  letter(mentorId: Id): Promise<RecognitionLetter>;
  /** Ends the worker and lets go of everything the session read. */
  close(): void;
  readonly inWorker: boolean;
}

/** Messages between the screen and report-session.worker.ts. */
export type ToReportWorker =
  | { type: 'open'; dbName: string; key: CryptoKey | null }
  | { type: 'opened-reasons'; id: number; pairs: { id: string; endReason: string | null }[] }
  | { type: 'open-reasons-failed'; id: number; message: string }
  | { type: 'make'; id: number; request: ReportRequest }
  | { type: 'full'; id: number }
  | { type: 'letter'; id: number; mentorId: Id }
  /** The screen closed: stop any report, finish saving what was counted, then say `closed`. */
  | { type: 'close' };
export type FromReportWorker =
  | { type: 'ready' }
  | { type: 'open-reasons'; id: number; pairs: StoredEndReason[] }
  | { type: 'progress'; id: number; progress: ReportProgress }
  | { type: 'made'; id: number; result: MadeReport }
  | { type: 'full'; id: number; report: AccreditationReport }
  | { type: 'letter'; id: number; letter: RecognitionLetter }
  | { type: 'superseded'; id: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'closed' };

const WORKER_READY_TIMEOUT_MS = 5000;

/**
 * How long a closed session's worker may go on saving the digests it counted (about 2 s at a
 * 10,000-person clinic) before it is ended regardless.
 */
const SAVING_GRACE_MS = 20_000;

/**
 * A worker started ahead for the next session: it loads its code while the manager is elsewhere, and is
 * kept until a session takes it or the clinic locks (about 2–5 MB of the window's memory, measured). It
 * has never held a record or a key: a worker that made a report is ended rather than reused, as its heap
 * would keep the last report's garbage and grow to twice the size while making the next one.
 */
interface SpareWorker {
  /** Settles once the worker has started (or could not). */
  readonly starting: Promise<unknown>;
  /** The worker once started (null if it could not start or the spare was ended), no longer spare. */
  take(): Promise<Worker | null>;
  end(): void;
}

let spare: SpareWorker | null = null;
/** Sessions in a worker opened and not yet closed. */
let sessionsOpen = 0;

/** Starts a spare worker once `after` settles (the last session's worker has ended), replacing any other. */
function startSpare(after: Promise<unknown>): void {
  spare?.end();
  let state: 'waiting' | 'taken' | 'ended' = 'waiting';
  const starting = after.then(() => (state === 'ended' ? null : startWorker()));
  const settle = (to: 'taken' | 'ended') => {
    if (spare === entry) spare = null;
    state = to;
    stopWatchingLock();
  };
  const entry: SpareWorker = {
    starting,
    async take() {
      if (state !== 'waiting') return null;
      settle('taken');
      return starting;
    },
    end() {
      if (state !== 'waiting') return;
      settle('ended');
      // Ended before it started: it ends as soon as it has.
      starting.then((worker) => worker?.terminate());
    },
  };
  // Locked means nothing of the app's work is left running, a spare included.
  const stopWatchingLock = onLockChange(() => {
    if (hasLock() && !dataKey()) entry.end();
  });
  spare = entry;
}

/**
 * Starts a spare worker for the first visit to the Reports screen (the app calls it once the start is
 * over), unless there is one; settles once it has started.
 */
export async function prepareReportWorker(): Promise<void> {
  // An open session starts the spare itself when it closes.
  if (typeof Worker === 'undefined' || sessionsOpen > 0) return;
  // Locked, nothing of the app's work runs: the next visit, after the unlock, starts its own.
  if (hasLock() && !dataKey()) return;
  if (!spare) startSpare(Promise.resolve());
  await spare?.starting;
}

/** Ends the spare worker, if any. */
export function endSpareReportWorker(): void {
  spare?.end();
}

async function takeOrStartWorker(): Promise<Worker | null> {
  return (await spare?.take()) ?? startWorker();
}

function startWorker(): Promise<Worker | null> {
  return startedWorker(
    () => new Worker(new URL('./report-session.worker.ts', import.meta.url), { type: 'module' }),
    WORKER_READY_TIMEOUT_MS,
  );
}

/** A session in a worker where one can start, else inline. */
export async function openReportSession(): Promise<ReportSession> {
  return (await openWorkerSession()) ?? openInlineSession();
}

export function openInlineSession(): ReportSession {
  const engine = new ReportEngine(getDb);
  let latest = 0;
  return {
    inWorker: false,
    make(request, onProgress) {
      const id = ++latest;
      return engine.make(request, onProgress, () => id === latest);
    },
    full: async () => engine.full(),
    letter: async (mentorId) => engine.letter(mentorId),
    close: () => {
      latest++;
    },
  };
}

interface Pending {
  resolve: (message: FromReportWorker) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: ReportProgress) => void;
}

async function openWorkerSession(): Promise<ReportSession | null> {
  if (typeof Worker === 'undefined') return null;
  // With the clinic lock on, the worker is lent a non-extractable copy of the data key, to open the
  // period's questionnaire answers itself; the session ends, key and all, when the clinic locks.
  const key = hasLock() && dataKey() ? await dataCryptoKey() : null;
  sessionsOpen++;
  let counted = true;
  /** This session no longer counts as open (closed, ended by the lock, or never started). */
  const uncount = () => {
    if (counted) sessionsOpen--;
    counted = false;
  };
  const worker = await takeOrStartWorker();
  if (!worker) {
    uncount();
    return null;
  }
  // The clinic locked while the worker started: it is never lent the key.
  if (key && !dataKey()) {
    uncount();
    worker.terminate();
    throw new Error('The clinic was locked.');
  }

  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;
  const failAll = (message: string) => {
    for (const waiting of pending.values()) waiting.reject(new Error(message));
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<FromReportWorker>) => {
    const message = event.data;
    if (message.type === 'ready') return;
    if (message.type === 'closed') {
      end();
      return;
    }
    if (message.type === 'open-reasons') {
      // The worker has no key: the window opens the sealed end reasons it needs (a few, not notes).
      openEndReasonsHere(message.pairs).then(
        (pairs) =>
          worker.postMessage({ type: 'opened-reasons', id: message.id, pairs } satisfies ToReportWorker),
        (error: unknown) =>
          worker.postMessage({
            type: 'open-reasons-failed',
            id: message.id,
            message: error instanceof Error ? error.message : String(error),
          } satisfies ToReportWorker),
      );
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === 'progress') {
      waiting.onProgress?.(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'failed') waiting.reject(new Error(message.message));
    else if (message.type === 'superseded') waiting.reject(new ReportSuperseded());
    else waiting.resolve(message);
  };
  worker.onerror = () => failAll('The report worker stopped.');
  worker.postMessage({ type: 'open', dbName: getDb().name, key } satisfies ToReportWorker);

  let grace: ReturnType<typeof setTimeout> | undefined;
  let markEnded: () => void = () => undefined;
  /** Ends the worker, and with it everything it read (and the key it was lent). */
  const end = () => {
    uncount();
    clearTimeout(grace);
    stopWatchingLock();
    worker.terminate();
    markEnded();
  };
  // Locking ends the worker at once, even while a closed session's digests are being saved.
  const stopWatchingLock = key
    ? onLockChange(() => {
        if (dataKey()) return;
        closed = true;
        end();
        failAll('The clinic was locked.');
      })
    : () => undefined;

  const ask = (
    message: ToReportWorker & { id: number },
    onProgress?: (progress: ReportProgress) => void,
  ): Promise<FromReportWorker> => {
    if (closed) return Promise.reject(new Error('The report session is closed.'));
    return new Promise((resolve, reject) => {
      pending.set(message.id, { resolve, reject, onProgress });
      worker.postMessage(message);
    });
  };

  return {
    inWorker: true,
    async make(request, onProgress) {
      const reply = await ask({ type: 'make', id: ++nextId, request }, onProgress);
      if (reply.type !== 'made') throw new Error('The report worker answered out of turn.');
      return reply.result;
    },
    async full() {
      const reply = await ask({ type: 'full', id: ++nextId });
      if (reply.type !== 'full') throw new Error('The report worker answered out of turn.');
      return reply.report;
    },
    async letter(mentorId) {
      const reply = await ask({ type: 'letter', id: ++nextId, mentorId });
      if (reply.type !== 'letter') throw new Error('The report worker answered out of turn.');
      return reply.letter;
    },
    close() {
      if (closed) return;
      closed = true;
      uncount();
      for (const waiting of pending.values()) waiting.reject(new ReportSuperseded());
      pending.clear();
      // What the last report counted from the records is being saved as digests, so that the next report
      // reads them: the worker ends once they are saved (it says `closed`), or after the grace time. Then
      // a spare starts for the next visit, which waits for it rather than read while the saving goes on.
      const ended = new Promise<void>((resolve) => {
        markEnded = resolve;
      });
      // Not while another session is open (a screen mounted twice): it starts one when it closes.
      if (sessionsOpen === 0) startSpare(ended);
      // A worker that fails while saving is ended at once rather than waited for.
      worker.onerror = end;
      worker.postMessage({ type: 'close' } satisfies ToReportWorker);
      grace = setTimeout(end, SAVING_GRACE_MS);
    },
  };
}

/** The worker's side: one engine over its own connection to the app's database. */
export function serveReportSession(
  post: (message: FromReportWorker) => void,
): (message: ToReportWorker) => void {
  let db: GuidingHandsDb | null = null;
  let key: CryptoKey | null = null;
  const opening = new Map<
    number,
    { resolve: (pairs: { id: string; endReason: string | null }[]) => void; reject: (error: Error) => void }
  >();
  let nextOpening = 0;
  const engine = new ReportEngine(
    () => {
      if (!db) throw new Error('The report worker has no database yet.');
      return db;
    },
    (pairs) =>
      new Promise((resolve, reject) => {
        const id = ++nextOpening;
        opening.set(id, { resolve, reject });
        post({ type: 'open-reasons', id, pairs });
      }),
    (responses) => openRecordsInBulk('responses', responses, () => undefined, key ?? undefined),
  );
  let latestMake = 0;
  /** The report being made, if any (settled either way). */
  let making: Promise<unknown> = Promise.resolve();
  return (message) => {
    if (message.type === 'open') {
      // The same schema as the window's connection (same class), so opening never upgrades differently.
      db = new GuidingHandsDb(message.dbName);
      key = message.key;
      return;
    }
    if (message.type === 'close') {
      // Any report still being made stops at its next step; what a finished one counted is saved first.
      latestMake = Number.NaN;
      // A report past its last step saves what it counted once it returns: wait for it, then the saving.
      const database = db;
      making
        .then(() => (database ? digestsSaved(database) : undefined))
        .finally(() => post({ type: 'closed' }));
      return;
    }
    if (message.type === 'opened-reasons' || message.type === 'open-reasons-failed') {
      const waiting = opening.get(message.id);
      opening.delete(message.id);
      if (message.type === 'opened-reasons') waiting?.resolve(message.pairs);
      else waiting?.reject(new Error(message.message));
      return;
    }
    const { id } = message;
    const fail = (error: unknown) => {
      if (error instanceof ReportSuperseded) post({ type: 'superseded', id });
      else post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    };
    try {
      if (message.type === 'make') {
        latestMake = id;
        making = engine
          .make(
            message.request,
            (progress) => post({ type: 'progress', id, progress }),
            () => latestMake === id,
          )
          .then((result) => post({ type: 'made', id, result }), fail);
      } else if (message.type === 'full') post({ type: 'full', id, report: engine.full() });
      else if (message.type === 'letter')
        post({ type: 'letter', id, letter: engine.letter(message.mentorId) });
    } catch (error) {
      fail(error);
    }
  };
}
