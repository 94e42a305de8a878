// Placeholder until backups land: the dashboard shows when the last backup was made.
export function BackupStatus() {
  return null;
}
