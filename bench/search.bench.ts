import Dexie from 'dexie';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { getDb, switchDatabase } from '../renderer/data/db';
import { closeKeyRings, createLock, unlockWithPassphrase } from '../renderer/data/lock/keyring';
import { sealClinic } from '../renderer/data/lock/seal-all';
import { closeSession, setLockMode } from '../renderer/data/lock/session';
import {
  dropSearchIndex,
  prepareSearch,
  searchClinic,
  searchIndexBytes,
  searchReady,
} from '../renderer/data/search-session';
import { matchesSearch, searchWords } from '../renderer/domain/text';
import { HeaderSearch } from '../renderer/features/search/HeaderSearch';
import { fillDatabase } from './fill-database';
import { machineLoad, measure, megabytes, seconds } from './suite';

// The clinic search on the large synthetic clinic (10,000 people, 20,000 pairs, 200,000 meetings with
// notes, their action items): the index built in its worker (time, the page's extra memory, and the
// longest the window went without running meanwhile, beside the longest task the window itself ran and
// the longest pause over as long a stretch with nothing to do), then a set of realistic queries as the
// header asks them (worker round trip with snippets; p50/p95 over every run, and the part spent matching),
// alternated with the baseline they replace (reading every note and comparing), and the header's box
// itself: each keystroke typed to the moment its results are on screen. Then the clinic lock is turned on
// (every note sealed, real scrypt), the clinic unlocked, and the same build and queries measured again:
// the worker opens each note with the lent key.

export const name = 'search';

/** What a manager types: names, a topic, common and rare words, short and long starts of words, several words, accents, nothing found. */
const QUERIES = [
  'handover',
  'night shift',
  'night shift brea',
  'night s',
  's',
  're',
  'res',
  'th',
  'résilience',
  'RESILIENCE plan',
  'Amara',
  'amara okafor',
  'charge nurse',
  'employee assistance',
  'abstract conference',
  'patient loss',
  'workplace pol',
  'ethics module',
  'burnout',
  'zzqx',
];
const RUNS = 10;
const TYPED = ['night shift handover', 'resilience plan', 'amara'];
const CLINIC_PASSPHRASE = 'bench clinic lock: harbour-velvet-orchard-lantern';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
const ms = (value: number) => (value < 10 ? Math.round(value * 10) / 10 : Math.round(value));

interface Pauses {
  /** The longest the window went without running a task. */
  longestMs: number;
  /** The longest task the window itself ran (a long task, as the browser reports it), 0 when none. */
  longestTaskMs: number;
  /** Pauses over 100 ms. */
  over100: number;
  /** When the longest pause and the longest task began, in ms after the watch started. */
  longestAt: number;
  longestTaskAt: number;
}

/** Watches the window while `work` runs: how long it went without running, and its own long tasks. */
async function watchPauses<T>(work: () => Promise<T>): Promise<{ result: T; pauses: Pauses }> {
  const start = performance.now();
  let last = start;
  const pauses: Pauses = { longestMs: 0, longestTaskMs: 0, over100: 0, longestAt: 0, longestTaskAt: 0 };
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    if (now - last > pauses.longestMs) {
      pauses.longestMs = now - last;
      pauses.longestAt = last - start;
    }
    if (now - last > 100) pauses.over100++;
    last = now;
    if (running) setTimeout(() => channel.port2.postMessage(null), 4);
  };
  channel.port2.postMessage(null);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.duration > pauses.longestTaskMs) {
        pauses.longestTaskMs = entry.duration;
        pauses.longestTaskAt = entry.startTime - start;
      }
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    return { result: await work(), pauses };
  } finally {
    running = false;
    observer.disconnect();
  }
}

const sleep = (time: number) => new Promise((resolve) => setTimeout(resolve, time));

