import { loadDashboard } from '../renderer/data/dashboard.repo';
import { getDb, switchDatabase } from '../renderer/data/db';
import { setActionItemDone } from '../renderer/data/meetings.repo';
import { loadDebriefsDue } from '../renderer/data/milestones.repo';
import { loadPlanDashboard } from '../renderer/data/plan-dashboard.repo';
import { listOpenSupportRequests, loadDueQuestionnaires } from '../renderer/data/questionnaires.repo';
import { getSettings } from '../renderer/data/settings.repo';
import { loadTrainingDue } from '../renderer/data/training.repo';
import { computeDashboard, type Dashboard } from '../renderer/domain/dashboard';
import type { IsoDate } from '../renderer/domain/types';
import type { SampleSize } from '../renderer/sample-clinic';
import { BENCH_TODAY, fillDatabase } from './fill-database';
import {
  formerDebriefsDue,
  formerDueQuestionnaires,
  formerOpenSupportRequests,
  formerPlanDashboard,
  formerTrainingDue,
  landedDueQuestionnairesV13,
} from './former-dashboard-cards';
import { machineLoad, progress, seconds } from './suite';

// The dashboard on synthetic clinics of 1,000 and 10,000 people, as the screen loads it: every card's
// loader at once, each in its own read transaction, as the screen's live queries run them (aim ≤ 150 ms,
// flat as the clinic grows). Each round times the whole board with the cards' loaders of before schema
// version 12 (kept in the bench as the baseline) and with the current ones, in turn; then each current
// card alone, and ticking off a past-due action item until the board shows it gone (aim ≤ 100 ms). The
// warm-up round's two boards are compared first: they must show the same rows and counts. Progress and
// each size's figures are printed as they come (the 10,000-person clinic takes minutes to write).
// The page's `scale` parameter (GH_BENCH_SCALE) narrows the run: "1k" or "10k" for one size, and
// "cards" (e.g. "10k,cards") for each card alone, without the boards and the tick, and "now" for the
// current code alone (no baseline: the whole board, the tick and each card, or with "cards" the cards
// only) — each round's times are printed as soon as they are known.

export const name = 'dashboard';

const TODAY = BENCH_TODAY;
const RUNS = 7;
/** What the screen asks for: ten rows a list (ROWS_SHOWN of useDashboard). */
const ROWS_SHOWN = 10;

const ALL_SIZES: [string, SampleSize][] = [
  ['1k', { people: 1_000, relationships: 2_000, meetings: 20_000 }],
  ['10k', 'large'],
];

/** The `scale` parameter's words: the sizes to run (all when none is named) and whether cards only. */
function options(): { sizes: [string, SampleSize][]; cardsOnly: boolean; nowOnly: boolean } {
  const words = (new URLSearchParams(location.search).get('scale') ?? '').split(',').filter(Boolean);
  const named = ALL_SIZES.filter(([label]) => words.includes(label));
  return {
    sizes: named.length ? named : ALL_SIZES,
    cardsOnly: words.includes('cards'),
    nowOnly: words.includes('now'),
  };
}

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

/** Every card's loader, as the screen's hooks call them on first render (ten rows a list). */
const CARDS = {
  'pairs and action items': (today: IsoDate) => loadDashboard(today, ROWS_SHOWN),
  'development plans': (today: IsoDate) => loadPlanDashboard(today, ROWS_SHOWN),
  'debriefs due': (today: IsoDate) => loadDebriefsDue(today, ROWS_SHOWN),
  'training to renew': (today: IsoDate) => loadTrainingDue(today, ROWS_SHOWN),
  'questionnaires due': (today: IsoDate) => loadDueQuestionnaires(today, ROWS_SHOWN),
  'asked to be contacted': () => listOpenSupportRequests(),
  backups: () => getSettings(),
};
type CardName = keyof typeof CARDS;

/** The same cards as loaded before schema version 12 (the board of version 9 was already indexed). */
const FORMER_CARDS: Record<CardName, (today: IsoDate) => Promise<unknown>> = {
  'pairs and action items': CARDS['pairs and action items'],
  'development plans': (today) => formerPlanDashboard(today, ROWS_SHOWN),
  'debriefs due': (today) => formerDebriefsDue(today),
  'training to renew': (today) => formerTrainingDue(today, ROWS_SHOWN),
  'questionnaires due': (today) => formerDueQuestionnaires(today, ROWS_SHOWN),
  'asked to be contacted': () => formerOpenSupportRequests(),
  backups: CARDS.backups,
};

