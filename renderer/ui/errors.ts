import { RuleError } from '../domain/rules';
import { DISK_FULL_MESSAGE, isStorageFullError, StorageFullError } from '../domain/storage-full';

// Turns a failed save into words for the manager. Rule errors from the repositories already speak
// plainly; a full disk gets its own words wherever it happens; anything else is unexpected, so it is
// reported to the console and summarised.

export interface ErrorInfo {
  message: string;
  field?: string;
  code?: string;
}

export function describeError(error: unknown, doing = 'saving'): ErrorInfo {
  if (error instanceof RuleError) return { message: error.message, field: error.field, code: error.code };
  if (error instanceof StorageFullError) return { message: error.message, code: error.code };
  if (isStorageFullError(error)) return { message: DISK_FULL_MESSAGE, code: 'storage-full' };
  console.error(error);
  return { message: `Something went wrong while ${doing}. Nothing was changed; please try again.` };
}
