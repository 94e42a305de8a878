// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { closeSession, dataKey } from '../../renderer/data/lock/session';
import {
  endKeptReportWorker,
  type FromReportWorker,
  KEEP_EMPTY_WORKER_MS,
  openReportSession,
  type ReportSession,
  serveReportSession,
  type ToReportWorker,
} from '../../renderer/data/report-session';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { fixTodayPerTest, freshDatabasePerTest, LOCKED_CONFIGURATION, TODAY } from './helpers';

// Leaving the Reports screen empties its report worker and keeps it a while, so that coming back finds
// its code loaded and warm. Node has no workers: this stand-in runs the worker's own side
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
  endKeptReportWorker();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const request = {
  period: resolvePeriod({ kind: 'last-12-months' }, TODAY),
  programIds: 'all' as const,
  today: TODAY,
  generatedAt: `${TODAY}T12:00:00.000Z`,
  appVersion: 'test',
  screenRows: 10,
};

const sample = () =>
  loadSampleClinic({ seed: 5, size: { people: 30, relationships: 40, meetings: 400 }, today: TODAY });

/** Resolves once the stand-in worker has answered everything sent to it (its replies are timers). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

async function closedAndEmptied(session: ReportSession): Promise<void> {
  session.close();
  const worker = StandInWorker.started.at(-1);
  await vi.waitFor(() => expect(worker?.delivered).toContain('closed'));
}

it('keeps the emptied worker for the next visit, which gets the same figures from it', async () => {
  await sample();
  const first = await openReportSession();
  expect(first.inWorker).toBe(true);
  const made = await first.make(request, () => undefined);
  first.close();

  const second = await openReportSession();
  expect(StandInWorker.started).toHaveLength(1);
  // Emptied: the report of the first visit is gone from the worker.
  await expect(second.full()).rejects.toThrow('No report has been made yet.');
  const again = await second.make(request, () => undefined);
  expect(again.report).toEqual(made.report);
  second.close();
});

it('ends the kept worker once it has been kept its time', async () => {
  await sample();
  const session = await openReportSession();
  await session.make(request, () => undefined);
  const [worker] = StandInWorker.started;
  // The clock is faked before closing, so that the keeping starts on it; each step lets IndexedDB work.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  session.close();
  while (!worker.delivered.includes('closed')) await vi.advanceTimersByTimeAsync(1);
  await vi.advanceTimersByTimeAsync(KEEP_EMPTY_WORKER_MS - 1000);
  expect(worker.terminated).toBe(false);
  await vi.advanceTimersByTimeAsync(2000);
  expect(worker.terminated).toBe(true);
  vi.useRealTimers();

  // The next visit starts a new one.
  const next = await openReportSession();
  expect(StandInWorker.started).toHaveLength(2);
  next.close();
});

it('never keeps two workers: a second screen closing ends the first one kept', async () => {
  await sample();
  const [one, two] = await Promise.all([openReportSession(), openReportSession()]);
  expect(StandInWorker.started).toHaveLength(2);
  one.close();
  two.close();
  await settled();
  expect(StandInWorker.started.filter((worker) => !worker.terminated)).toHaveLength(1);
});

it.runIf(LOCKED_CONFIGURATION)('ends the kept worker, emptied or not, when the clinic locks', async () => {
  await sample();
  expect(dataKey()).not.toBeNull();
  const session = await openReportSession();
  await session.make(request, () => undefined);
  await closedAndEmptied(session);
  const [worker] = StandInWorker.started;
  expect(worker.terminated).toBe(false);
  closeSession();
  expect(worker.terminated).toBe(true);
});