/** The cards as landed before schema version 15: the due questionnaires of versions 13 and 14. */
const LANDED_CARDS: Record<CardName, (today: IsoDate) => Promise<unknown>> = {
  ...CARDS,
  'questionnaires due': (today) => landedDueQuestionnairesV13(today, ROWS_SHOWN),
};

/** A baseline whose warm-up took longer than this is timed once only (the 10k clinic: minutes a run). */
const SLOW_BASELINE_MS = 5_000;

const wholeBoard = (cards: Record<CardName, (today: IsoDate) => Promise<unknown>>) => (today: IsoDate) =>
  Promise.all(Object.values(cards).map((load) => load(today)));

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
async function tick(): Promise<number> {
  const [first] = (await loadDashboard(TODAY, ROWS_SHOWN)).pastDueActions;
  if (!first) throw new Error('The synthetic clinic has no past-due action item to tick off.');
  const ms = await timed(async () => {
    await setActionItemDone(first.actionItemId, true);
    const board = await loadDashboard(TODAY, ROWS_SHOWN);
    if (board.pastDueActions.some((row) => row.actionItemId === first.actionItemId))
      throw new Error('The ticked item is still on the board.');
  });
  await setActionItemDone(first.actionItemId, false);
  return ms;
}

/**
 * The former and current boards must show the same rows and counts before their times mean anything:
 * checked on the boards of the warm-up round (each card's result, in CARDS order).
 */
