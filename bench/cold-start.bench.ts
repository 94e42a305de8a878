import type { SampleSize } from '../renderer/sample-clinic';
import { fillAppDatabase } from './app-database';
import { type Figures, machineLoad } from './suite';

// Cold start to a usable dashboard on the 10,000-person clinic: a new tab opens the app and the time is
// taken, inside that tab, from the start of navigation to the moment the dashboard shows its figures
// and no "Loading" anywhere. The app's files come from the local server with the browser's cache
// warm after the first round, as an installed app reads them from the disk. When scripts/bench.mjs
// serves a baseline build (GH_BENCH_BASELINE_APP, another origin, so another database, written at that
// build's schema), each round opens the baseline and the current app in turn.

export const name = 'cold-start';

const ROUNDS = 7;
const SIZE: SampleSize = 'large';

export interface AppOpening {
  /** From navigation start to the dashboard showing its figures with nothing still loading. */
  usableMs: number;
  /** From navigation start to the end of DOMContentLoaded (the app's scripts have run). */
  domContentLoadedMs: number;
}

declare global {
  interface Window {
    /** Provided by scripts/bench.mjs: opens `url` in a new tab and times it to a usable dashboard. */
    benchOpenApp?: (url: string) => Promise<AppOpening>;
    /** Provided by scripts/bench.mjs: fills the app database of the baseline's origin, or says there is none. */
    benchFillBaseline?: (size: SampleSize) => Promise<string | null>;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

export async function run(): Promise<Figures> {
  const open = window.benchOpenApp;
  if (!open) return { note: 'needs scripts/bench.mjs (it opens the app in new tabs)' };
  const figures: Figures = {};
  await fillAppDatabase(SIZE);
  const baselineUrl = (await window.benchFillBaseline?.(SIZE)) ?? null;
  const currentUrl = new URL('app/index.html', location.href).href;
  const sides: [string, string][] = baselineUrl
    ? [
        ['baseline', baselineUrl],
        ['now', currentUrl],
      ]
    : [['now', currentUrl]];
  figures['machine load at start (1/5/15 min)'] = await machineLoad();
  // A first opening of each fills the browser's cache; not counted.
  for (const [, url] of sides) await open(url);
  const times: Record<string, AppOpening[]> = Object.fromEntries(sides.map(([side]) => [side, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const [side, url] of sides) times[side].push(await open(url));
  for (const [side] of sides) {
    const usable = times[side].map((time) => time.usableMs);
    const scripts = times[side].map((time) => time.domContentLoadedMs);
    figures[`10k: ${side}: to a usable dashboard (ms, median)`] = Math.round(median(usable));
    figures[`10k: ${side}: to a usable dashboard (ms, spread)`] = spread(usable);
    figures[`10k: ${side}: DOMContentLoaded (ms, median)`] = Math.round(median(scripts));
  }
  figures['machine load at end (1/5/15 min)'] = await machineLoad();
  return figures;
}
