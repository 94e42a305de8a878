import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { getDb, switchDatabase } from '../renderer/data/db';
import { todayIso } from '../renderer/domain/calendar';
import { ReportsScreen } from '../renderer/features/reports/ReportsScreen';
import type { SampleSize } from '../renderer/sample-clinic';
import { fillDatabase } from './fill-database';
import { FormerReportsScreen } from './former-reports-screen';
import { progress } from './suite';

// The Reports screen as the manager meets it, on synthetic clinics of 1,000 and 10,000 people (the
// clinic built around today, so "Last 12 months", the screen's first choice, covers a full year):
// the time until the controls show, until the full 12-month report shows, the longest time the window
// could not answer (long tasks), the window's JS heap while the report is shown and after the screen is
// left (after a garbage collection), the renderer's resident memory (which counts the worker too), and
// the report worker's own JS heap while the report is shown (after a garbage collection in the worker).
// Each round mounts the screen as it is now and the former screen (kept in former-reports-screen.tsx,
// the baseline), alternating.

export const name = 'reports-screen';

// Rounds per size (each runs the former and the current screen); the former 10k screen takes about a
// minute a round on a busy machine.
const ALL_SIZES: [string, SampleSize, number][] = [
  ['1k', { people: 1_000, relationships: 2_000, meetings: 20_000 }, 5],
  ['10k', 'large', 3],
];

/**
 * The page's `scale` parameter (GH_BENCH_SCALE) narrows the run: "1k" or "10k" for one size, "now" for
 * the current screen alone (no former screen), "rounds=N" for N rounds a size.
 */
function options(): { sizes: [string, SampleSize, number][]; nowOnly: boolean } {
  const words = (new URLSearchParams(location.search).get('scale') ?? '').split(',').filter(Boolean);
  const named = ALL_SIZES.filter(([label]) => words.includes(label));
  const rounds = Number(words.find((word) => word.startsWith('rounds='))?.slice(7));
  const sizes = (named.length ? named : ALL_SIZES).map(
    ([label, size, count]): [string, SampleSize, number] => [label, size, rounds > 0 ? rounds : count],
  );
  return { sizes, nowOnly: words.includes('now') };
}

