import { loadDashboard } from '../renderer/data/dashboard.repo';
import { getDb, switchDatabase } from '../renderer/data/db';
import { setActionItemDone } from '../renderer/data/meetings.repo';
import { computeDashboard, type Dashboard } from '../renderer/domain/dashboard';
import type { IsoDate } from '../renderer/domain/types';
import type { SampleSize } from '../renderer/sample-clinic';
import { BENCH_TODAY, fillDatabase } from './fill-database';
import { formerDashboard } from './former-dashboard';
import { machineLoad } from './suite';

// The dashboard on synthetic clinics of 1,000 and 10,000 people: loading it (aim ≤ 150 ms, flat as the
// clinic grows) and ticking off a past-due action item until the board shows it gone (aim ≤ 100 ms).
// Each round times, in turn, the full-scan loader (the first baseline), the loader of schema version 3
// (ten rows a list, the second baseline) and the loader of schema version 9 as the screen calls it.

export const name = 'dashboard';

const TODAY = BENCH_TODAY;
const RUNS = 7;
/** What the screen asks for: ten rows a list (ROWS_SHOWN of useDashboard). */
const ROWS_SHOWN = 10;

const SIZES: [string, SampleSize][] = [
  ['1k', { people: 1_000, relationships: 2_000, meetings: 20_000 }],
  ['10k', 'large'],
];

/** The loader before schema version 3: every live pair, every person, every past-due item. */
async function fullScanDashboard(today: IsoDate): Promise<Dashboard> {
  const db = getDb();
  const [relationships, programs, people, actionItems] = await Promise.all([
    db.relationships.where('status').anyOf(['active', 'paused', 'proposed']).toArray(),
    db.programs.toArray(),
    db.people.toArray(),
    db.actionItems.where('dueDate').below(today).toArray(),
  ]);
  const openActionItems = actionItems.filter((item) => !item.done);
  return computeDashboard({ relationships, programs, people, openActionItems }, today);
}

async function timed(operation: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await operation();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const spread = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

/** Ticks the board's first past-due item off and reloads the board, as the dashboard does; then undoes it. */
async function tick(load: (today: IsoDate) => Promise<Dashboard>): Promise<number> {
  const [first] = (await load(TODAY)).pastDueActions;
  if (!first) throw new Error('The synthetic clinic has no past-due action item to tick off.');
  const ms = await timed(async () => {
    await setActionItemDone(first.actionItemId, true);
    const board = await load(TODAY);
    if (board.pastDueActions.some((row) => row.actionItemId === first.actionItemId))
      throw new Error('The ticked item is still on the board.');
  });
  await setActionItemDone(first.actionItemId, false);
  return ms;
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  for (const [label, size] of SIZES) {
    const dbName = `bench-dashboard-${label}-${Date.now()}`;
    try {
      switchDatabase(dbName);
      await fillDatabase(size);
      const { totals, ...indexed } = await loadDashboard(TODAY);
      const scanned = await fullScanDashboard(TODAY);
      if (JSON.stringify(indexed) !== JSON.stringify(scanned))
        throw new Error(`The indexed dashboard differs from the full scan (${label}).`);
      const page = await loadDashboard(TODAY, ROWS_SHOWN);
      if (JSON.stringify(page.overdue) !== JSON.stringify(scanned.overdue.slice(0, ROWS_SHOWN)))
        throw new Error(`The first rows differ from the full scan's (${label}).`);
      const former = await formerDashboard(TODAY, ROWS_SHOWN);
      if (JSON.stringify(former) !== JSON.stringify(page))
        throw new Error(`The former indexed loader gives another board (${label}).`);
      figures[`${label}: machine load at start (1/5/15 min)`] = await machineLoad();
      const loaders = {
        'full scan': fullScanDashboard,
        'v3 indexes': (today: IsoDate) => formerDashboard(today, ROWS_SHOWN),
        'v9 indexes': (today: IsoDate) => loadDashboard(today, ROWS_SHOWN),
      };
      const load: Record<string, number[]> = {};
      const ticks: Record<string, number[]> = {};
      for (const name of Object.keys(loaders)) {
        load[name] = [];
        ticks[name] = [];
      }
      // A warm-up round, not counted.
      for (const loader of Object.values(loaders)) await loader(TODAY);
      for (let i = 0; i < RUNS; i++) {
        for (const [name, loader] of Object.entries(loaders))
          load[name].push(await timed(() => loader(TODAY)));
        for (const [name, loader] of Object.entries(loaders)) ticks[name].push(await tick(loader));
      }
      figures[`${label}: rows (overdue/quiet/ending/past-due)`] =
        `${totals.overdue}/${totals.quiet}/${totals.endingSoon}/${totals.pastDueActions}`;
      for (const name of Object.keys(loaders)) {
        figures[`${label}: load, ${name} (ms, median)`] = Math.round(median(load[name]));
        figures[`${label}: load, ${name} (ms, spread)`] = spread(load[name]);
      }
      for (const name of Object.keys(loaders)) {
        figures[`${label}: tick + reload, ${name} (ms, median)`] = Math.round(median(ticks[name]));
        figures[`${label}: tick + reload, ${name} (ms, spread)`] = spread(ticks[name]);
      }
      figures[`${label}: machine load at end (1/5/15 min)`] = await machineLoad();
    } finally {
      const db = getDb();
      db.close();
      await db.delete();
    }
  }
  return figures;
}
