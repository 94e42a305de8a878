// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { clinicLockActions } from '../../renderer/data/clinic-lock.repo';
import { getDb } from '../../renderer/data/db';
import { earlyDashboard, earlySettings, startEarlyReads } from '../../renderer/data/early-reads';
import { freshDatabasePerTest, LOCKED_CONFIGURATION } from './helpers';

// The first reads of a start (early-reads.ts): the database's version on disk is asked, then the lock's
// key ring, then (without a lock) the settings and the dashboard's first rows, for the screens' first
// value. The lock's mode read early is taken by the app's first loadMode(); once the app has read it
// itself, an early reading is refused, so none is kept to answer a later loadMode() with an old mode.

freshDatabasePerTest();
const TODAY = '2026-03-02';

describe('the first reads of a start', () => {
  it("reads the lock's mode, and without a lock the settings and the dashboard, before the app asks", async () => {
    // A clinic opened before: the new database's first writes (made as it is created) have settled, as
    // any write drops the early answers (early-reads-stale.test.ts).
    await getDb().open();
    await new Promise((resolve) => setTimeout(resolve, 50));
    startEarlyReads(TODAY, 10);
    if (LOCKED_CONFIGURATION) {
      // Nothing of the clinic is read before the unlock.
      expect(await clinicLockActions.loadMode()).not.toBe('off');
      expect(earlySettings()).toBeUndefined();
      expect(earlyDashboard(TODAY, 10)).toBeUndefined();
      return;
    }
    await vi.waitFor(() => {
      expect(earlySettings()).toBeDefined();
      expect(earlyDashboard(TODAY, 10)).toBeDefined();
    });
    // The app's first loadMode() takes the early reading over.
    expect(await clinicLockActions.loadMode()).toBe('off');
  });

  it("refuses an early reading of the lock's mode once the app has read it itself", async () => {
    await clinicLockActions.loadMode();
    await expect(clinicLockActions.preloadMode()).rejects.toThrow(/read the lock's mode itself/);
  });
});
