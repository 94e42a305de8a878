import { formatBytes } from '../domain/file-size';
import { StorageFullError } from '../domain/storage-full';

// The browser engine's storage for this app: asking it to keep the data (persistent storage), and how
// much room is left (navigator.storage.estimate), so that a big write is refused before it starts.

/** 'persistent': kept even when the disk runs low; 'best-effort': may be evicted; 'unknown': no API. */
export type StoragePersistence = 'persistent' | 'best-effort' | 'unknown';

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

let requested: Promise<StoragePersistence> | null = null;

/**
 * Asks once per start that the clinic's records never be evicted under storage pressure. Chromium
 * decides by itself, without asking the manager; the answer is shown in Settings → Backups.
 */
export function requestPersistentStorage(): Promise<StoragePersistence> {
  requested ??= (async () => {
    const manager = storageManager();
    if (!manager?.persist) return 'unknown';
    try {
      return (await manager.persisted()) || (await manager.persist()) ? 'persistent' : 'best-effort';
    } catch {
      return 'unknown';
    }
  })();
  return requested;
}

/** Whether the records are kept even when the disk runs low, as the engine says now. */
export async function storagePersistence(): Promise<StoragePersistence> {
  const manager = storageManager();
  if (!manager?.persisted) return 'unknown';
  try {
    return (await manager.persisted()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}

export interface StorageRoom {
  /** Bytes the app may still write, as the engine estimates it (its quota already counts the disk's free space). */
  free: number;
  /** Bytes the app's data uses now. */
  used: number;
}

/** The engine's estimate, or null where it gives none (then nothing is refused early). */
export async function estimateStorageRoom(): Promise<StorageRoom | null> {
  const manager = storageManager();
  if (!manager?.estimate) return null;
  try {
    const { quota, usage } = await manager.estimate();
    if (typeof quota !== 'number' || typeof usage !== 'number') return null;
    return { free: Math.max(0, quota - usage), used: usage };
  } catch {
    return null;
  }
}

/** Room always kept free on top of what a write needs: IndexedDB and the system need some to work. */
export const SPARE_BYTES = 5 * 1024 * 1024;

/** Rough size of records once stored: their JSON, twice over for indexes, the audit log and overhead. */
export function storedSizeOf(records: readonly unknown[]): number {
  let bytes = 0;
  for (const record of records) bytes += JSON.stringify(record)?.length ?? 0;
  return bytes * 3;
}

/**
 * Refuses early, with a StorageFullError in plain words, when the engine says there is clearly not
 * enough room for a write of about `needed` bytes. `what` completes "There is not enough free space … to …".
 * Where no estimate is available it lets the write go ahead: a full disk is still caught and reported
 * by the write itself, with nothing half-written.
 */
export async function ensureRoomFor(needed: number, what: string): Promise<void> {
  const room = await estimateStorageRoom();
  if (room) checkRoom(room, needed, what);
}

/**
 * Before a backup saved by the browser (a download, usually onto this same disk). Its file is
 * compressed: a quarter of what the records take in the database is a low bound, so only a backup
 * that clearly cannot fit is refused. The desktop app writes into the chosen folder, whose free space
 * the main process checks instead.
 */
export async function ensureRoomForBackup(): Promise<void> {
  const room = await estimateStorageRoom();
  if (room) checkRoom(room, Math.ceil(room.used / 4), 'make a backup');
}

function checkRoom(room: StorageRoom, needed: number, what: string): void {
  const wanted = needed + SPARE_BYTES;
  if (room.free >= wanted) return;
  throw new StorageFullError(
    `There is not enough free space on this computer's disk to ${what}: it needs about ${formatBytes(wanted)} and only ${formatBytes(room.free)} is free. Nothing was changed: your records are exactly as they were. Make room on the disk (empty the Recycle Bin or Trash, or move large files such as videos elsewhere), then try again.`,
  );
}
