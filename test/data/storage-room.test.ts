// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeopleInBulk } from '../../renderer/data/people.repo';
import { ensureRoomFor, SPARE_BYTES, storagePersistence } from '../../renderer/data/storage';
import { StorageFullError } from '../../renderer/domain/storage-full';
import { describeError } from '../../renderer/ui/errors';
import { freshDatabasePerTest, menteeInput, personInput } from './helpers';

// Before a big write the app asks the engine how much room is left, and refuses in words when it is
// clearly too little; where the engine cannot say, the write goes ahead (a full disk is still caught).

const db = freshDatabasePerTest();

function engineReports(storage: Partial<StorageManager>): void {
  vi.stubGlobal('navigator', { storage });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const roster = () => [personInput(), menteeInput()];
const PASSPHRASE = 'lantern meadow copper violin 42';

describe('room on the disk before an import', () => {
  it('refuses an import that clearly cannot fit, saying so, before writing anything', async () => {
    engineReports({ estimate: async () => ({ quota: 2 * 1024 * 1024, usage: 1024 * 1024 }) });
    const failure = await createPeopleInBulk(roster()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFullError);
    const { message } = describeError(failure);
    expect(message).toMatch(/^There is not enough free space on this computer's disk to import this roster/);
    expect(message).toContain('only 1.0 MB is free');
    expect(message).toContain('Nothing was changed');
    expect(await db().people.count()).toBe(0);
    expect(await db().auditLog.count()).toBe(0);
  });

  it('lets an import that fits go ahead', async () => {
    engineReports({ estimate: async () => ({ quota: 500 * 1024 * 1024, usage: 1024 * 1024 }) });
    await createPeopleInBulk(roster());
    expect(await db().people.count()).toBe(2);
  });

  it('lets the import go ahead where the engine gives no estimate', async () => {
    engineReports({});
    await createPeopleInBulk(roster());
    expect(await db().people.count()).toBe(2);
  });

  it('always keeps a margin free on top of what the write needs', async () => {
    engineReports({ estimate: async () => ({ quota: SPARE_BYTES + 1000, usage: 0 }) });
    await expect(ensureRoomFor(999, 'do this')).resolves.toBeUndefined();
    await expect(ensureRoomFor(1001, 'do this')).rejects.toThrow(/not enough free space .* to do this/);
  });
});

describe('whether the engine keeps the records', () => {
  it('reads the answer the engine gives', async () => {
    engineReports({ persisted: async () => true });
    expect(await storagePersistence()).toBe('persistent');
    engineReports({ persisted: async () => false });
    expect(await storagePersistence()).toBe('best-effort');
    engineReports({});
    expect(await storagePersistence()).toBe('unknown');
  });
});

describe('room on the disk before a restore', () => {
  it('refuses a restore that clearly cannot fit, saying so, and changes nothing', async () => {
    const { makeBackup, openBackup, restoreBackup } = await import('../../renderer/data/backup');
    await createPeopleInBulk(roster());
    const made = await makeBackup({
      passphrase: PASSPHRASE,
      now: new Date(2026, 10, 30),
      scryptWorkFactor: 2,
    });
    const before = await db().people.toArray();
    const opened = await openBackup(made.bytes, PASSPHRASE);
    engineReports({ estimate: async () => ({ quota: SPARE_BYTES + 100, usage: 0 }) });
    const failure = await restoreBackup(opened).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect(describeError(failure).message).toMatch(
      /^There is not enough free space on this computer's disk to restore this backup/,
    );
    expect(await db().people.toArray()).toEqual(before);
  });
});