/** The baseline the index replaces: every note read and compared with the words typed. */
async function scanEveryNote(text: string): Promise<number> {
  const words = searchWords(text);
  let found = 0;
  const confidential = new Set(
    await getDb()
      .meetings.filter((meeting) => meeting.confidential)
      .primaryKeys(),
  );
  await getDb()
    .meetingNotes.toCollection()
    .each((note) => {
      if (!confidential.has(note.id) && matchesSearch(words, [note.notes])) found++;
    });
  return found;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Types into the header's box one key at a time; each key's time until its results (or its hint) are shown. */
async function typingLatency(): Promise<number[]> {
  const host = document.createElement('div');
  document.body.append(host);
  const router = createMemoryRouter([{ path: '*', element: createElement(HeaderSearch) }]);
  const root = createRoot(host);
  root.render(createElement(RouterProvider, { router }));
  let box = host.querySelector('input');
  for (let frame = 0; !box && frame < 600; frame++) {
    await nextFrame();
    box = host.querySelector('input');
  }
  if (!box) throw new Error('The header search box did not appear.');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set as (
    this: HTMLInputElement,
    value: string,
  ) => void;
  const latencies: number[] = [];
  box.focus();
  for (const text of TYPED) {
    for (let length = 1; length <= text.length; length++) {
      const started = performance.now();
      setValue.call(box, text.slice(0, length));
      box.dispatchEvent(new Event('input', { bubbles: true }));
      // Shown when the popup no longer says it is busy with an older text, and the frame is painted.
      for (;;) {
        await nextFrame();
        const popup = host.querySelector('[aria-busy]');
        if (popup?.getAttribute('aria-busy') === 'false' && box.value === text.slice(0, length)) break;
      }
      latencies.push(performance.now() - started);
    }
    setValue.call(box, '');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await nextFrame();
  }
  root.unmount();
  host.remove();
  return latencies;
}

interface Built {
  ms: number;
  peakBytes: number | null;
  retainedBytes: number | null;
  /** Held once the worker has collected its garbage (the bench's browser exposes the collector). */
  collectedBytes: number | null;
  indexBytes: number | null;
  pauses: Pauses;
}

async function buildIndex(): Promise<Built> {
  dropSearchIndex();
  const build = await measure(() =>
    watchPauses(async () => {
      prepareSearch();
      await searchReady();
    }),
  );
  // What collecting the worker's garbage frees, measured from the level the build left.
  const collecting = await measure(() => searchIndexBytes(true));
  const collectedBytes =
    build.retainedBytes === null || collecting.retainedBytes === null
      ? null
      : build.retainedBytes + collecting.retainedBytes;
  return { ...build, collectedBytes, indexBytes: await searchIndexBytes(), pauses: build.result.pauses };
}

interface Asked {
  roundTrips: number[];
  inWorker: number[];
  matching: number[];
  perQuery: Record<string, number[]>;
  totals: Record<string, number>;
}

/** Every query RUNS times after a warm-up, one at a time. */
async function askQueries(): Promise<Asked> {
  for (const query of QUERIES) await searchClinic(query);
  const asked: Asked = { roundTrips: [], inWorker: [], matching: [], perQuery: {}, totals: {} };
  for (let run = 0; run < RUNS; run++) {
    for (const query of QUERIES) {
      const started = performance.now();
      const results = await searchClinic(query);
      const took = performance.now() - started;
      asked.roundTrips.push(took);
      asked.inWorker.push(results?.ms ?? Number.NaN);
      asked.matching.push(results?.matchMs ?? Number.NaN);
      asked.perQuery[query] = [...(asked.perQuery[query] ?? []), took];
      asked.totals[query] = results?.groups.reduce((sum, group) => sum + group.total, 0) ?? 0;
    }
  }
  return asked;
}

function slowest(asked: Asked, count: number): string {
  return Object.entries(asked.perQuery)
    .map(([query, times]) => [query, percentile(times, 95)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([query, p95]) => `"${query}" ${ms(p95)}`)
    .join(', ');
}

function builtFigures(label: string, built: Built, idle: Pauses): Record<string, number | string> {
  return {
    [`${label}: index build in the worker (s)`]: Math.round(built.ms / 100) / 10,
    [`${label}: page peak / held extra memory (MB)`]: `${megabytes(built.peakBytes)} / ${megabytes(built.retainedBytes)}`,
    [`${label}:   held once the garbage is collected, the worker's too (MB)`]: megabytes(
      built.collectedBytes,
    ),
    [`${label}: index size as counted by the engine (MB)`]: megabytes(built.indexBytes),
    [`${label}: longest window pause during the build (ms), and when (s after the start)`]: `${ms(built.pauses.longestMs)} at ${seconds(built.pauses.longestAt)}`,
    [`${label}:   pauses over 100 ms during the build`]: built.pauses.over100,
    [`${label}:   longest task the window ran meanwhile (ms), and when (s)`]: `${ms(built.pauses.longestTaskMs)} at ${seconds(built.pauses.longestTaskAt)}`,
    [`${label}:   idle window, as long, no build: longest pause / over 100 ms`]: `${ms(idle.longestMs)} / ${idle.over100}`,
  };
}

function queryFigures(label: string, asked: Asked): Record<string, number | string> {
  return {
    [`${label}: ${QUERIES.length} queries × ${RUNS} runs, round trip with snippets p50 / p95 (ms) [aim p95 ≤ 50]`]: `${ms(percentile(asked.roundTrips, 50))} / ${ms(percentile(asked.roundTrips, 95))}`,
    [`${label}:   inside the worker p50 / p95 (ms)`]: `${ms(percentile(asked.inWorker, 50))} / ${ms(percentile(asked.inWorker, 95))}`,
    [`${label}:   of which matching in the index p50 / p95 / max (ms)`]: `${ms(percentile(asked.matching, 50))} / ${ms(percentile(asked.matching, 95))} / ${ms(Math.max(...asked.matching))}`,
    [`${label}:   slowest queries by their p95 (ms)`]: slowest(asked, 3),
  };
}

export async function run(): Promise<Record<string, number | string>> {
  const dbName = `bench-search-${Date.now()}`;
  const loadBefore = await machineLoad();
  try {
    switchDatabase(dbName);
    await fillDatabase('large');
    const [meetings, items] = await Promise.all([getDb().meetings.count(), getDb().actionItems.count()]);

    // Lock off.
    const builtOff = await buildIndex();
    const idleOff = (await watchPauses(() => sleep(Math.min(builtOff.ms, 30_000)))).pauses;
    const loadAfterBuild = await machineLoad();
    const askedOff = await askQueries();

    // The baseline, alternated with the indexed query for the same words.
    const baseline: number[] = [];
    const indexed: number[] = [];
    for (let round = 0; round < 2; round++) {
      let started = performance.now();
      await scanEveryNote('night shift');
      baseline.push(performance.now() - started);
      started = performance.now();
      await searchClinic('night shift');
      indexed.push(performance.now() - started);
    }
    const typing = await typingLatency();
    const loadAfterOff = await machineLoad();

    // Lock on: every note sealed, the clinic unlocked, the index built again from the sealed notes.
    await createLock(dbName, CLINIC_PASSPHRASE);
    await sealClinic(getDb());
    closeSession();
    await unlockWithPassphrase(dbName, CLINIC_PASSPHRASE);
    const sealed = await getDb().meetingNotes.limit(1).raw().toArray();
    if (typeof sealed[0]?.notes === 'string') throw new Error('the notes were left plain');
    const builtOn = await buildIndex();
    const idleOn = (await watchPauses(() => sleep(Math.min(builtOn.ms, 30_000)))).pauses;
    const askedOn = await askQueries();
    if (askedOn.totals['night shift'] !== askedOff.totals['night shift'])
      throw new Error('the lock changed what the search finds');

    const figures: Record<string, number | string> = {
      'machine load before (1 / 5 / 15 min)': loadBefore,
      meetings,
      'action items': items,
      ...builtFigures('lock off', builtOff, idleOff),
      'machine load after the build': loadAfterBuild,
      ...queryFigures('lock off', askedOff),
      'baseline: scan every note for "night shift", median of 2 (ms)': ms(percentile(baseline, 50)),
      'indexed "night shift", alternated with the scan (ms)': ms(percentile(indexed, 50)),
      [`typing in the header box: ${typing.length} keys, key to results shown p50 / p95 (ms)`]: `${ms(percentile(typing, 50))} / ${ms(percentile(typing, 95))}`,
      'machine load after the lock-off part': loadAfterOff,
      ...builtFigures('lock on', builtOn, idleOn),
      ...queryFigures('lock on', askedOn),
      'lock on ÷ off: build, query p50, query p95': [
        builtOn.ms / builtOff.ms,
        percentile(askedOn.roundTrips, 50) / percentile(askedOff.roundTrips, 50),
        percentile(askedOn.roundTrips, 95) / percentile(askedOff.roundTrips, 95),
      ]
        .map((ratio) => ratio.toFixed(2))
        .join(', '),
    };
    for (const query of QUERIES) figures[`  matches for "${query}"`] = askedOff.totals[query] ?? 0;
    figures['machine load after (1 / 5 / 15 min)'] = await machineLoad();
    return figures;
  } finally {
    dropSearchIndex();
    getDb().close();
    closeSession();
    setLockMode('off');
    closeKeyRings();
    await Dexie.delete(dbName);
    await Dexie.delete(`${dbName}-keyring`);
    await Dexie.delete(`${dbName}-safety`);
    switchDatabase(`bench-search-idle-${Date.now()}`);
  }
}
