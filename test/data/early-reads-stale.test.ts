// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';
import type { DashboardView } from '../../renderer/domain/dashboard';
import { freshDatabasePerTest, LOCKED_CONFIGURATION } from './helpers';

// A dashboard read early is a screen's first value only while nothing has been written since it began:
// a write that lands while it is still being read drops it when it arrives, as a write after it does.

const reading = vi.hoisted(() => ({
  started: 0,
  answer: null as ((view: unknown) => void) | null,
}));
vi.mock('../../renderer/data/dashboard.repo', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  loadDashboard: () =>
    new Promise((resolve) => {
      reading.started += 1;
      reading.answer = resolve;
    }),
}));

const { earlyDashboard, startEarlyReads } = await import('../../renderer/data/early-reads');
const { getDb } = await import('../../renderer/data/db');

freshDatabasePerTest();
const TODAY = '2026-03-02';
const VIEW = { cards: [] } as unknown as DashboardView;

/** The new database opened and its first writes (made as it is created) settled, as at a later start. */
async function openedAndSettled(): Promise<void> {
  await getDb().open();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

it.skipIf(LOCKED_CONFIGURATION)('drops an early dashboard when a write lands while it is read', async () => {
  await openedAndSettled();
  startEarlyReads(TODAY, 10);
  await vi.waitFor(() => expect(reading.started).toBe(1));
  await getDb().topics.add({ id: 'topic-new', label: 'Night shifts', builtIn: false, archived: false });
  reading.answer?.(VIEW);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(earlyDashboard(TODAY, 10)).toBeUndefined();
});

it.skipIf(LOCKED_CONFIGURATION)('keeps it when nothing was written meanwhile', async () => {
  await openedAndSettled();
  startEarlyReads(TODAY, 10);
  await vi.waitFor(() => expect(reading.started).toBe(2));
  reading.answer?.(VIEW);
  await vi.waitFor(() => expect(earlyDashboard(TODAY, 10)).toBe(VIEW));
});
