import { BackupError } from '../../data/backup';
import { DISK_FULL_MESSAGE, isStorageFullError, StorageFullError } from '../../domain/storage-full';

/** Words for the manager: backup errors already speak plainly; anything else is unexpected. */
export function describeBackupFailure(error: unknown, doing: string): string {
  if (error instanceof StorageFullError) return error.message;
  // A full disk, whether this computer's or the backup folder's, gets the same plain words everywhere.
  if (isStorageFullError(error)) return DISK_FULL_MESSAGE;
  if (error instanceof BackupError) return error.message;
  // Platform errors (a folder that vanished) carry their own plain message.
  if (error instanceof Error && error.message && !/^[A-Z_]+:|\bat\b.*:\d+/.test(error.message)) {
    console.error(`Backup screen: ${doing} failed`);
    return `${doing[0].toUpperCase()}${doing.slice(1)} did not work: ${error.message}`;
  }
  console.error(`Backup screen: ${doing} failed`);
  return `Something went wrong while ${doing}. Your records have not been changed.`;
}
