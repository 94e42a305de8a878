import {
  checkBackupFile,
  countCurrentRecords,
  exportSafetyCopy,
  listSafetyCopies,
  makeBackup,
  type OpenedBackup,
  openBackup,
  openSafetyCopy,
  type RestoreOutcome,
  recordBackupSaved,
  restoreBackup,
} from '../../data/backup';
import { recordRestoredFrom } from '../../data/backup-history.repo';
import { ensureRoomForBackup } from '../../data/storage';

export type {
  BackupCheck,
  BackupHeader,
  BackupIssue,
  BackupProgress,
  MadeBackup,
  OpenedBackup,
  SafetyCopySummary,
  TableCounts,
} from '../../data/backup';
// The backup screen's door to the data layer: components call these hooks, never data/ itself.
export {
  BACKUP_FILE_FILTER,
  describeIssue,
  isRecoverySheetBackup,
  MAX_BACKUP_BYTES,
} from '../../data/backup';

type RestoreOptions = Parameters<typeof restoreBackup>[1];

/** Restores, then notes on the dashboard where the records came from (a backup file or a safety copy). */
function restoreFrom(source: 'backup' | 'safety-copy') {
  return async (opened: OpenedBackup, options?: RestoreOptions): Promise<RestoreOutcome> => {
    const outcome = await restoreBackup(opened, options);
    await recordRestoredFrom(source, opened.header.createdAt);
    return outcome;
  };
}

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
export const backupActions = {
  ensureRoomForBackup,
  makeBackup,
  recordBackupSaved,
  openBackup,
  checkBackupFile,
  restoreBackup: restoreFrom('backup'),
  restoreSafetyCopy: restoreFrom('safety-copy'),
  countCurrentRecords,
  listSafetyCopies,
  openSafetyCopy,
  exportSafetyCopy,
};
