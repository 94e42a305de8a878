import { BackupError } from '../../data/backup';

/** Words for the manager: backup errors already speak plainly; anything else is unexpected. */
export function describeBackupFailure(error: unknown, doing: string): string {
  if (error instanceof BackupError) return error.message;
  // Platform errors (a folder that vanished, a full disk) carry their own plain message.
  if (error instanceof Error && error.message && !/^[A-Z_]+:|\bat\b.*:\d+/.test(error.message)) {
    console.error(`Backup screen: ${doing} failed`);
    return `${doing[0].toUpperCase()}${doing.slice(1)} did not work: ${error.message}`;
  }
  console.error(`Backup screen: ${doing} failed`);
  return `Something went wrong while ${doing}. Your records have not been changed.`;
}
