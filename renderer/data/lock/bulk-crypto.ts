import {
  isSealed,
  openBytesAsync,
  openManyBytesAsync,
  parseMany,
  readPath,
  SealError,
  type SealedValue,
  sealAsync,
  sealContext,
  sealContextsOf,
  writePath,
} from './seal';
import { sealedPathsOf, unreadableValueOf } from './sealed-fields';
import { dataCryptoKey } from './session';

// Sealing and opening the sealed fields of many records at once with WebCrypto, for the paths that go
// through a whole table (backups, safety copies, turning the lock on or off): they read raw pages
// (Collection.raw(), which skips the reading hook's one-at-a-time opening) and handle a page here, every
// value of the page in parallel. WebCrypto is several times faster than the synchronous AES-GCM the
// database layer must use inside a transaction.

type Change = (
  key: CryptoKey,
  context: Uint8Array,
  value: unknown,
  record: Record<string, unknown>,
  path: string,
) => Promise<unknown> | null;

async function changeInBulk(
  table: string,
  records: Record<string, unknown>[],
  change: Change,
): Promise<void> {
  const paths = sealedPathsOf(table);
  if (paths.length === 0) return;
  const work: Promise<void>[] = [];
  let key: CryptoKey | null = null;
  for (const record of records) {
    for (const path of paths) {
      const value = readPath(record, path);
      if (value === null || value === undefined) continue;
      key ??= await dataCryptoKey();
      const changing = change(key, sealContext(table, record.id as string, path), value, record, path);
      if (changing) work.push(changing.then((next) => writePath(record, path, next)));
    }
  }
  await Promise.all(work);
}

/** Told of a sealed field that did not open (damaged, or copied from another record). */
export type UnopenedListener = (record: Record<string, unknown>, path: string) => void;

/**
 * Opens, in place, every sealed field of the records of `table`. Throws LockedError while locked. A
 * value that does not open throws SealError, unless `onUnopened` is given: then the field is left out
 * (it holds the empty value of its kind) and the listener is told which record and field it was.
 *
 * What costs here is not the cipher but the work around each value, so it is kept to one WebCrypto call
 * a value: every decrypt of the records is issued at once, and the plaintexts are then decoded and parsed
 * together, as one JSON array (parseMany), not one decode and one parse a value.
 *
 * `lentKey` is the data key lent to a worker (which has no session of its own); absent, this thread's.
 */
export async function openRecordsInBulk(
  table: string,
  records: Record<string, unknown>[],
  onUnopened?: UnopenedListener,
  lentKey?: CryptoKey,
): Promise<void> {
  const paths = sealedPathsOf(table);
  if (paths.length === 0) return;
  const places: { record: Record<string, unknown>; path: string }[] = [];
  const sealed: SealedValue[] = [];
  const contexts: Uint8Array[] = [];
  for (const path of paths) {
    const ids: string[] = [];
    for (const record of records) {
      const value = readPath(record, path);
      if (!isSealed(value)) continue;
      places.push({ record, path });
      sealed.push(value);
      ids.push(String(record.id));
    }
    // The contexts of a field's values, views of one buffer (one allocation, not one a value).
    for (const context of sealContextsOf(table, path, ids)) contexts.push(context);
  }
  if (places.length === 0) return;
  const key = lentKey ?? (await dataCryptoKey());
  const failed = new Set<number>();
  // Every value opened at once, one WebCrypto call each and nothing more; should one not open, they are
  // opened again one by one to learn which (a damaged value is rare: this path costs twice the calls).
  const plaintexts = await openManyBytesAsync(key, contexts, sealed).catch(() =>
    Promise.all(
      sealed.map((value, index) =>
        openBytesAsync(key, contexts[index] as Uint8Array, value).catch((error: unknown) => {
          if (!onUnopened) throw error;
          failed.add(index);
          return new Uint8Array(0);
        }),
      ),
    ),
  );
  const opened =
    failed.size === 0
      ? parseMany(plaintexts)
      : parseMany(plaintexts.filter((_, index) => !failed.has(index)));
  let next = 0;
  places.forEach(({ record, path }, index) => {
    const value = failed.has(index) ? new SealError('not opened') : opened[next++];
    if (value instanceof SealError) {
      if (!onUnopened) throw value;
      onUnopened(record, path);
      writePath(record, path, unreadableValueOf(table, path));
    } else writePath(record, path, value);
  });
}

/** Seals, in place, every plain sealed-field value of the records of `table`. Throws LockedError while locked. */
export function sealRecordsInBulk(table: string, records: Record<string, unknown>[]): Promise<void> {
  return changeInBulk(table, records, (key, context, value) =>
    isSealed(value) ? null : sealAsync(key, context, value),
  );
}
