import { randomBytes } from '@noble/ciphers/utils.js';
import Dexie, { type EntityTable } from 'dexie';
import { dataCryptoKey, lockMode } from '../lock/session';
import { DamagedBackupError } from './errors';
import type { BackupHeader } from './format';

// Before a restore replaces anything, the current records are kept here: a separate IndexedDB database
// beside the app's own ("guiding-hands-safety"), holding the same gzipped document a backup file
// holds, without the age layer. With the clinic lock, that document is sealed: AES-256-GCM under the
// clinic's data key, with additional data naming the copy (its creation time), so the notes inside are
// no more readable on the disk than in the app's database. Copies made before the lock was turned on
// are sealed as the lock is turned on (sealClinic), and opened again as it is turned off (one that no
// longer opens, damaged, is removed then: it never could be opened again); sealed ones are removed when the sealed text is erased (both the passphrase and the recovery sheet lost: erase-all.ts).
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
  /** The gzipped backup document (the plaintext of a backup file); sealed when `sealedIv` is set. */
  document: Uint8Array;
  /** Set when `document` is sealed with the clinic's data key: its 12-byte IV. */
  sealedIv?: Uint8Array;
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

/** What binds a sealed copy to itself: a sealed document moved onto another copy does not open. */
function copyContext(createdAt: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`guiding-hands/safety-copy/v1\u0000${createdAt}`);
}

function sealsNewCopies(): boolean {
  return lockMode() === 'on' || lockMode() === 'sealing';
}

async function sealCopy(copy: SafetyCopy): Promise<SafetyCopy> {
  if (copy.sealedIv) return copy;
  const iv = randomBytes(12) as Uint8Array<ArrayBuffer>;
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: copyContext(copy.createdAt) },
    await dataCryptoKey(),
    copy.document as Uint8Array<ArrayBuffer>,
  );
  return { ...copy, document: new Uint8Array(sealed), sealedIv: iv };
}

async function openCopy(copy: SafetyCopy): Promise<SafetyCopy> {
  if (!copy.sealedIv) return copy;
  const key = await dataCryptoKey(); // LockedError while locked
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: copy.sealedIv as Uint8Array<ArrayBuffer>,
        additionalData: copyContext(copy.createdAt),
      },
      key,
      copy.document as Uint8Array<ArrayBuffer>,
    );
    const { sealedIv: _sealed, ...rest } = copy;
    return { ...rest, document: new Uint8Array(plain) };
  } catch {
    throw new DamagedBackupError('the safety copy does not open with the clinic’s key');
  }
}

/**
 * Saves a copy (sealed while the clinic has a lock). Nothing is dropped here: old copies go only once a
 * restore has succeeded.
 */
export async function saveSafetyCopy(appDbName: string, copy: Omit<SafetyCopy, 'id'>): Promise<number> {
  const db = safetyDb(appDbName);
  const stored = sealsNewCopies() ? await sealCopy(copy as SafetyCopy) : (copy as SafetyCopy);
  return (await db.copies.add(stored)) as number;
}

/** The lock was turned on: seals every copy still plain (one at a time, each in its own write). */
export async function sealSafetyCopies(appDbName: string): Promise<void> {
  await eachCopy(appDbName, (copy) => !copy.sealedIv, sealCopy);
}

/** A sealed safety copy that did not open with the clinic's key: which one it was (never its content). */
export interface UnopenedSafetyCopy {
  id: number;
  createdAt: string;
}

/**
 * The lock is being turned off: opens every sealed copy, before the key is gone for good. A copy that
 * does not open with the key (damaged) never will once the key ring is deleted, and stopping there
 * would keep the clinic behind a lock it cannot leave: it is removed, after `beforeRemoving` has noted
 * it (a page closed between the two notes it again on the next try). Other failures (locked, storage)
 * stop the walk, to be tried again. Returns how many were removed.
 */
export async function openSafetyCopies(
  appDbName: string,
  beforeRemoving: (copy: UnopenedSafetyCopy) => Promise<void> = async () => {},
): Promise<number> {
  const db = safetyDb(appDbName);
  let removed = 0;
  const ids = (await db.copies.orderBy('id').primaryKeys()) as number[];
  for (const id of ids) {
    const copy = await db.copies.get(id);
    if (!copy?.sealedIv) continue;
    let opened: SafetyCopy;
    try {
      opened = await openCopy(copy);
    } catch (error) {
      if (!(error instanceof DamagedBackupError)) throw error;
      await beforeRemoving({ id, createdAt: copy.createdAt });
      await db.copies.delete(id);
      removed += 1;
      continue;
    }
    delete (opened as Partial<SafetyCopy>).sealedIv;
    await db.copies.put(opened);
  }
  return removed;
}

/**
 * Both the passphrase and the recovery sheet are lost: a sealed copy can never be opened again, so it
 * is removed (plain copies, made before the lock was on, stay). Returns how many were removed.
 */
export async function removeSealedSafetyCopies(appDbName: string): Promise<number> {
  const db = safetyDb(appDbName);
  return db.transaction('rw', db.copies, async () => {
    const sealed = (await db.copies.filter((copy) => Boolean(copy.sealedIv)).primaryKeys()) as number[];
    await db.copies.bulkDelete(sealed);
    return sealed.length;
  });
}

async function eachCopy(
  appDbName: string,
  needs: (copy: SafetyCopy) => boolean,
  change: (copy: SafetyCopy) => Promise<SafetyCopy>,
): Promise<void> {
  const db = safetyDb(appDbName);
  const ids = (await db.copies.orderBy('id').primaryKeys()) as number[];
  for (const id of ids) {
    const copy = await db.copies.get(id);
    if (!copy || !needs(copy)) continue;
    // The crypto runs outside the transaction; the put replaces the whole copy at once.
    const changed = await change(copy);
    if (!changed.sealedIv) delete (changed as Partial<SafetyCopy>).sealedIv;
    await db.copies.put(changed);
  }
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

/** A copy with its document opened (a sealed copy needs the clinic unlocked: LockedError otherwise). */
export async function getSafetyCopy(appDbName: string, id: number): Promise<SafetyCopy | undefined> {
  const copy = await safetyDb(appDbName).copies.get(id);
  return copy ? openCopy(copy) : undefined;
}
