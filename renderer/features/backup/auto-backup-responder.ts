import { DISK_FULL_MESSAGE, isStorageFullError } from '../../domain/storage-full';
import type { PlatformApi } from '../../platform/platform';

// Answering the main process when an automatic backup is due, as a plain module (no React), so that
// its one rule about concurrency is tested on its own: one backup at a time; a closing app's backup
// asked for while a daily one runs follows it (never lost, never run twice at once); a daily one asked
// for while one runs is already being made.

export type DueReason = 'daily' | 'quit';

export const NO_PASSPHRASE = 'No passphrase is kept for automatic backups. Set one again under Backups.';
export const LOCKED_WHY =
  'The clinic is locked, so the notes cannot be read into a backup. It will be made right after the next unlock.';

export function needsRepairNotice(problemCount: number): string {
  const what =
    problemCount === 1 ? 'one record breaks a rule' : `${problemCount} problems were found in the records`;
  return `Automatic backup made, but ${what}, so it is marked "needs repair" and a restore would refuse it. Under Backups, "Back up now" lists the records to correct.`;
}

export interface AutoBackupResponderDeps {
  platform: Pick<PlatformApi, 'getAutoBackupStatus' | 'writeAutoBackup' | 'reportAutoBackupNotMade'>;
  /**
   * The clinic lock. A backup holds the notes in the clear inside its encryption, so it can only be
   * made while the clinic is unlocked; one that falls due while locked is made right after the next
   * unlock. Absent: no lock (always open).
   */
  lock?: { isOpen(): boolean; onUnlock(listener: () => void): () => void };
  /** The backup document (the main process encrypts it to the clinic lock, or with the kept passphrase). */
  makeDocument: (
    now: Date,
  ) => Promise<{ autoFileName: string; bytes: Uint8Array<ArrayBuffer>; problemCount?: number }>;
  /** Notes on the dashboard that an automatic backup was written. */
  recordSaved: (now: Date) => Promise<void>;
  /** Tells the manager, in words, why a backup was not made. */
  notify: (message: string) => void;
  now?: () => Date;
}

export interface AutoBackupResponder {
  /** Settles once the backup this call asked for (or the one already running) is written or failed. */
  respond(reason: DueReason): Promise<void>;
  /** Stops waiting for an unlock. */
  dispose(): void;
}

export function createAutoBackupResponder(deps: AutoBackupResponderDeps): AutoBackupResponder {
  const clock = deps.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  let quitAfterRunning: Promise<void> | null = null;

  async function makeOne(reason: DueReason): Promise<void> {
    const { platform } = deps;
    try {
      // The passphrase stays in the main process; the page only asks whether one is kept, so it never
      // builds a backup that cannot be locked.
      const { hasPassphrase, clinicLock } = await platform.getAutoBackupStatus();
      if (!hasPassphrase && !clinicLock) {
        await platform.reportAutoBackupNotMade({ reason, why: NO_PASSPHRASE });
        deps.notify(`Automatic backup not made. ${NO_PASSPHRASE}`);
        return;
      }
      const now = clock();
      const backup = await deps.makeDocument(now);
      await platform.writeAutoBackup({ fileName: backup.autoFileName, data: backup.bytes, reason });
      await deps.recordSaved(now);
      // Saved all the same, marked inside; the manager learns of it now, not on the day of a restore.
      if (backup.problemCount) deps.notify(needsRepairNotice(backup.problemCount));
    } catch (error) {
      const why = isStorageFullError(error)
        ? DISK_FULL_MESSAGE
        : error instanceof Error && error.message
          ? error.message
          : 'The backup could not be made.';
      // A failed write was already reported by the main process itself; telling it again is harmless.
      await platform.reportAutoBackupNotMade({ reason, why: why.slice(0, 500) }).catch(() => undefined);
      deps.notify(`Automatic backup not made: ${why}`);
    }
  }

  let dueAfterUnlock = false;
  const stopWaiting =
    deps.lock?.onUnlock(() => {
      if (!dueAfterUnlock) return;
      dueAfterUnlock = false;
      void respond('daily');
    }) ?? (() => undefined);

  async function whileLocked(reason: DueReason): Promise<void> {
    if (reason === 'daily') {
      dueAfterUnlock = true;
      return;
    }
    // Closing while locked: say why at once, so the app does not wait a minute for a backup.
    await deps.platform.reportAutoBackupNotMade({ reason, why: LOCKED_WHY }).catch(() => undefined);
  }

  function respond(reason: DueReason): Promise<void> {
    if (deps.lock && !deps.lock.isOpen()) return whileLocked(reason);
    if (!running) {
      running = makeOne(reason).finally(() => {
        running = null;
      });
      return running;
    }
    if (reason === 'daily') return running;
    // The app is closing while a backup runs: one more follows it, with the records as they are then.
    quitAfterRunning ??= running.then(() => {
      quitAfterRunning = null;
      return respond('quit');
    });
    return quitAfterRunning;
  }

  return { respond, dispose: stopWaiting };
}
