// The browser engine's storage for this app: asking it to keep the data (persistent storage).

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
