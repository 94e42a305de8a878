// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadDashboard } from '../../renderer/data/dashboard.repo';
import { getDb } from '../../renderer/data/db';
import { setActionItemDone } from '../../renderer/data/meetings.repo';
import { addDaysIso } from '../../renderer/domain/calendar';
import { computeDashboard, type Dashboard } from '../../renderer/domain/dashboard';
import type { IsoDate } from '../../renderer/domain/types';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { freshDatabasePerTest, TODAY } from './helpers';

// The dashboard reads its lists through the version-3 indexes. Whatever the clinic, it must show
// exactly what the former reading of every live pair, every person and every past-due item showed.

freshDatabasePerTest();

/** The dashboard as it was computed before the indexes: from whole tables. */
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

/** Several days around the clinic's own: lists differ in length and content from one to the next. */
const DAYS = [
  addDaysIso(TODAY, -120),
  addDaysIso(TODAY, -7),
  TODAY,
  addDaysIso(TODAY, 1),
  addDaysIso(TODAY, 60),
];

async function expectSameAsFullScan(): Promise<void> {
  for (const day of DAYS) {
    const full = await fullScanDashboard(day);
    const totals = {
      overdue: full.overdue.length,
      quiet: full.quiet.length,
      endingSoon: full.endingSoon.length,
      pastDueActions: full.pastDueActions.length,
    };
    expect(await loadDashboard(day), day).toEqual({ ...full, totals });
    // The screen asks for the first rows of each list only: the same rows, and the same counts.
    for (const rows of [1, 3, 10]) {
      expect(await loadDashboard(day, rows), `${day}, ${rows} rows`).toEqual({
        activeCount: full.activeCount,
        overdue: full.overdue.slice(0, rows),
        quiet: full.quiet.slice(0, rows),
        endingSoon: full.endingSoon.slice(0, rows),
        pastDueActions: full.pastDueActions.slice(0, rows),
        totals,
      });
    }
  }
}

describe('the dashboard read by index', () => {
  it('shows the same figures and rows as a full scan on the sample clinic', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const board = await loadDashboard(TODAY);
    // The sample clinic exercises every list, so the comparison below is not between empty boards.
    expect(board.overdue.length).toBeGreaterThan(0);
    expect(board.quiet.length).toBeGreaterThan(0);
    expect(board.pastDueActions.length).toBeGreaterThan(0);
    await expectSameAsFullScan();
  });

  it('shows the same figures as a full scan on generated clinics of several shapes', async () => {
    for (const seed of [2, 3, 4]) {
      await getDb().transaction('rw', getDb().tables, () =>
        Promise.all(getDb().tables.map((t) => t.clear())),
      );
      await loadSampleClinic({
        seed,
        size: { people: 60 * seed, relationships: 110 * seed, meetings: 500 * seed },
        today: TODAY,
      });
      await expectSameAsFullScan();
    }
  });

  it('follows every kind of change: a resumption dated ahead, a closed pair, an item ticked off', async () => {
    await loadSampleClinic({ seed: 5, size: 'demo', today: TODAY });
    const db = getDb();
    const [first, second, third] = await db.relationships.where('status').equals('active').toArray();
    // Raw writes, as any repository makes them: the derived index fields follow by themselves.
    await db.relationships.update(first.id, {
      statusHistory: [...first.statusHistory, { status: 'active', date: addDaysIso(TODAY, 10) }],
    });
    // A pair that stops running is written with its action items, goals and milestones in the transaction
    // (their indexes follow).
    await db.transaction('rw', [db.relationships, db.actionItems, db.goals, db.milestones, db.people], () =>
      db.relationships.put({ ...second, status: 'completed', endDate: TODAY }),
    );
    await db.relationships.update(third.id, { lastMeetingDate: null, startDate: addDaysIso(TODAY, -400) });
    await expectSameAsFullScan();

    const [item] = (await loadDashboard(TODAY)).pastDueActions;
    await setActionItemDone(item.actionItemId, true);
    const after = await loadDashboard(TODAY);
    expect(after.pastDueActions.map((row) => row.actionItemId)).not.toContain(item.actionItemId);
    await expectSameAsFullScan();
  });

  it('keeps the index fields out of every record the app reads', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const db = getDb();
    for (const pair of await db.relationships.toArray()) expect(pair).not.toHaveProperty('clockStart');
    for (const item of await db.actionItems.toArray()) {
      expect(item).not.toHaveProperty('openDueDate');
      expect(item).not.toHaveProperty('liveDueDate');
    }
  });
});
