// The backup module's public face: the screens import from here, never from the files behind it.
export {
  APP_VERSION,
  countCurrentRecords,
  exportSafetyCopy,
  listSafetyCopies,
  type MadeBackup,
  type MakeBackupOptions,
  makeBackup,
  type OpenedBackup,
  openBackup,
  openSafetyCopy,
  type RestoreOutcome,
  recordBackupSaved,
  restoreBackup,
  restoreBackupFile,
} from './backup';
export * from './errors';
export {
  BACKUP_FILE_FILTER,
  type BackupHeader,
  backupFileName,
  MAX_BACKUP_BYTES,
  type TableCounts,
} from './format';
export type { BackupPhase, BackupProgress, ProgressListener } from './progress';
export type { SafetyCopySummary } from './safety';
