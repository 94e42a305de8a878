import { BackupError } from '../../data/backup';
import { DISK_FULL_MESSAGE, isStorageFullError, StorageFullError } from '../../domain/storage-full';
import { isPlatformError } from '../../platform/errors';

/** Words for the manager: backup errors already speak plainly; anything else is unexpected. */
export function describeBackupFailure(error: unknown, doing: string): string {
  if (error instanceof StorageFullError) return error.message;
  // Platform errors (a folder that vanished, the backup folder's disk full) carry a code and their own
  // words, which name the folder: a full USB stick is not this computer's disk.
  if (isPlatformError(error) && error.code !== 'unexpected') {
    console.error(`Backup screen: ${doing} failed`);
    return `${doing[0].toUpperCase()}${doing.slice(1)} did not work: ${error.message}`;
  }
  // This computer's full disk gets the same plain words everywhere.
  if (isStorageFullError(error)) return DISK_FULL_MESSAGE;
  if (error instanceof BackupError) return error.message;
  console.error(`Backup screen: ${doing} failed`);
  return `Something went wrong while ${doing}. Your records have not been changed.`;
}
