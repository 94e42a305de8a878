import Dexie from 'dexie';
import { DEFAULT_DB_NAME } from '../renderer/data/db';
import type { Id } from '../renderer/domain/types';
import type { SampleSize } from '../renderer/sample-clinic';
import { fillAppDatabase } from './app-database';
import { type Figures, machineLoad, progress } from './suite';

// The screens as the manager meets them, in the app itself: the app (its own build) is opened in a tab on
// the 1,000- and the 10,000-person clinics, and each screen is reached by its address, as a link of the app reaches it.
// Timed inside the tab, from the address changed to the screen's content shown with nothing loading and no
// list still busy; then the tab's JS heap after a garbage collection. The screens are walked twice a tab:
// at once after the start (the search still reading every note, the screens' code still loading) and once
// the app has settled. Then every search box is typed in a
// key at a time, each key timed from its keydown to its list current again (the list's aria-busy cleared:
// the rows for what is typed drawn). The data reads alone are timed, beside the reads they replaced, by the
// screens and pickers suites; this suite times what the manager waits for, drawing included.

export const name = 'app-screens';

const ROUNDS = 5;

/** A screen: its address in the app, and what shows that its content is there. */
export interface ScreenStep {
  label: string;
  hash: string;
  /** The page's heading, when the screen before could have shown the same content. */
  heading?: string;
  /** An element present once the content is shown. */
  selector: string;
}

/** A search box: the screen it is on, the box's label and the word typed into it. */
export interface TypingStep {
  label: string;
  screen: ScreenStep;
  box: string;
  word: string;
  /**
   * What the screen needs before the box shows: a person found and chosen (the word typed into the
   * finder labelled `find`, the first person of the group labelled `group`), then the first choice of
   * the list labelled `select`.
   */
  before?: { find: string; word: string; group: string; select: string };
}

export interface ScreenTimes {
  /** Each screen reached at once after the start, while the app's start-up work still runs. */
  early: Record<string, { ms: number; heapMb: number }>;
  /** Each screen reached once the app has settled. */
  screens: Record<string, { ms: number; heapMb: number }>;
  /** Every key's time, a box's keys after the first (a word of one letter finds nothing yet). */
  typing: Record<string, number[]>;
}

