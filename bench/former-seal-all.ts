import { Dexie, type Table } from 'dexie';
import { sealSafetyCopies } from '../renderer/data/backup/safety';
import { sealRecordsInBulk } from '../renderer/data/lock/bulk-crypto';
import { readKeyRing, saveProgress, setKeyRingState } from '../renderer/data/lock/keyring';
import { isSealed, readPath } from '../renderer/data/lock/seal';
import { SEALED_FIELDS, sealedPathsOf } from '../renderer/data/lock/sealed-fields';
import { lockMode } from '../renderer/data/lock/session';

// Sealing a whole clinic as it was done before the batches were read apart from the writes, kept as
// the benchmark's baseline: one read-write transaction per 500 records, the batch sealed with WebCrypto
// inside it (Dexie kept the transaction alive meanwhile), written back with bulkPut through every layer
// of the database (whose summary fields read every record of the batch again).

const SEAL_BATCH = 500;
const TABLES = Object.keys(SEALED_FIELDS);

function needsSealing(table: string, record: Record<string, unknown>): boolean {
  return sealedPathsOf(table).some((path) => {
    const value = readPath(record, path);
    return value !== null && value !== undefined && !isSealed(value);
  });
}

async function walk(
  db: Dexie,
  onProgress: (progress: { done: number; total: number }) => void,
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
      const scope = name === 'actionItems' ? [table, db.table('relationships')] : [table];
      const batch = await db.transaction('rw', scope, async () => {
        const collection = after === null ? table.orderBy(':id') : table.where(':id').above(after);
        const records = (await collection.limit(SEAL_BATCH).raw().toArray()) as Record<string, unknown>[];
        const changed = records.filter((record) => needsSealing(name, record));
        if (changed.length) await Dexie.waitFor(sealRecordsInBulk(name, changed));
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

/** sealClinic() as it was. */
export async function formerSealClinic(
  db: Dexie,
  onProgress: (progress: { done: number; total: number }) => void = () => {},
): Promise<void> {
  if (lockMode() !== 'sealing') return;
  await walk(db, onProgress);
  await sealSafetyCopies(db.name);
  await setKeyRingState(db.name, 'on');
}
