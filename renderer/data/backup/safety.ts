import Dexie, { type EntityTable } from 'dexie';
import type { BackupHeader } from './format';

// Before a restore replaces anything, the current records are kept here: a separate IndexedDB database
// beside the app's own ("guiding-hands-safety"), holding the same gzipped document a backup file
// holds, without the encryption layer (the records sit unencrypted in the app's database anyway).
// It needs no dialog and no folder, works the same in Electron and in the browser, and is written in
// one transaction, so a restore is never started without a complete copy to go back to.
// The latest few copies are kept, and for 30 days the oldest; the backup screen lists them and can
// restore or save any of them.

export const SAFETY_COPIES_KEPT = 3;
/** How long the records from before the first restore stay after a restore has succeeded. */
export const OLDEST_COPY_KEPT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SafetyCopy {
  id?: number;
  createdAt: string;
  reason: 'before-restore';
  header: BackupHeader;
  /** The gzipped backup document (the plaintext of a backup file). */
  document: Uint8Array;
}

export type SafetyCopySummary = Omit<SafetyCopy, 'document'> & { id: number; sizeBytes: number };

class SafetyDb extends Dexie {
  copies!: EntityTable<SafetyCopy, 'id'>;
  constructor(name: string) {
    // Strict: the copy must be on the disk before the restore replaces anything.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ copies: '++id, createdAt' });
  }
}

const opened = new Map<string, SafetyDb>();

/** The safety database that belongs to the given app database. */
function safetyDb(appDbName: string): SafetyDb {
  const name = `${appDbName}-safety`;
  let db = opened.get(name);
  if (!db) {
    db = new SafetyDb(name);
    opened.set(name, db);
  }
  return db;
}

/** Saves a copy. Nothing is dropped here: old copies go only once a restore has succeeded. */
export async function saveSafetyCopy(appDbName: string, copy: Omit<SafetyCopy, 'id'>): Promise<number> {
  const db = safetyDb(appDbName);
  return (await db.copies.add(copy as SafetyCopy)) as number;
}

/**
 * After a restore has succeeded: keeps the newest SAFETY_COPIES_KEPT copies, and the oldest one (the
 * records as they were before the first restore, which a manager trying several files must not lose)
 * until it is OLDEST_COPY_KEPT_DAYS old.
 */
export async function pruneSafetyCopies(appDbName: string, now: Date): Promise<void> {
  const db = safetyDb(appDbName);
  await db.transaction('rw', db.copies, async () => {
    const ids = (await db.copies.orderBy('id').primaryKeys()) as number[];
    const surplus = ids.slice(0, Math.max(0, ids.length - SAFETY_COPIES_KEPT));
    if (surplus.length === 0) return;
    const oldest = await db.copies.get(surplus[0]);
    const age = oldest ? now.getTime() - Date.parse(oldest.createdAt) : Number.POSITIVE_INFINITY;
    const gone = age < OLDEST_COPY_KEPT_DAYS * DAY_MS ? surplus.slice(1) : surplus;
    if (gone.length) await db.copies.bulkDelete(gone);
  });
}

export async function listSafetyCopies(appDbName: string): Promise<SafetyCopySummary[]> {
  const copies: SafetyCopySummary[] = [];
  await safetyDb(appDbName)
    .copies.orderBy('id')
    .reverse()
    .each((copy) => {
      copies.push({
        id: copy.id as number,
        createdAt: copy.createdAt,
        reason: copy.reason,
        header: copy.header,
        sizeBytes: copy.document.byteLength,
      });
    });
  return copies;
}

export async function getSafetyCopy(appDbName: string, id: number): Promise<SafetyCopy | undefined> {
  return safetyDb(appDbName).copies.get(id);
}
