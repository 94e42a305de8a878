import {
  deletePath,
  isSealed,
  OPEN_FAILED,
  openBytesAsync,
  openManyBytesAsync,
  parseMany,
  readPath,
  SEALED_RECORD_FIELD,
  SEALED_RECORD_PATH,
  SealError,
  type SealedValue,
  sealAsync,
  sealContext,
  sealContextsOf,
  writePath,
} from './seal';
import { sealedPathsOf, sealsTogether, unreadableValueOf } from './sealed-fields';
import { awaitsSealing, fieldsHeldTogether, fillUnreadable, spreadSealedValues } from './sealing';
import { dataCryptoKey } from './session';

// Sealing and opening the sealed fields of many records at once with WebCrypto, for the paths that go
// through a whole table (backups, safety copies, turning the lock on or off): they read raw pages
// (Collection.raw(), which skips the reading hook's one-at-a-time opening) and handle a page here, every
// value of the page in parallel. WebCrypto is several times faster than the synchronous AES-GCM the
// database layer must use inside a transaction.

/** Told of a sealed field that did not open (damaged, or copied from another record). */
export type UnopenedListener = (record: Record<string, unknown>, path: string) => void;

/** Where each sealed value of some records sits, and what it is bound to (see collectSealed). */
export interface SealedPlaces {
  places: { record: Record<string, unknown>; path: string }[];
  sealed: SealedValue[];
  /** The values path by path, in order: `count` values bound to `path`, the ids of their records. */
  groups: { path: string; ids: string[] }[];
}

/** The sealed values of the records of `table`, path by path (plain and empty values need no opening). */
export function collectSealed(table: string, records: Record<string, unknown>[]): SealedPlaces {
  const found: SealedPlaces = { places: [], sealed: [], groups: [] };
  const collect = (path: string, boundTo: string, read: (record: Record<string, unknown>) => unknown) => {
    const ids: string[] = [];
    for (const record of records) {
      const value = read(record);
      if (!isSealed(value)) continue;
      found.places.push({ record, path });
      found.sealed.push(value);
      ids.push(String(record.id));
    }
    if (ids.length > 0) found.groups.push({ path: boundTo, ids });
  };
  for (const path of sealedPathsOf(table)) collect(path, path, (record) => readPath(record, path));
  if (sealsTogether(table))
    collect(SEALED_RECORD_FIELD, SEALED_RECORD_PATH, (record) => record[SEALED_RECORD_FIELD]);
  return found;
}

/** The contexts of the collected values, in their order: views of one buffer a path (sealContextsOf). */
export function contextsOf(table: string, groups: SealedPlaces['groups']): Uint8Array[] {
  const contexts: Uint8Array[] = [];
  for (const { path, ids } of groups)
    for (const context of sealContextsOf(table, path, ids)) contexts.push(context);
  return contexts;
}

/**
 * The plaintext bytes of the values, every decrypt issued at once; should one not open, they are opened
 * again one by one to learn which (a damaged value is rare: this path costs twice the calls). Those are
 * in `failed`, their plaintext empty.
 */
export async function openAllBytes(
  key: CryptoKey,
  contexts: readonly Uint8Array[],
  sealed: readonly SealedValue[],
): Promise<{ plaintexts: Uint8Array[]; failed: Set<number> }> {
  const failed = new Set<number>();
  const plaintexts = await openManyBytesAsync(key, contexts, sealed).catch(() =>
    Promise.all(
      sealed.map((value, index) =>
        openBytesAsync(key, contexts[index] as Uint8Array, value).catch(() => {
          failed.add(index);
          return new Uint8Array(0);
        }),
      ),
    ),
  );
  return { plaintexts, failed };
}

/**
 * Puts the opened values back into their records (the plaintexts parsed together, parseMany). A value in
 * `failed`, or one whose plaintext does not read, throws SealError, unless `onUnopened` is given: then the
 * field is left out (the empty value of its kind) and the listener told which record and field it was.
 */
