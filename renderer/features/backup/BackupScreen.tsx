// Placeholder until this feature lands; the shell routes to it already.
export function BackupScreen() {
  return <h1>Backups</h1>;
}
