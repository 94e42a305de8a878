// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { closeSession, dataKey } from '../../renderer/data/lock/session';
import {
  endSpareReportWorker,
  type FromReportWorker,
  openReportSession,
  prepareReportWorker,
  serveReportSession,
  type ToReportWorker,
} from '../../renderer/data/report-session';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import {
  fixTodayPerTest,
  freshDatabasePerTest,
  LAST_YEAR_REPORT,
  LOCKED_CONFIGURATION,
  TODAY,
} from './helpers';

// Leaving the Reports screen ends its report worker once its digests are saved, and starts a fresh one
// for the next visit, kept until taken or the clinic locks, so that coming back finds a worker with its code loaded that has
// never held a record or a key. Node has no workers: this stand-in runs the worker's own side
// (serveReportSession) behind the same messages, each delivered a turn later as a worker's would be.

freshDatabasePerTest();
fixTodayPerTest();

class StandInWorker {
  static started: StandInWorker[] = [];
  onmessage: ((event: { data: FromReportWorker }) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  /** The kinds of message the window was handed, in order. */
  readonly delivered: FromReportWorker['type'][] = [];
  private readonly handle: (message: ToReportWorker) => void;

  constructor() {
    StandInWorker.started.push(this);
    this.handle = serveReportSession((message) => this.deliver(message));
    this.deliver({ type: 'ready' });
  }

  private deliver(message: FromReportWorker): void {
    setTimeout(() => {
      if (this.terminated) return;
      this.delivered.push(message.type);
      this.onmessage?.({ data: structuredClone(message) });
    });
  }

  postMessage(message: ToReportWorker): void {
    // A key (clinic lock on) cannot be cloned in Node: it is handed over as it is, as a worker is lent it.
    const copy = message.type === 'open' ? { ...message } : structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.handle(copy);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  StandInWorker.started = [];
  vi.stubGlobal('Worker', StandInWorker);
});

afterEach(() => {
  endSpareReportWorker();
  vi.unstubAllGlobals();
});

const request = LAST_YEAR_REPORT;

/** Long enough for a closed worker to save a report's digests on a busy machine. */
const SAVING = { timeout: 30_000 };

const sample = () =>
  loadSampleClinic({ seed: 5, size: { people: 30, relationships: 40, meetings: 400 }, today: TODAY });

/** Resolves once the stand-in worker has answered everything sent to it (its replies are timers). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

it('starts a fresh worker for the next visit once the last one has saved its digests and ended', async () => {
  await sample();
  const first = await openReportSession();
  expect(first.inWorker).toBe(true);
  const made = await first.make(request, () => undefined);
  first.close();
  const [used] = StandInWorker.started;
  await vi.waitFor(() => expect(StandInWorker.started).toHaveLength(2), SAVING);
  // The spare started only after the worker that made the report said its digests were saved, and ended.
  expect(used.delivered).toContain('closed');
  expect(used.terminated).toBe(true);
  const [, spareWorker] = StandInWorker.started;
  expect(spareWorker.terminated).toBe(false);

  const second = await openReportSession();
  expect(StandInWorker.started).toHaveLength(2);
  // It holds nothing of the first visit, and makes the same report (from the digests saved).
  await expect(second.full()).rejects.toThrow('No report has been made yet.');
  expect((await second.make(request, () => undefined)).report).toEqual(made.report);
  second.close();
});

it('lets a visit that comes while the last worker is saving wait for it, then take the spare', async () => {
  await sample();
  const first = await openReportSession();
  await first.make(request, () => undefined);
  first.close();
  const second = await openReportSession();
  const [used] = StandInWorker.started;
  expect(used.terminated).toBe(true);
  expect(StandInWorker.started).toHaveLength(2);
  await second.make(request, () => undefined);
  second.close();
});

it('starts one spare for two screens open at once, when the last of them closes', async () => {
  await sample();
  const [one, two] = await Promise.all([openReportSession(), openReportSession()]);
  one.close();
  await vi.waitFor(() => expect(StandInWorker.started[0].terminated).toBe(true), SAVING);
  await settled();
  // The other screen is still open: no spare yet.
  expect(StandInWorker.started).toHaveLength(2);
  two.close();
  await vi.waitFor(() => expect(StandInWorker.started).toHaveLength(3), SAVING);
  await vi.waitFor(
    () => expect(StandInWorker.started.filter((worker) => !worker.terminated)).toHaveLength(1),
    SAVING,
  );
});

it.runIf(LOCKED_CONFIGURATION)('ends the spare worker when the clinic locks', async () => {
  await sample();
  expect(dataKey()).not.toBeNull();
  const session = await openReportSession();
  await session.make(request, () => undefined);
  session.close();
  await vi.waitFor(() => expect(StandInWorker.started).toHaveLength(2), SAVING);
  const spareWorker = StandInWorker.started[1];
  expect(spareWorker.terminated).toBe(false);
  closeSession();
  // At once if it had started, else as soon as it has.
  await vi.waitFor(() => expect(spareWorker.terminated).toBe(true), SAVING);
});

it('starts a spare for the first visit once the app has started, which that visit takes', async () => {
  await sample();
  await prepareReportWorker();
  expect(StandInWorker.started).toHaveLength(1);
  await prepareReportWorker();
  expect(StandInWorker.started).toHaveLength(1);
  const session = await openReportSession();
  expect(StandInWorker.started).toHaveLength(1);
  await session.make(request, () => undefined);
  session.close();
});

it('starts no spare while the screen is open: closing it starts one', async () => {
  await sample();
  const session = await openReportSession();
  await prepareReportWorker();
  expect(StandInWorker.started).toHaveLength(1);
  session.close();
  await vi.waitFor(() => expect(StandInWorker.started).toHaveLength(2), SAVING);
});
