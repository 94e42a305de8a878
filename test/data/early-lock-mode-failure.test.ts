// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';

// The lock's key ring read early (as the page starts) can fail where a second reading would not (the
// database busy a moment): the app's own first reading is then made afresh, not handed the early
// failure, so the manager sees the lock screen rather than an error.

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../renderer/data/lock/keyring', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  loadLockMode: async () => {
    reads.count += 1;
    if (reads.count === 1) throw new Error('The database was busy.');
    return 'off';
  },
}));

const { clinicLockActions } = await import('../../renderer/data/clinic-lock.repo');

it("reads the lock's mode again when the early reading failed", async () => {
  await expect(clinicLockActions.preloadMode()).rejects.toThrow('busy');
  expect(await clinicLockActions.loadMode()).toBe('off');
  expect(reads.count).toBe(2);
});