declare global {
  interface Window {
    /** Provided by scripts/bench.mjs: opens the app in a new tab and walks the screens and boxes. */
    benchWalkApp?: (url: string, screens: ScreenStep[], typing: TypingStep[]) => Promise<ScreenTimes>;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const spread = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

/** The clinic's busiest pair (the longest timeline), its mentor and that mentor's name. */
async function busiest(): Promise<{ pairId: Id; mentorId: Id; mentorName: string; surname: string }> {
  const db = new Dexie(DEFAULT_DB_NAME);
  await db.open();
  try {
    const counts = new Map<Id, number>();
    await db
      .table('meetings')
      .orderBy('relationshipId')
      .eachKey((key) => {
        counts.set(key as Id, (counts.get(key as Id) ?? 0) + 1);
      });
    const [pairId] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const mentorId = (await db.table('relationships').get(pairId))?.mentorId as Id;
    const mentorName = (await db.table('people').get(mentorId))?.name as string;
    const someone = await db.table('people').orderBy('id').first();
    return {
      pairId,
      mentorId,
      mentorName,
      surname:
        String(someone?.name ?? 'a')
          .split(' ')
          .at(-1) ?? 'a',
    };
  } finally {
    db.close();
  }
}

const SIZES: [string, SampleSize][] = [
  ['1k', { people: 1_000, relationships: 2_000, meetings: 20_000 }],
  ['10k', 'large'],
];

/** The screens walked and the boxes typed in, for the clinic now in the app database. */
async function stepsOfClinic(): Promise<{ screens: ScreenStep[]; typing: TypingStep[] }> {
  const { pairId, mentorId, mentorName, surname } = await busiest();
  const people: ScreenStep = {
    label: 'People list',
    hash: '#/people',
    heading: 'People',
    selector: 'tbody tr',
  };
  const picker: ScreenStep = {
    label: 'Log a meeting: the pair picker',
    hash: '#/meetings/new',
    selector: 'ul[aria-label="Active pairs"] li',
  };
  const newPairing: ScreenStep = {
    label: 'New pairing',
    hash: '#/relationships/new',
    heading: 'New pairing',
    selector: 'input[name="mentee"]',
  };
  const dashboard: ScreenStep = { label: 'dashboard', hash: '#/', heading: 'Dashboard', selector: '.figure' };
  const screens: ScreenStep[] = [
    people,
    { label: 'Relationships list', hash: '#/relationships', heading: 'Relationships', selector: 'tbody tr' },
    newPairing,
    picker,
    {
      label: 'person page (busiest mentor)',
      hash: `#/people/${mentorId}`,
      heading: mentorName,
      selector: 'main',
    },
    { label: 'pairing page (busiest pair)', hash: `#/relationships/${pairId}`, selector: 'ol.timeline li' },
    {
      label: 'meeting form (new meeting)',
      hash: `#/meetings/new?relationship=${pairId}`,
      selector: 'form textarea',
    },
    dashboard,
  ];
  const typing: TypingStep[] = [
    { label: 'header search', screen: dashboard, box: 'Search the clinic', word: 'resilience' },
    { label: 'People list search', screen: people, box: 'Search', word: surname },
    { label: 'pair picker', screen: picker, box: 'Find the pair that met', word: surname },
    { label: 'New pairing, the mentee', screen: newPairing, box: 'Find the mentee', word: surname },
    {
      label: 'New pairing, the mentor',
      screen: newPairing,
      box: 'Find a mentor',
      word: surname,
      before: { find: 'Find the mentee', word: surname, group: 'Mentee', select: 'Program' },
    },
  ];
  return { screens, typing };
}

export async function run(): Promise<Figures> {
  const walk = window.benchWalkApp;
  if (!walk) return { note: 'needs scripts/bench.mjs (it opens the app in new tabs)' };
  const figures: Figures = {};
  const url = new URL('app/index.html', location.href).href;
  // The page's `scale` parameter (GH_BENCH_SCALE=1k or 10k) narrows the run to one clinic.
  const scale = new URLSearchParams(location.search).get('scale');
  for (const [size, clinic] of SIZES.filter(([label]) => !scale || scale === label)) {
    progress(`app-screens ${size}: writing the clinic into the app database`);
    await fillAppDatabase(clinic);
    const { screens, typing } = await stepsOfClinic();
    figures[`${size}: machine load at start (1/5/15 min)`] = await machineLoad();
    // A first walk fills the browser's cache; not counted.
    progress(`app-screens ${size}: warm-up`);
    await walk(url, screens, typing);
    const rounds: ScreenTimes[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      progress(`app-screens ${size}: round ${round} of ${ROUNDS}`);
      rounds.push(await walk(url, screens, typing));
    }
    for (const { label } of screens) {
      const times = rounds.map((round) => round.screens[label].ms);
      const early = rounds.map((round) => round.early[label].ms);
      figures[`${size} ${label}: to content (ms, median; spread)`] =
        `${Math.round(median(times))}; ${spread(times)}`;
      figures[`${size} ${label}: at once after the start (ms, median; spread)`] =
        `${Math.round(median(early))}; ${spread(early)}`;
      figures[`${size} ${label}: JS heap shown (MB, median)`] = median(
        rounds.map((round) => round.screens[label].heapMb),
      );
    }
    for (const { label, word } of typing) {
      const keys = rounds.flatMap((round) => round.typing[label]);
      figures[`${size} typing "${word}" in the ${label}: key to list (ms, p50 / p95; keys)`] =
        `${Math.round(percentile(keys, 50))} / ${Math.round(percentile(keys, 95))}; ${keys.length}`;
    }
    figures[`${size}: machine load at end (1/5/15 min)`] = await machineLoad();
  }
  return figures;
}
