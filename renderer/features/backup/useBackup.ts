import {
  checkBackupFile,
  countCurrentRecords,
  exportSafetyCopy,
  listSafetyCopies,
  makeBackup,
  openBackup,
  openSafetyCopy,
  recordBackupSaved,
  restoreBackup,
} from '../../data/backup';
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
export { BACKUP_FILE_FILTER, describeIssue, MAX_BACKUP_BYTES } from '../../data/backup';

// Built once, so every render gets the same object and effects that depend on it do not rerun.
const backupActions = {
  ensureRoomForBackup,
  makeBackup,
  recordBackupSaved,
  openBackup,
  checkBackupFile,
  restoreBackup,
  countCurrentRecords,
  listSafetyCopies,
  openSafetyCopy,
  exportSafetyCopy,
};

export function useBackupActions(): typeof backupActions {
  return backupActions;
}
