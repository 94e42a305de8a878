import { describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE } from '../../renderer/domain/storage-full';
import {
  createAutoBackupResponder,
  type DueReason,
  NO_PASSPHRASE,
} from '../../renderer/features/backup/auto-backup-responder';

// The main process asks for automatic backups (daily, and when the app closes); the page makes them
// one at a time. A stand-in for the main process records what it receives; the document is made by a
// step the test releases, so the order of events is under the test's control.

interface Deferred {
  promise: Promise<void>;
  release: () => void;
  fail: (error: Error) => void;
}

function deferred(): Deferred {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { promise, release, fail };
}

function setUp({
  hasPassphrase = true,
  clinicLock = false,
  writeError = null as Error | null,
  problemCount = 0,
  lock = undefined as { isOpen(): boolean; onUnlock(listener: () => void): () => void } | undefined,
} = {}) {
  const written: string[] = [];
  const notMade: { reason: DueReason; why: string }[] = [];
  const recorded: string[] = [];
  const notices: string[] = [];
  const documents: Deferred[] = [];
  let clock = 0;
  const responder = createAutoBackupResponder({
    platform: {
      getAutoBackupStatus: async () => ({
        enabled: true,
        folder: '/backups',
        onQuit: true,
        daily: true,
        rotation: { daily: 7, weekly: 4, monthly: 12 },
        available: true,
        unavailableReason: null,
        hasPassphrase,
        clinicLock,
        lastAutoBackupAt: null,
      }),
      writeAutoBackup: async ({ reason }) => {
        if (writeError) throw writeError;
        written.push(reason);
        return { path: `/backups/${reason}.age`, removed: [] };
      },
      reportAutoBackupNotMade: async (request) => {
        notMade.push(request);
        return null;
      },
    },
    makeDocument: async () => {
      const step = deferred();
      documents.push(step);
      await step.promise;
      return { autoFileName: 'Clinic auto', bytes: new Uint8Array(4), problemCount };
    },
    recordSaved: async (now) => {
      recorded.push(now.toISOString());
    },
    notify: (message) => notices.push(message),
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)),
    lock,
  });
  const documentsAsked = async (count: number) => {
    await expect.poll(() => documents.length).toBe(count);
  };
  return { responder, written, notMade, recorded, notices, documents, documentsAsked };
}

describe('the automatic-backup responder', () => {
  it('makes the backup, hands it over and notes it on the dashboard', async () => {
    const { responder, written, recorded, documents, documentsAsked } = setUp();
    const done = responder.respond('daily');
    await documentsAsked(1);
    documents[0]!.release();
    await done;
    expect(written).toEqual(['daily']);
    expect(recorded).toEqual(['2026-01-01T00:00:00.000Z']);
  });

  it('saves a backup whose records break a rule and tells the manager it needs repair', async () => {
    const { responder, written, notices, documents, documentsAsked } = setUp({ problemCount: 3 });
    const done = responder.respond('daily');
    await documentsAsked(1);
    documents[0]!.release();
    await done;
    expect(written).toEqual(['daily']);
    expect(notices).toEqual([
      expect.stringMatching(/^Automatic backup made, but 3 problems .*"needs repair"/),
    ]);
  });

  it('says nothing after a sound automatic backup', async () => {
    const { responder, notices, documents, documentsAsked } = setUp();
    const done = responder.respond('daily');
    await documentsAsked(1);
    documents[0]!.release();
    await done;
    expect(notices).toEqual([]);
  });

  it('makes the closing backup right after a daily one that is under way, never both at once', async () => {
    const { responder, written, documents, documentsAsked } = setUp();
    const daily = responder.respond('daily');
    await documentsAsked(1);
    const quit = responder.respond('quit');
    // The closing backup waits: no second document is started while the first one is made.
    await Promise.resolve();
    expect(documents).toHaveLength(1);
    documents[0]!.release();
    await daily;
    await documentsAsked(2);
    expect(written).toEqual(['daily']);
    documents[1]!.release();
    await quit;
    expect(written).toEqual(['daily', 'quit']);
  });

  it('asks only once more however often the closing backup is asked for meanwhile', async () => {
    const { responder, written, documents, documentsAsked } = setUp();
    const first = responder.respond('daily');
    await documentsAsked(1);
    const quits = [responder.respond('quit'), responder.respond('quit'), responder.respond('daily')];
    documents[0]!.release();
    await first;
    await documentsAsked(2);
    documents[1]!.release();
    await Promise.all(quits);
    expect(written).toEqual(['daily', 'quit']);
  });

  it('does not start a second daily backup while one is under way', async () => {
    const { responder, written, documents, documentsAsked } = setUp();
    const first = responder.respond('daily');
    await documentsAsked(1);
    const second = responder.respond('daily');
    documents[0]!.release();
    await Promise.all([first, second]);
    expect(written).toEqual(['daily']);
    expect(documents).toHaveLength(1);
  });

  it('tells the main process and the manager when no passphrase is kept, so closing never waits', async () => {
    const { responder, notMade, notices, documents } = setUp({ hasPassphrase: false });
    await responder.respond('quit');
    expect(documents).toHaveLength(0);
    expect(notMade).toEqual([{ reason: 'quit', why: NO_PASSPHRASE }]);
    expect(notices).toEqual([`Automatic backup not made. ${NO_PASSPHRASE}`]);
  });

  it('says the disk is full in words when the backup folder has no room, and can run again after', async () => {
    const diskFull = new Error(
      "Error invoking remote method 'autoBackup:write': ENOSPC: no space left on device",
    );
    const { responder, notMade, notices, recorded, documents, documentsAsked } = setUp({
      writeError: diskFull,
    });
    const done = responder.respond('daily');
    await documentsAsked(1);
    documents[0]!.release();
    await done;
    expect(notMade).toEqual([{ reason: 'daily', why: DISK_FULL_MESSAGE.slice(0, 500) }]);
    expect(notices).toEqual([`Automatic backup not made: ${DISK_FULL_MESSAGE}`]);
    expect(recorded).toEqual([]);
    const again = responder.respond('daily');
    await documentsAsked(2);
    documents[1]!.release();
    await again;
  });

  it('with the clinic lock, needs no passphrase: the backup is made and handed over to be encrypted to the clinic', async () => {
    const { responder, written, documents, documentsAsked } = setUp({
      hasPassphrase: false,
      clinicLock: true,
    });
    const done = responder.respond('daily');
    await documentsAsked(1);
    documents[0].release();
    await done;
    expect(written).toEqual(['daily']);
  });

  it('a backup due while the clinic is locked is made right after the next unlock, and a closing app is told why at once', async () => {
    let open = false;
    const unlockListeners: (() => void)[] = [];
    const lock = {
      isOpen: () => open,
      onUnlock: (listener: () => void) => {
        unlockListeners.push(listener);
        return () => undefined;
      },
    };
    const { responder, written, notMade, documents, documentsAsked } = setUp({
      hasPassphrase: false,
      clinicLock: true,
      lock,
    });
    await responder.respond('daily');
    await responder.respond('quit');
    expect(documents).toHaveLength(0);
    expect(notMade).toEqual([{ reason: 'quit', why: expect.stringContaining('locked') }]);
    expect(written).toEqual([]);

    open = true;
    for (const listener of unlockListeners) listener();
    await documentsAsked(1);
    documents[0].release();
    await expect.poll(() => written).toEqual(['daily']);
    // One unlock, one backup: a second unlock with nothing due makes none.
    for (const listener of unlockListeners) listener();
    expect(documents).toHaveLength(1);
  });
});
