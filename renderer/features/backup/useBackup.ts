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

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
export const backupActions = {
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
