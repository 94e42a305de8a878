import { RuleError } from '../domain/rules';
import { DISK_FULL_MESSAGE, isStorageFullError, StorageFullError } from '../domain/storage-full';

// Turns a failure into words for the manager. Rule errors from the repositories and the platform's
// errors (coded failures of the desktop, worded in one table) already speak plainly; a full disk gets
// its own words wherever it happens; anything else is unexpected, so it is reported to the console and
// summarised.

export interface ErrorInfo {
  message: string;
  field?: string;
  code?: string;
}

/** Errors that already carry words for the manager (the platform's, by its `plainWords` mark). */
function speaksPlainly(error: unknown): error is Error {
  return (
    error instanceof Error && (error as { plainWords?: unknown }).plainWords === true && error.message !== ''
  );
}

export function describeError(error: unknown, doing = 'saving'): ErrorInfo {
  if (error instanceof RuleError) return { message: error.message, field: error.field, code: error.code };
  if (error instanceof StorageFullError) return { message: error.message, code: error.code };
  if (speaksPlainly(error)) return { message: error.message };
  if (isStorageFullError(error)) return { message: DISK_FULL_MESSAGE, code: 'storage-full' };
  console.error(error);
  return { message: `Something went wrong while ${doing}. Nothing was changed; please try again.` };
}
