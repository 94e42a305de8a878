import { Dexie, type ObservabilitySet, RangeSet, type Transaction } from 'dexie';
import type { AuditEntry } from '../../domain/types';
import { openSafetyCopies, sealSafetyCopies, type UnopenedSafetyCopy } from '../backup/safety';
import { dropEveryDigestHere } from '../report-digests';
import { needsSealing, openRecordsInBulk, sealRecordsInBulk } from './bulk-crypto';
import { erasedValueOf } from './erasures';
import { deleteKeyRing, readKeyRing, saveProgress, setKeyRingState } from './keyring';
import { ownerTableOf, writePath } from './seal';
import { SEALED_FIELDS } from './sealed-fields';
import { hasSealedValue } from './sealing';
import { lockMode } from './session';

// Sealing every existing text when the lock is turned on, and opening it all again when it is turned
// off: one read-write transaction per batch, in primary-key order, the place reached kept in the key
// ring. A page closed half-way leaves every value readable (reads open sealed and plain values alike)
// and the next unlock resumes where it stopped. Re-doing a batch is harmless: sealed values are left as
// they are. A batch is one transaction, so the app's own writes wait for it and none is lost.
//
// Inside the transaction: the batch is read in one request, then sealed (or opened) with WebCrypto a
// chunk at a time, every chunk started at once; each chunk is written as soon as it is done, while the
// next ones are still being sealed, so the writes and the crypto overlap (Dexie.waitFor keeps the
// transaction open through any gap). The records go straight to the object store: only sealed fields
// change, and no layer of the database (derived and summary fields, which would read every record
// again) depends on them; open screens are told of the change when the transaction commits.

export const SEAL_BATCH = 2000;

export interface SealProgress {
  done: number;
  total: number;
}

const TABLES = Object.keys(SEALED_FIELDS);

/**
 * Where a place saved in the key ring lies now, for a table whose sealed field moved: a walk that stopped
 * in the meetings before schema version 23 carries on in their notes, from the same meeting id (the
 * upgrade moved every note as it was, sealed or still plain).
 */
const MOVED_FIELDS: Readonly<Record<string, string>> = { meetings: 'meetingNotes' };

/** What one walk over the sealed tables does to each batch (seal, open, or erase). */
export interface BatchWork {
  /** True when the record has a value this walk changes (the others are not written). */
  needs: (table: string, record: Record<string, unknown>) => boolean;
  /** Changes the records that need it, in place (WebCrypto may run: Dexie keeps the transaction open). */
  change: (table: string, records: Record<string, unknown>[]) => Promise<void>;
  /** True when the changed records of this table are removed instead of written back. */
  removes?: (table: string) => boolean;
}

/** Records sealed (or opened) together; each chunk is written while the next ones are being sealed. */
const CHUNK = 250;

const SEALING: BatchWork = {
  needs: needsSealing,
  change: (table, records) => sealRecordsInBulk(table, records),
};

/** A sealed value that did not open while the lock was turned off (damaged, or moved from another record). */
export interface EmptiedValue {
  table: string;
  id: string;
  path: string;
}

/**
 * Opening every sealed value. One that does not open (damaged, or moved from another record) never will
 * once the key ring is gone, and stopping there would leave the clinic half-unsealed for good: it is
 * emptied (as an erase leaves it) and named in `emptied`, and the walk goes on.
 */
function unsealing(emptied: EmptiedValue[]): BatchWork {
  return {
    needs: hasSealedValue,
    change: async (table, records) => {
      const unopened: [Record<string, unknown>, string][] = [];
      await openRecordsInBulk(table, records, (record, path) => unopened.push([record, path]));
      for (const [record, path] of unopened) {
        writePath(record, path, erasedValueOf(table, path));
        // Named by the record it belongs to: a note, by its meeting.
        emptied.push({ table: ownerTableOf(table), id: record.id as string, path });
      }
    },
  };
}

const EMPTIED_DETAIL =
  'A sealed value that could not be opened (damaged, or moved from another record) was emptied as the clinic lock was turned off.';

