// The backup module's public face: the screens import from here, never from the files behind it.
export { autoBackupRecipient, isClinicOpen, onClinicLockChange, onClinicUnlock } from './auto-backup-lock';
export { isRecoverySheetBackup } from './encryption';
export * from './errors';
export {
  BACKUP_FILE_FILTER,
  type BackupHeader,
  backupFileName,
  MAX_BACKUP_BYTES,
  type TableCounts,
} from './format';
export {
  APP_VERSION,
  countCurrentRecords,
  exportSafetyCopy,
  type MadeBackup,
  type MakeBackupOptions,
  makeAutoBackupDocument,
  makeBackup,
  recordBackupSaved,
} from './make-backup';
export {
  type BackupCheck,
  checkBackupFile,
  listSafetyCopies,
  type OpenedBackup,
  openBackup,
  openSafetyCopy,
} from './open-backup';
export type { BackupPhase, BackupProgress, ProgressListener } from './progress';
export { type RestoreOutcome, restoreBackup, restoreBackupFile } from './restore-backup';
export type { SafetyCopySummary } from './safety';