declare global {
  interface Window {
    benchLoadAverage?: () => Promise<number[]>;
    benchWorkerHeaps?: () => Promise<{ used: number; total: number; workers: number }>;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

interface Round {
  controls: number;
  report: number;
  longestBlock: number;
  /** When the longest block began, from the screen's mount (ms). */
  longestBlockAt: number;
  heapShown: number;
  heapAfter: number;
  rssShown: number;
  rssAfter: number;
  /** The workers' JS heap in use, and committed, while the report is shown. */
  workerHeapUsed: number;
  workerHeapTotal: number;
}

const MB = 1024 * 1024;

/** A line on the bench page and in the bench's output, so a long run shows where it is. */
function log(line: string): void {
  const element = document.getElementById('log');
  if (element) element.textContent += `${line}\n`;
  progress(`reports-screen: ${line}`);
}

function heap(): number {
  window.gc?.();
  return performance.memory?.usedJSHeapSize ?? Number.NaN;
}

async function rss(): Promise<number> {
  // Peak since start, so read the level now: a fresh start() and an immediate peek of the final level.
  if (!window.benchMemoryStart || !window.benchMemoryStop) return Number.NaN;
  const { final } = await window.benchMemoryStop();
  return final;
}

/** Resolves once `test` holds, checked on every frame, with the time it first held. */
function whenSeen(
  test: () => boolean,
  what: string,
  shown: () => string,
  timeoutMs = 300_000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const look = () => {
      if (test()) resolve(performance.now());
      else if (performance.now() - started > timeoutMs)
        reject(
          new Error(
            `Timed out after ${timeoutMs / 1000} s waiting for ${what}; the screen showed: ${shown().replace(/\s+/g, ' ').slice(0, 300)}`,
          ),
        );
      else requestAnimationFrame(look);
    };
    look();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function round(screen: 'now' | 'former'): Promise<Round> {
  // Let the previous round's memory go first (the former screen leaves gigabytes to free), so that
  // freeing it is not counted against this round.
  window.gc?.();
  await pause(2000);
  const heapBefore = heap();
  await window.benchMemoryStart?.();
  const blocks: { at: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) blocks.push({ at: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask' });

  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const started = performance.now();
  root.render(createElement(screen === 'now' ? ReportsScreen : FormerReportsScreen));
  const shown = () => host.textContent ?? '';
  const controls =
    (await whenSeen(() => host.querySelector('select') !== null, `the ${screen} screen's controls`, shown)) -
    started;
  // The whole report: every part drawn (the screen draws it a part at a time), and, on the current
  // screen, the recognition letter's card, drawn last.
  const report =
    (await whenSeen(
      () =>
        host.querySelector('article.report:not([data-drawing])') !== null &&
        (screen === 'former' || shown().includes('Mentor recognition letter')),
      `the ${screen} screen's report`,
      shown,
    )) - started;
  // The former screen drew the print layout right after the report: wait for it, as the manager did.
  if (screen === 'former')
    await whenSeen(
      () => document.querySelector('.report-print') !== null,
      "the former screen's print layout",
      shown,
    );
  await pause(500);
  observer.disconnect();
  const heapShown = heap() - heapBefore;
  const rssShown = await rss();
  // After the resident figure, as it collects the workers' garbage first.
  const workers = (await window.benchWorkerHeaps?.()) ?? { used: Number.NaN, total: Number.NaN };

  await window.benchMemoryStart?.();
  root.unmount();
  host.remove();
  await pause(500);
  const heapAfter = heap() - heapBefore;
  const rssAfter = await rss();
  const longest = blocks.reduce((a, b) => (b.duration > a.duration ? b : a), { at: started, duration: 0 });
  log(
    `${screen}: long tasks (start from mount / ms): ${blocks.map((block) => `${Math.round(block.at - started)}/${Math.round(block.duration)}`).join(', ')}; report at ${Math.round(report)}`,
  );
  return {
    controls,
    report,
    longestBlock: longest.duration,
    longestBlockAt: longest.at - started,
    heapShown,
    heapAfter,
    rssShown,
    rssAfter,
    workerHeapUsed: workers.used,
    workerHeapTotal: workers.total,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function summary(values: number[], scale = 1): string {
  const scaled = values.map((value) => value / scale);
  const digits = scale === 1 ? 0 : 1;
  return `${median(scaled).toFixed(digits)} (${Math.min(...scaled).toFixed(digits)}–${Math.max(...scaled).toFixed(digits)})`;
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const loadBefore = (await window.benchLoadAverage?.()) ?? [];
  const { sizes, nowOnly } = options();
  for (const [label, size, roundCount] of sizes) {
    const dbName = `bench-reports-screen-${label}-${Date.now()}`;
    try {
      switchDatabase(dbName);
      await fillDatabase(size, todayIso());
      const rounds = { now: [] as Round[], former: [] as Round[] };
      log(`${label}: clinic filled, warm-up round`);
      await round('now'); // warm-up: compiles the code, starts the worker once
      for (let i = 0; i < roundCount; i++) {
        log(`${label}: round ${i + 1} of ${roundCount}`);
        const now = await round('now');
        rounds.now.push(now);
        log(
          `${label}: now: controls ${Math.round(now.controls)} ms, report ${Math.round(now.report)} ms, longest freeze ${Math.round(now.longestBlock)} ms`,
        );
        if (!nowOnly) rounds.former.push(await round('former'));
      }
      for (const screen of nowOnly ? (['now'] as const) : (['former', 'now'] as const)) {
        const of = (key: keyof Round) => rounds[screen].map((r) => r[key]);
        const prefix = `${label} ${screen === 'now' ? 'now' : 'before'}`;
        figures[`${label}: rounds`] = roundCount;
        figures[`${prefix}: controls visible (ms)`] = summary(of('controls'));
        figures[`${prefix}: full report on screen (ms)`] = summary(of('report'));
        figures[`${prefix}: longest freeze (ms)`] = summary(of('longestBlock'));
        figures[`${prefix}: JS heap while shown (MB)`] = summary(of('heapShown'), MB);
        figures[`${prefix}: JS heap after leaving (MB)`] = summary(of('heapAfter'), MB);
        figures[`${prefix}: renderer RSS while shown (MB)`] = summary(of('rssShown'), MB);
        figures[`${prefix}: renderer RSS change on leaving (MB)`] = summary(of('rssAfter'), MB);
        figures[`${prefix}: worker JS heap while shown, in use / committed (MB)`] =
          `${summary(of('workerHeapUsed'), MB)} / ${summary(of('workerHeapTotal'), MB)}`;
      }
    } finally {
      const db = getDb();
      db.close();
      await db.delete();
    }
  }
  const loadAfter = (await window.benchLoadAverage?.()) ?? [];
  figures['load average (1 min) before / after'] =
    `${loadBefore[0]?.toFixed(1)} / ${loadAfter[0]?.toFixed(1)}`;
  return figures;
}
