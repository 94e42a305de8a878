import { Dexie, type Table } from 'dexie';
import { openSafetyCopies, sealSafetyCopies } from '../backup/safety';
import { openRecordsInBulk, sealRecordsInBulk } from './bulk-crypto';
import { deleteKeyRing, readKeyRing, saveProgress, setKeyRingState } from './keyring';
import { isSealed, readPath } from './seal';
import { SEALED_FIELDS, sealedPathsOf } from './sealed-fields';
import { lockMode } from './session';

// Sealing every existing text when the lock is turned on, and opening it all again when it is turned
// off: one transaction per batch, in primary-key order, the place reached kept in the key ring. A page
// closed half-way leaves every value readable (reads open sealed and plain values alike) and the next
// unlock resumes where it stopped. Re-doing a batch is harmless: sealed values are left as they are.

export const SEAL_BATCH = 500;

export interface SealProgress {
  done: number;
  total: number;
}

const TABLES = Object.keys(SEALED_FIELDS);

function needsWork(table: string, record: Record<string, unknown>, sealing: boolean): boolean {
  return sealedPathsOf(table).some((path) => {
    const value = readPath(record, path);
    if (value === null || value === undefined) return false;
    return sealing ? !isSealed(value) : isSealed(value);
  });
}

async function runBatches(
  db: Dexie,
  sealing: boolean,
  onProgress: (progress: SealProgress) => void,
): Promise<void> {
  const ring = await readKeyRing(db.name);
  const start = ring?.progress ?? null;
  const counts = await Promise.all(TABLES.map((name) => db.table(name).count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let done = 0;
  const startIndex = start ? Math.max(0, TABLES.indexOf(start.table)) : 0;
  for (let index = 0; index < startIndex; index++) done += counts[index] ?? 0;
  onProgress({ done, total });
  for (let index = startIndex; index < TABLES.length; index++) {
    const name = TABLES[index] as string;
    // biome-ignore lint/suspicious/noExplicitAny: any sealed table
    const table: Table<any, string> = db.table(name);
    let after = start && index === startIndex ? start.after : null;
    if (after !== null) done += await table.where(':id').belowOrEqual(after).count();
    for (;;) {
      // Action items are written with the pairs in the transaction: each notes whether its pair is live.
      const scope = name === 'actionItems' ? [table, db.table('relationships')] : [table];
      const batch = await db.transaction('rw', scope, async () => {
        const collection = after === null ? table.orderBy(':id') : table.where(':id').above(after);
        const records = (await collection.limit(SEAL_BATCH).raw().toArray()) as Record<string, unknown>[];
        const changed = records.filter((record) => needsWork(name, record, sealing));
        // The batch is sealed (or opened) with WebCrypto, all at once; Dexie keeps the transaction open
        // meanwhile. Written back, sealed values pass the database layer as they are, and plain ones
        // pass while unsealing (the mode lets them through).
        if (changed.length)
          await Dexie.waitFor(sealing ? sealRecordsInBulk(name, changed) : openRecordsInBulk(name, changed));
        if (changed.length) await table.bulkPut(changed);
        return records.map((record) => record.id as string);
      });
      if (batch.length === 0) break;
      after = batch[batch.length - 1] as string;
      done += batch.length;
      await saveProgress(db.name, { table: name, after });
      onProgress({ done, total });
      if (batch.length < SEAL_BATCH) break;
    }
  }
}

/** Seals every existing text (the lock was just turned on, or sealing was interrupted). */
export async function sealClinic(
  db: Dexie,
  onProgress: (progress: SealProgress) => void = () => {},
): Promise<void> {
  if (lockMode() !== 'sealing') return;
  await runBatches(db, true, onProgress);
  // Safety copies made by earlier restores hold the notes too: sealed as well, not deleted.
  await sealSafetyCopies(db.name);
  await setKeyRingState(db.name, 'on');
}

/** Opens every sealed text and removes the key ring: the lock is off. beginTurningOff() comes first. */
export async function unsealClinic(
  db: Dexie,
  onProgress: (progress: SealProgress) => void = () => {},
): Promise<void> {
  if (lockMode() !== 'unsealing') return;
  await runBatches(db, false, onProgress);
  // Sealed safety copies would never open again once the key ring is gone.
  await openSafetyCopies(db.name);
  await deleteKeyRing(db.name);
}

/** After an unlock: finishes what an earlier session left half-done. */
export async function resumeSealingWork(
  db: Dexie,
  onProgress: (progress: SealProgress) => void = () => {},
): Promise<void> {
  if (lockMode() === 'sealing') await sealClinic(db, onProgress);
  else if (lockMode() === 'unsealing') await unsealClinic(db, onProgress);
}
