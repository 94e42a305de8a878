import { useEffect } from 'react';
import { makeBackup, recordBackupSaved } from '../../data/backup';
import { getPlatform } from '../../platform/platform';

/**
 * Answers the main process when an automatic backup is due (daily, or when the app closes): makes the
 * backup with the passphrase kept in the system's protected storage and hands it over to be written
 * and rotated. Mount once, in the app shell.
 */
export function useAutoBackupResponder(): void {
  useEffect(() => {
    const platform = getPlatform();
    let running = false;
    return platform.on('autoBackup:due', (reason) => {
      if (running) return;
      running = true;
      void (async () => {
        try {
          const passphrase = await platform.getAutoBackupPassphrase();
          if (!passphrase) {
            console.warn('Automatic backup skipped: no passphrase is stored for it.');
            return;
          }
          const now = new Date();
          const backup = await makeBackup({ passphrase, now });
          await platform.writeAutoBackup({ fileName: backup.autoFileName, data: backup.bytes, reason });
          await recordBackupSaved(now);
        } catch {
          // The main process reports a failed write itself; the dashboard keeps showing the last good backup.
          console.error('Automatic backup failed.');
        } finally {
          running = false;
        }
      })();
    });
  }, []);
}

/** The hook as a component, for shells that mount behaviour as elements. */
export function AutoBackupResponder(): null {
  useAutoBackupResponder();
  return null;
}