function checkSameBoard(label: string, now: unknown[], before: unknown[], beforeV12 = true): void {
  (Object.keys(CARDS) as CardName[]).forEach((card, at) => {
    // The former debriefs loader gave the whole list; the card showed its first rows and its length.
    const former = before[at];
    const comparable =
      card === 'debriefs due' && beforeV12
        ? {
            rows: (former as unknown[]).slice(0, ROWS_SHOWN),
            total: (former as unknown[]).length,
            overdue: (former as { daysLeft: number }[]).filter((row) => row.daysLeft < 0).length,
          }
        : former;
    if (JSON.stringify(now[at]) !== JSON.stringify(comparable))
      throw new Error(`The ${card} card differs from its former loader's (${label}).`);
  });
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const { sizes, cardsOnly, nowOnly } = options();
  for (const [label, size] of sizes) {
    const dbName = `bench-dashboard-${label}-${Date.now()}`;
    const mine: Record<string, number | string> = {};
    try {
      switchDatabase(dbName);
      progress(`dashboard ${label}: generating and writing the clinic`);
      const filling = performance.now();
      await fillDatabase(size);
      mine[`${label}: clinic generated and written (s)`] = seconds(performance.now() - filling);
      const db = getDb();
      mine[`${label}: records (goals/training/milestones/responses/requests)`] = (
        await Promise.all(
          [db.goals, db.trainingRecords, db.milestones, db.responses, db.supportRequests].map((table) =>
            table.count(),
          ),
        )
      ).join('/');
      mine[`${label}: machine load at start (1/5/15 min)`] = await machineLoad();
      // At 1,000 people the pairs-and-items card is also checked against the full scan (the card is
      // the same loader in both boards; test/data/dashboard-indexed.test.ts checks it at every size).
      if (label === '1k' && !cardsOnly) {
        const { totals, ...indexed } = await loadDashboard(TODAY);
        if (JSON.stringify(indexed) !== JSON.stringify(await fullScanDashboard(TODAY)))
          throw new Error(`The indexed dashboard differs from the full scan (${label}).`);
      }
      // What is timed, each now and as before, alternated in every round: the whole board (the cards at
      // once, as the screen loads them) unless cards only, then each card alone.
      const subjects: Record<string, () => Promise<unknown>> = {};
      if (!cardsOnly && !nowOnly) {
        subjects['whole dashboard, before v12'] = () => wholeBoard(FORMER_CARDS)(TODAY);
        subjects['whole dashboard, v13–v14 (landed)'] = () => wholeBoard(LANDED_CARDS)(TODAY);
      }
      if (!cardsOnly) subjects['whole dashboard, v15'] = () => wholeBoard(CARDS)(TODAY);
      for (const card of Object.keys(CARDS) as CardName[]) {
        if (FORMER_CARDS[card] !== CARDS[card] && !nowOnly)
          subjects[`${card}, before v12`] = () => FORMER_CARDS[card](TODAY);
        if (LANDED_CARDS[card] !== CARDS[card] && !nowOnly)
          subjects[`${card}, v13–v14 (landed)`] = () => LANDED_CARDS[card](TODAY);
        subjects[`${card}, now`] = () => CARDS[card](TODAY);
      }
      // A warm-up, not counted: the boards (or the cards) of before and now must show the same rows
      // and counts; a baseline slower than SLOW_BASELINE_MS is then timed once only (its warm-up).
      progress(`dashboard ${label}: warm-up, comparing the cards of before and now`);
      const times: Record<string, number[]> = {};
      const results: Record<string, unknown[]> = {};
      for (const board of nowOnly ? [CARDS] : [FORMER_CARDS, LANDED_CARDS, CARDS]) {
        const shown: unknown[] = [];
        for (const card of Object.keys(CARDS) as CardName[]) {
          const started = performance.now();
          shown.push(await board[card](TODAY));
          const ms = performance.now() - started;
          const subject =
            board === CARDS
              ? `${card}, now`
              : board === LANDED_CARDS
                ? `${card}, v13–v14 (landed)`
                : `${card}, before v12`;
          if (subjects[subject] && !times[subject]) {
            progress(`dashboard ${label}: warm-up, ${subject} ${Math.round(ms)} ms`);
            if (ms > SLOW_BASELINE_MS && subject.endsWith('(landed)')) times[subject] = [ms];
            if (ms > SLOW_BASELINE_MS && subject.endsWith('before v12')) times[subject] = [ms];
          }
        }
        results[board === CARDS ? 'now' : board === LANDED_CARDS ? 'landed' : 'before'] = shown;
      }
      if (!nowOnly) {
        checkSameBoard(`${label}, before v12`, results.now!, results.before!);
        checkSameBoard(`${label}, v13–v14`, results.now!, results.landed!, false);
      }
      const once = new Set(Object.keys(times));
      // A board holding a baseline timed once is timed once too (its warm-up is not timed: left out).
      if (once.size)
        for (const name of Object.keys(subjects))
          if (name.startsWith('whole dashboard') && !name.endsWith('v15')) {
            const slowCard = [...once].some((subject) =>
              name.endsWith('before v12') ? subject.endsWith('before v12') : subject.endsWith('(landed)'),
            );
            if (slowCard) {
              progress(`dashboard ${label}: ${name} not timed (a card of it is timed once, above)`);
              delete subjects[name];
            }
          }
      const ticks: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const line: string[] = [];
        for (const [name, operation] of Object.entries(subjects)) {
          if (once.has(name)) continue;
          const ms = await timed(operation);
          times[name] = [...(times[name] ?? []), ms];
          line.push(`${name} ${Math.round(ms)} ms`);
        }
        if (!cardsOnly) {
          ticks.push(await tick());
          line.push(`tick ${Math.round(ticks[i]!)} ms`);
        }
        progress(`dashboard ${label}: round ${i + 1} of ${RUNS}: ${line.join(', ')}`);
      }
      const { totals } = await loadDashboard(TODAY, ROWS_SHOWN);
      mine[`${label}: rows (overdue/quiet/ending/past-due)`] =
        `${totals.overdue}/${totals.quiet}/${totals.endingSoon}/${totals.pastDueActions}`;
      for (const [name, values] of Object.entries(times))
        mine[`${label}: ${name} (ms, median; spread; runs)`] =
          `${Math.round(median(values))}; ${spread(values)}; ${values.length}`;
      if (ticks.length) {
        mine[`${label}: tick + reload (ms, median)`] = Math.round(median(ticks));
        mine[`${label}: tick + reload (ms, spread)`] = spread(ticks);
      }
      mine[`${label}: machine load at end (1/5/15 min)`] = await machineLoad();
      // Printed as soon as a size is done: the larger clinic takes much longer.
      for (const [key, value] of Object.entries(mine)) progress(`${key}: ${value}`);
      Object.assign(figures, mine);
    } finally {
      const db = getDb();
      db.close();
      await db.delete();
    }
  }
  return figures;
}
