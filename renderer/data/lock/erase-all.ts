import type { Dexie } from 'dexie';
import type { AuditEntry } from '../../domain/types';
import { removeSealedSafetyCopies } from '../backup/safety';
import { erasedValueOf, erasureOf } from './erasures';
import {
  beginErasing,
  closeLockErasedNote,
  type Erasure,
  finishErasing,
  lockErasedNote,
  readKeyRing,
  saveErasure,
} from './keyring';
import { isSealed, ownerTableOf, readPath, SEALED_RECORD_FIELD, writePath } from './seal';
import { type BatchWork, type SealProgress, walkSealedTables } from './seal-all';
import { SEALED_FIELDS, sealedPathsOf } from './sealed-fields';
import { hasSealedValue } from './sealing';
import { hasLock, lockMode } from './session';

// Continuing without the sealed text: both the clinic passphrase and the recovery sheet are lost, so
// no key will ever open a sealed value again. Every sealed value becomes the empty value of its kind
// (what an unreadable value already reads as), without any key, in the same resumable batches as
// sealing (seal-all.ts), the place reached kept in the key ring in the 'erasing' state. Then sealed
// safety copies (which cannot open either) are removed, one audit entry says what happened (never any
// text), and the key ring goes: the lock is off, and can be turned on again with a new passphrase. A
// notice that the lock is off is kept in its place (keyring.ts) until the manager closes it.

export { ERASED_TEXT, ERASURES, erasedFieldDescriptions, erasedValueOf, type FieldErasure } from './erasures';

function removesRecords(table: string): boolean {
  return sealedPathsOf(table).some((path) => erasureOf(table, path).removesRecord === true);
}

const ERASING: BatchWork = {
  needs: hasSealedValue,
  change: async (table, records) => {
    for (const record of records) {
      // Fields sealed together are the ones missing from the record (a null one stays in its field).
      const together = isSealed(record[SEALED_RECORD_FIELD]);
      delete record[SEALED_RECORD_FIELD];
      for (const path of sealedPathsOf(table)) {
        const value = readPath(record, path);
        if (isSealed(value) || (together && value === undefined))
          writePath(record, path, erasedValueOf(table, path));
      }
    }
  },
  removes: removesRecords,
};

/** The audit entry's words: names the erase by when it was asked for, so a resumed erase writes it once. */
function auditDetail(erasure: Erasure, copiesRemoved: number): string {
  const copies =
    copiesRemoved === 0
      ? 'No sealed safety copy had to be removed.'
      : `${copiesRemoved} sealed safety cop${copiesRemoved === 1 ? 'y was' : 'ies were'} removed.`;
  return `The clinic lock was taken off without its passphrase or recovery sheet (asked ${erasure.since}): every sealed text was erased. ${copies}`;
}

async function recordErasure(db: Dexie, erasure: Erasure, copiesRemoved: number, now: Date): Promise<void> {
  const detail = auditDetail(erasure, copiesRemoved);
  const log = db.table<AuditEntry, number>('auditLog');
  await db.transaction('rw', log, async () => {
    const earlier = await log
      .where('[table+recordId]')
      .equals(['settings', 'clinic'])
      .filter((entry) => entry.detail === detail)
      .count();
    if (earlier > 0) return;
    await log.add({
      at: now.toISOString(),
      table: 'settings',
      recordId: 'clinic',
      action: 'update',
      fields: Object.entries(SEALED_FIELDS).flatMap(([table, paths]) =>
        paths.map((path) => `${ownerTableOf(table)}.${path}`),
      ),
      detail,
    });
  });
}

export interface ErasedClinic {
  /** Sealed safety copies removed (they could never be opened again). */
  safetyCopiesRemoved: number;
}

/** The manager confirmed: the key ring says 'erasing' from now on, even if the page closes at once. */
export function startErasing(db: Dexie, now = new Date()): Promise<Erasure> {
  return beginErasing(db.name, now);
}

let running: Promise<ErasedClinic> | null = null;
const listeners = new Set<(progress: SealProgress) => void>();
let lastProgress: SealProgress | null = null;

async function erase(db: Dexie, now: () => Date): Promise<ErasedClinic> {
  const ring = await readKeyRing(db.name);
  const erasure = ring?.erasure ?? (await beginErasing(db.name, now()));
  await walkSealedTables(db, ERASING, (progress) => {
    lastProgress = progress;
    for (const listener of listeners) listener(progress);
  });
  let copiesRemoved = erasure.safetyCopiesRemoved;
  if (copiesRemoved === null) {
    copiesRemoved = await removeSealedSafetyCopies(db.name);
    await saveErasure(db.name, { ...erasure, safetyCopiesRemoved: copiesRemoved });
  }
  await recordErasure(db, erasure, copiesRemoved, now());
  // The key ring goes and the notice for the manager is kept, in one write.
  await finishErasing(db.name, { at: now().toISOString(), safetyCopiesRemoved: copiesRemoved });
  return { safetyCopiesRemoved: copiesRemoved };
}

/**
 * Set once the sealed text was erased (on this page or before a restart), until the manager closes the
 * notice; never while the clinic has a lock again.
 */
export function erasedNotice(): ErasedClinic | null {
  const note = lockErasedNote();
  return note && !hasLock() ? { safetyCopiesRemoved: note.safetyCopiesRemoved } : null;
}

/** The manager closed the notice: gone for good, after a restart too. */
export function dismissErasedNotice(appDbName: string): Promise<void> {
  return closeLockErasedNote(appDbName);
}

/**
 * Erases every sealed value, then removes sealed safety copies and the key ring, with no key at all.
 * startErasing() comes first; after a page closed half-way, the next start calls this again and it
 * carries on where it stopped. Called twice at once, both calls share one run.
 */
export function eraseClinic(
  db: Dexie,
  onProgress: (progress: SealProgress) => void = () => {},
  now: () => Date = () => new Date(),
): Promise<ErasedClinic> {
  if (lockMode() !== 'erasing') return Promise.reject(new Error('The sealed text is not being erased.'));
  listeners.add(onProgress);
  if (lastProgress) onProgress(lastProgress);
  if (!running) {
    lastProgress = null;
    running = erase(db, now).finally(() => {
      running = null;
      lastProgress = null;
    });
  }
  return running.finally(() => listeners.delete(onProgress));
}