export function applyOpened(
  table: string,
  places: SealedPlaces['places'],
  plaintexts: readonly Uint8Array[],
  failed: ReadonlySet<number>,
  onUnopened?: UnopenedListener,
): void {
  if (failed.size > 0 && !onUnopened) throw new SealError(OPEN_FAILED);
  const opened =
    failed.size === 0
      ? parseMany(plaintexts)
      : parseMany(plaintexts.filter((_, index) => !failed.has(index)));
  let next = 0;
  places.forEach(({ record, path }, index) => {
    const value = failed.has(index) ? new SealError(OPEN_FAILED) : opened[next++];
    if (path === SEALED_RECORD_FIELD) {
      delete record[SEALED_RECORD_FIELD];
      try {
        if (value instanceof SealError) throw value;
        spreadSealedValues(table, record, value);
      } catch (error) {
        if (!onUnopened) throw error;
        // Which of the fields it held is not known: each it may have held (not stored plain beside it)
        // is named, and reads as the empty value of its kind.
        for (const field of fieldsHeldTogether(table, record)) onUnopened(record, field);
        fillUnreadable(table, record);
      }
    } else if (value instanceof SealError) {
      if (!onUnopened) throw value;
      onUnopened(record, path);
      writePath(record, path, unreadableValueOf(table, path));
    } else writePath(record, path, value);
  });
}

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
  const { places, sealed, groups } = collectSealed(table, records);
  if (places.length === 0) return;
  const key = lentKey ?? (await dataCryptoKey());
  const { plaintexts, failed } = await openAllBytes(key, contextsOf(table, groups), sealed);
  applyOpened(table, places, plaintexts, failed, onUnopened);
}

/**
 * True when the record holds a value the lock stores sealed and that is not (or not yet as this version
 * stores it: fields of a table sealing several together, each still sealed alone before version 25).
 */
export function needsSealing(table: string, record: Record<string, unknown>): boolean {
  const values = sealedPathsOf(table).map((path) => readPath(record, path));
  // Fields sealed together: any value but null (a sealed one, here, was sealed alone before version 25).
  if (sealsTogether(table)) return values.some((value) => value !== null && value !== undefined);
  return sealedPathsOf(table).some((path, index) => awaitsSealing(table, path, values[index]));
}

/**
 * Seals, in place, the records of `table` as the lock stores them (see needsSealing): a table with one
 * sealed field, each value not yet sealed and not empty; a table with several, all of a record's values
 * as one sealed value, values sealed alone before version 25 opened first. A record whose earlier sealed
 * value does not open (damaged, or moved from another record) is left as it is, still unreadable.
 * Throws LockedError while locked.
 */
export async function sealRecordsInBulk(table: string, records: Record<string, unknown>[]): Promise<void> {
  const paths = sealedPathsOf(table);
  if (paths.length === 0) return;
  const work: Promise<void>[] = [];
  let key: CryptoKey | null = null;
  if (!sealsTogether(table)) {
    for (const record of records)
      for (const path of paths) {
        const value = readPath(record, path);
        if (!awaitsSealing(table, path, value)) continue;
        key ??= await dataCryptoKey();
        work.push(
          sealAsync(key, sealContext(table, String(record.id), path), value).then((next) =>
            writePath(record, path, next),
          ),
        );
      }
    await Promise.all(work);
    return;
  }
  const sealing = records.filter((record) => needsSealing(table, record));
  if (sealing.length === 0) return;
  key = await dataCryptoKey();
  // Values sealed alone (before version 25) are opened first; a record with one that does not open is
  // put back as it was and left out.
  const earlier = sealing.filter((record) => paths.some((path) => isSealed(readPath(record, path))));
  const kept = new Map(earlier.map((record) => [record, structuredClone(record)]));
  const unopened = new Set<Record<string, unknown>>();
  if (earlier.length > 0) await openRecordsInBulk(table, earlier, (record) => unopened.add(record), key);
  for (const record of unopened) Object.assign(record, kept.get(record));
  for (const record of sealing) {
    if (unopened.has(record)) continue;
    // Null values stay in their fields, plain; the others are sealed together.
    const values: Record<string, unknown> = {};
    for (const path of paths) {
      const value = readPath(record, path);
      if (value !== undefined && value !== null) values[path] = value;
    }
    const id = String(record.id);
    work.push(
      sealAsync(key, sealContext(table, id, SEALED_RECORD_PATH), values).then((next) => {
        for (const path of Object.keys(values)) deletePath(record, path);
        record[SEALED_RECORD_FIELD] = next;
      }),
    );
  }
  await Promise.all(work);
}