/** One audit entry a value emptied while unsealing (the field's name, never a value). */
async function recordEmptied(db: Dexie, emptied: readonly EmptiedValue[]): Promise<void> {
  if (emptied.length === 0) return;
  const log = db.table<AuditEntry, number>('auditLog');
  const at = new Date().toISOString();
  await log.bulkAdd(
    emptied.map(({ table, id, path }) => ({
      at,
      table: table as AuditEntry['table'],
      recordId: id,
      action: 'update' as const,
      fields: [path],
      detail: EMPTIED_DETAIL,
    })),
  );
}

const REMOVED_COPY_FIELDS = ['safetyCopy'];

function removedCopyDetail(copy: UnopenedSafetyCopy): string {
  return `The safety copy kept before the restore of ${copy.createdAt} could not be opened with the clinic’s key (damaged) and was removed as the clinic lock was turned off.`;
}

/**
 * One audit entry a sealed safety copy that did not open and is removed (when it was made, never what
 * it held). Written once, even if the page closes between it and the removal and the walk runs again.
 */
export async function recordRemovedCopy(db: Dexie, copy: UnopenedSafetyCopy): Promise<void> {
  const log = db.table<AuditEntry, number>('auditLog');
  const detail = removedCopyDetail(copy);
  await db.transaction('rw', log, async () => {
    const earlier = await log
      .where('[table+recordId]')
      .equals(['settings', 'clinic'])
      .filter((entry) => entry.detail === detail)
      .count();
    if (earlier > 0) return;
    await log.add({
      at: new Date().toISOString(),
      table: 'settings',
      recordId: 'clinic',
      action: 'delete',
      fields: REMOVED_COPY_FIELDS,
      detail,
    });
  });
}

type Row = Record<string, unknown>;

/**
 * Tells open screens (live queries) that the records of `name` from `first` to `last` changed, once the
 * transaction commits, as a write through the database layer would.
 */
function announce(tx: Transaction, dbName: string, name: string, first: string, last: string): void {
  const idbtrans = (tx as unknown as { idbtrans: IDBTransaction & { mutatedParts?: ObservabilitySet } })
    .idbtrans;
  idbtrans.mutatedParts = Dexie.extendObservabilitySet(idbtrans.mutatedParts ?? {}, {
    [`idb://${dbName}/${name}/`]: new RangeSet(first, last),
  });
}

/**
 * One batch in one read-write transaction: up to `batchSize` records of `name` after the primary key
 * `after` (from the first without) read, changed where needed and written back. Returns their ids.
 */
function walkBatch(
  db: Dexie,
  name: string,
  after: string | null,
  work: BatchWork,
  batchSize: number,
): Promise<string[]> {
  const table = db.table<Row, string>(name);
  // Erasing removes records through the database layer: action items are written with their pairs.
  const scope = name === 'actionItems' ? [table, db.table('relationships')] : [table];
  return db.transaction('rw', scope, async (tx) => {
    const collection = after === null ? table.orderBy(':id') : table.where(':id').above(after);
    const records = (await collection.limit(batchSize).raw().toArray()) as Row[];
    const changed = records.filter((record) => work.needs(name, record));
    if (changed.length === 0) return records.map((record) => record.id as string);
    const chunks: Row[][] = [];
    for (let at = 0; at < changed.length; at += CHUNK) chunks.push(changed.slice(at, at + CHUNK));
    // Every chunk is started at once: WebCrypto works on them while the first ones are written.
    const changing = chunks.map((chunk) => work.change(name, chunk));
    // None left unwatched if an earlier one fails (the transaction is then aborted).
    for (const promise of changing) promise.catch(() => {});
    if (work.removes?.(name)) {
      await Dexie.waitFor(Promise.all(changing));
      await table.bulkDelete(changed.map((record) => record.id as string));
    } else {
      const store = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore(name);
      for (const [at, chunk] of chunks.entries()) {
        await Dexie.waitFor(changing[at] as Promise<void>);
        // Not waited for one by one: the transaction commits only once every put has succeeded, and
        // a put that fails aborts it (the batch is then done again after the next unlock).
        for (const record of chunk) store.put(record);
      }
      const ids = changed.map((record) => record.id as string);
      announce(tx, db.name, name, ids[0] as string, ids[ids.length - 1] as string);
      // Written beneath the layer that keeps the report's digests: they are all dropped, in this same
      // transaction (a digest of responses or pairs holds them as stored, sealed or not).
      dropEveryDigestHere((tx as unknown as { idbtrans: IDBTransaction }).idbtrans);
    }
    return records.map((record) => record.id as string);
  });
}

