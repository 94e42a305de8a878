import { useEffect } from 'react';
import { makeAutoBackupDocument, recordBackupSaved } from '../../data/backup';
import { getPlatform } from '../../platform/platform';
import { useToast } from '../../ui/toast';

const NO_PASSPHRASE = 'No passphrase is kept for automatic backups. Set one again under Backups.';

/**
 * Answers the main process when an automatic backup is due (daily, or when the app closes): makes the
 * backup document and hands it over to be encrypted (with the passphrase the main process keeps in the
 * system's protected storage), written and rotated. When none can be made, the main process is told why (so closing never waits for it)
 * and the manager sees it. Mount once, in the app shell.
 */
export function useAutoBackupResponder(): void {
  const { showToast } = useToast();
  useEffect(() => {
    const platform = getPlatform();
    let running = false;
    let quitWaiting = false;
    const respond = (reason: 'daily' | 'quit') => {
      if (running) {
        // A daily backup is under way: the closing app's backup follows it rather than being lost.
        if (reason === 'quit') quitWaiting = true;
        return;
      }
      running = true;
      void (async () => {
        try {
          // The passphrase stays in the main process, which encrypts the document; the page only asks
          // whether one is kept, so it never builds a backup that cannot be locked.
          const { hasPassphrase } = await platform.getAutoBackupStatus();
          if (!hasPassphrase) {
            await platform.reportAutoBackupNotMade({ reason, why: NO_PASSPHRASE });
            showToast(`Automatic backup not made. ${NO_PASSPHRASE}`);
            return;
          }
          const now = new Date();
          const backup = await makeAutoBackupDocument(now);
          await platform.writeAutoBackup({ fileName: backup.autoFileName, data: backup.bytes, reason });
          await recordBackupSaved(now);
        } catch (error) {
          const why =
            error instanceof Error && error.message ? error.message : 'The backup could not be made.';
          // A failed write was already reported by the main process itself; telling it again is harmless.
          await platform.reportAutoBackupNotMade({ reason, why: why.slice(0, 500) }).catch(() => undefined);
          showToast(`Automatic backup not made: ${why}`);
        } finally {
          running = false;
          if (quitWaiting) {
            quitWaiting = false;
            respond('quit');
          }
        }
      })();
    };
    return platform.on('autoBackup:due', respond);
  }, [showToast]);
}

/** The hook as a component, for shells that mount behaviour as elements. */
export function AutoBackupResponder(): null {
  useAutoBackupResponder();
  return null;
}
