// A full disk (or the browser engine's storage quota) is reported in words, in one place. IndexedDB
// raises QuotaExceededError; Dexie passes it on as is, inside an AbortError (`inner`), or inside a
// BulkError (`failures`); the desktop app's file writes fail with ENOSPC. Every form means the same to
// the manager: nothing was saved, nothing was changed, make room and try again.

/** What the manager reads when a save failed because the disk is full. */
export const DISK_FULL_MESSAGE =
  'The disk of this computer is full, so this could not be saved. Nothing was changed: your records are exactly as they were. Make room on the disk (empty the Recycle Bin or Trash, or move large files such as videos elsewhere), then try again.';

/** Refused before writing anything, because the space left is clearly too small. */
export class StorageFullError extends Error {
  readonly code = 'storage-full';
  constructor(message: string = DISK_FULL_MESSAGE) {
    super(message);
    this.name = 'StorageFullError';
  }
}

const NO_SPACE_TEXT = /\bENOSPC\b|no space left on device|QuotaExceededError/i;

/** True when the error, or an error it wraps, says the disk or the storage quota is full. */
export function isStorageFullError(error: unknown): boolean {
  return searchError(error, 0, new Set());
}

function searchError(error: unknown, depth: number, seen: Set<unknown>): boolean {
  if (error === null || typeof error !== 'object' || depth > 6 || seen.has(error)) return false;
  seen.add(error);
  const fields = error as Record<string, unknown>;
  if (error instanceof StorageFullError) return true;
  if (fields.name === 'QuotaExceededError' || fields.code === 'ENOSPC') return true;
  if (typeof fields.message === 'string' && NO_SPACE_TEXT.test(fields.message)) return true;
  const wrapped: unknown[] = [fields.inner, fields.cause];
  // Dexie's BulkError lists the failed operations as an array (failures) or by position.
  if (Array.isArray(fields.failures)) wrapped.push(...fields.failures);
  if (fields.failuresByPos && typeof fields.failuresByPos === 'object')
    wrapped.push(...Object.values(fields.failuresByPos));
  return wrapped.some((inner) => searchError(inner, depth + 1, seen));
}