/**
 * Walks every table of SEALED_FIELDS in primary-key order, one transaction per SEAL_BATCH records, from
 * where the key ring says an earlier walk stopped; the place reached is saved after each batch, while the
 * next one runs. `batchSize` is SEAL_BATCH but for the benchmark that compares sizes.
 */
export async function walkSealedTables(
  db: Dexie,
  work: BatchWork,
  onProgress: (progress: SealProgress) => void,
  batchSize = SEAL_BATCH,
): Promise<void> {
  const ring = await readKeyRing(db.name);
  const saved = ring?.progress ?? null;
  const start = saved ? { ...saved, table: MOVED_FIELDS[saved.table] ?? saved.table } : null;
  const counts = await Promise.all(TABLES.map((name) => db.table(name).count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let done = 0;
  let saving: Promise<void> | null = null;
  const startIndex = start ? Math.max(0, TABLES.indexOf(start.table)) : 0;
  for (let index = 0; index < startIndex; index++) done += counts[index] ?? 0;
  onProgress({ done, total });
  for (let index = startIndex; index < TABLES.length; index++) {
    const name = TABLES[index] as string;
    let after = start && index === startIndex ? start.after : null;
    if (after !== null) done += await db.table(name).where(':id').belowOrEqual(after).count();
    for (;;) {
      const batch = await walkBatch(db, name, after, work, batchSize);
      if (batch.length === 0) break;
      after = batch[batch.length - 1] as string;
      done += batch.length;
      // The place reached is saved while the next batch runs (the key ring is a database of its own, so
      // the two do not wait for each other). Saves are applied in the order they are made; one lost
      // with a page closing means only a batch done again. A failed save stops the walk at the next.
      if (saving) await saving;
      saving = saveProgress(db.name, { table: name, after });
      saving.catch(() => {});
      onProgress({ done, total });
      if (batch.length < batchSize) break;
    }
  }
  if (saving) await saving;
}

/** Seals every existing text (the lock was just turned on, or sealing was interrupted). */
export async function sealClinic(
  db: Dexie,
  onProgress: (progress: SealProgress) => void = () => {},
): Promise<void> {
  if (lockMode() !== 'sealing') return;
  await walkSealedTables(db, SEALING, onProgress);
  // Safety copies made by earlier restores hold the notes too: sealed as well, not deleted.
  await sealSafetyCopies(db.name);
  await setKeyRingState(db.name, 'on');
}

/** What turning the lock off could not open: each is also named in the audit log, never its text. */
export interface UnsealedClinic {
  /** Sealed values that did not open (damaged, or moved from another record), emptied. */
  emptied: EmptiedValue[];
  /** Sealed safety copies that did not open (damaged), removed. */
  safetyCopiesRemoved: number;
}

/**
 * Opens every sealed text and removes the key ring: the lock is off. beginTurningOff() comes first.
 * Returns what could not be opened: values, emptied (see unsealing), and safety copies, removed.
 */
export async function unsealClinic(
  db: Dexie,
  onProgress: (progress: SealProgress) => void = () => {},
): Promise<UnsealedClinic> {
  if (lockMode() !== 'unsealing') return { emptied: [], safetyCopiesRemoved: 0 };
  const emptied: EmptiedValue[] = [];
  await walkSealedTables(db, unsealing(emptied), onProgress);
  await recordEmptied(db, emptied);
  // Sealed safety copies would never open again once the key ring is gone; a damaged one is removed.
  const safetyCopiesRemoved = await openSafetyCopies(db.name, (copy) => recordRemovedCopy(db, copy));
  await deleteKeyRing(db.name);
  return { emptied, safetyCopiesRemoved };
}

/** After an unlock: finishes what an earlier session left half-done. */
export async function resumeSealingWork(
  db: Dexie,
  onProgress: (progress: SealProgress) => void = () => {},
): Promise<void> {
  if (lockMode() === 'sealing') await sealClinic(db, onProgress);
  else if (lockMode() === 'unsealing') await unsealClinic(db, onProgress);
}
