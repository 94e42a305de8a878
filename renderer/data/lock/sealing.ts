import type { DBCore, Middleware, Table } from 'dexie';
import type { UnreadableMark } from '../../domain/unreadable';
import {
  copyForPaths,
  deletePath,
  isSealed,
  openSync,
  readPath,
  SEALED_RECORD_FIELD,
  SEALED_RECORD_PATH,
  SealError,
  type SealedValue,
  sealContext,
  sealSync,
  writePath,
} from './seal';
import {
  isEmptyValue,
  SEALED_FIELDS,
  sealedPathsOf,
  sealsTogether,
  unreadableValueOf,
} from './sealed-fields';
import { dataKey, LockedError, lockMode } from './session';

// The clinic lock at the database boundary. Every write to a table of SEALED_FIELDS goes through
// sealRecord (a middleware: add, put, update, modify and bulk writes all reach it as whole records),
// every read through openRecord (a reading hook). So no repository, import or restore can forget to
// seal, and repositories and domain code keep seeing strings. Both run synchronously, inside the
// transaction, with the key in memory: a transaction that waited for anything else would end early.

function recordId(table: string, record: Record<string, unknown>): string {
  const id = record.id;
  if (typeof id !== 'string') throw new Error(`A record of ${table} without an id cannot be sealed.`);
  return id;
}

// A record read with sealed fields that would not open carries them in its mark (UnreadableMark), as
// they are stored, the fields themselves reading as the empty value of their kind. A write drops the
// mark and, for every such field still holding that empty value (nobody typed a new one), writes back
// the stored sealed value as it was: saving a record whose note could not be opened changes its other
// fields and leaves the damaged note alone.
export { type UnreadableMark, unreadableFields } from '../../domain/unreadable';

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The record without its mark, the unreadable fields nobody changed put back as they were stored. */
function keepUnreadable<T extends object>(table: string, record: T, marked: Record<string, SealedValue>): T {
  const together = SEALED_RECORD_FIELD in marked;
  const copy = copyForPaths(record, together ? sealedPathsOf(table) : Object.keys(marked)) as Record<
    string,
    unknown
  >;
  delete copy.$unreadable;
  for (const [path, sealed] of Object.entries(marked)) {
    if (path === SEALED_RECORD_FIELD) {
      // The fields sealed together did not open: put back as stored while every one of them still holds
      // its empty value. Once one was typed into, the record's values are sealed anew, the damaged ones
      // (which never opened) with them as the empty values they read as.
      const untouched = sealedPathsOf(table).every((field) => {
        const value = readPath(copy, field);
        return value === undefined || value === null || sameValue(value, unreadableValueOf(table, field));
      });
      if (untouched) {
        // A null one was never in the sealed value: it stays, plain.
        for (const field of sealedPathsOf(table)) if (readPath(copy, field) !== null) deletePath(copy, field);
        copy[SEALED_RECORD_FIELD] = sealed;
      }
    } else if (sameValue(readPath(copy, path), unreadableValueOf(table, path))) writePath(copy, path, sealed);
  }
  return copy as T;
}

/**
 * True when a value of a table with one sealed field is one the lock stores sealed and is not yet: plain,
 * neither null nor empty.
 */
export function awaitsSealing(table: string, path: string, value: unknown): boolean {
  return value !== null && value !== undefined && !isSealed(value) && !isEmptyValue(table, path, value);
}

/** True when the record holds any sealed value: a field's own, or its fields' sealed together. */
export function hasSealedValue(table: string, record: Record<string, unknown>): boolean {
  return (
    isSealed(record[SEALED_RECORD_FIELD]) ||
    sealedPathsOf(table).some((path) => isSealed(readPath(record, path)))
  );
}

/** The sealed fields of a table with one: each field's value sealed in place, an empty one left plain. */
function sealFields<T extends object>(table: string, record: T): T {
  const plain = sealedPathsOf(table).filter((path) => {
    const value = readPath(record as Record<string, unknown>, path);
    return awaitsSealing(table, path, value);
  });
  if (plain.length === 0) return record;
  const key = dataKey();
  if (!key) throw new LockedError();
  const copy = copyForPaths(record, plain) as Record<string, unknown>;
  const id = recordId(table, copy);
  for (const path of plain) {
    writePath(copy, path, sealSync(key, sealContext(table, id, path), readPath(copy, path)));
  }
  return copy as T;
}

/**
 * The sealed fields of a table with several: sealed together, as one value of the record (see
 * SEALED_RECORD_FIELD). A record read past the reading hook and changed (Dexie's update and modify work on
 * the stored record) holds its earlier values sealed and the changed ones plain: they are opened, the
 * plain ones put over them, and all sealed again as one.
 */
function sealTogether<T extends object>(table: string, record: T): T {
  const stored = record as Record<string, unknown>;
  const paths = sealedPathsOf(table);
  // Only a plain value other than null is sealed: a record that holds none (its values already sealed,
  // or null) is written as it is, without the key, so a write of its other fields never needs the lock
  // open nor its sealed value to open.
  const plain = paths.filter((path) => {
    const value = readPath(stored, path);
    return value !== null && value !== undefined && !isSealed(value);
  });
  if (plain.length === 0) return record;
  const key = dataKey();
  if (!key) throw new LockedError();
  const id = recordId(table, stored);
  const values: Record<string, unknown> = {};
  const together = stored[SEALED_RECORD_FIELD];
  if (isSealed(together)) {
    try {
      Object.assign(values, openSync(key, sealContext(table, id, SEALED_RECORD_PATH), together));
    } catch {
      // Damaged, or moved from another record: it never opened, and what is typed now replaces it.
    }
  }
  for (const path of paths) {
    const value = readPath(stored, path);
    if (value === undefined) continue;
    if (!isSealed(value)) values[path] = value;
    else {
      // A value sealed alone before version 25; one that does not open is left out, as above.
      try {
        values[path] = openSync(key, sealContext(table, id, path), value);
      } catch {
        delete values[path];
      }
    }
  }
  const copy = copyForPaths(record, paths) as Record<string, unknown>;
  delete copy[SEALED_RECORD_FIELD];
  // A null value stays in its field, plain, as every null does; the others are sealed together. A nested
  // field whose object is gone (a capacity override taken off) goes with it.
  const sealing: Record<string, unknown> = {};
  for (const path of paths) {
    const value = values[path];
    if (value === null) writePath(copy, path, null);
    else {
      deletePath(copy, path);
      if (value !== undefined && hasParent(copy, path)) sealing[path] = value;
    }
  }
  if (Object.keys(sealing).length > 0)
    copy[SEALED_RECORD_FIELD] = sealSync(key, sealContext(table, id, SEALED_RECORD_PATH), sealing);
  return copy as T;
}

/** True when the object a dotted path's value would sit in exists (always, for a top-level field). */
function hasParent(record: Record<string, unknown>, path: string): boolean {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return true;
  const parent = readPath(record, path.slice(0, dot));
  return typeof parent === 'object' && parent !== null;
}

/** The record as it is stored: its sealed fields sealed when the clinic has a lock. */
export function sealRecord<T extends object>(table: string, given: T): T {
  const marked = (given as UnreadableMark).$unreadable as Record<string, SealedValue> | undefined;
  const record = marked ? keepUnreadable(table, given, marked) : given;
  const mode = lockMode();
  // Unsealing writes the opened text back plain; erasing writes plain empty values, with no key.
  if (mode === 'off' || mode === 'unsealing' || mode === 'erasing') return record;
  return sealsTogether(table) ? sealTogether(table, record) : sealFields(table, record);
}

/**
 * Puts the values of fields sealed together into the record, in place; only the table's sealed fields,
 * and only where the record holds none: a value stored plain beside them (a null written over a sealed
 * value, or a write while the lock was being turned off) is the later one.
 */
export function spreadSealedValues(table: string, record: Record<string, unknown>, values: unknown): void {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    throw new SealError('not an object');
  for (const path of sealedPathsOf(table)) {
    const value = (values as Record<string, unknown>)[path];
    if (value !== undefined && readPath(record, path) === undefined) writePath(record, path, value);
  }
}

/** The sealed fields a record's sealed value of its fields together may hold: those it does not hold plain. */
export function fieldsHeldTogether(table: string, record: Record<string, unknown>): string[] {
  return sealedPathsOf(table).filter(
    (path) => readPath(record, path) === undefined && hasParent(record, path),
  );
}

/** Every sealed field of the record that is not there, given the empty value of its kind (in place). */
export function fillUnreadable(table: string, record: Record<string, unknown>): void {
  for (const path of sealedPathsOf(table))
    if (readPath(record, path) === undefined) writePath(record, path, unreadableValueOf(table, path));
}

/**
 * The record as the app sees it: its sealed fields opened (in place: each read is a fresh copy). A field
 * that does not open reads as the empty value of its kind and is named in the record's mark (see
 * UnreadableMark): the rest of the record is shown, nothing is thrown.
 */
export function openRecord<T extends object>(table: string, record: T): T {
  const stored = record as Record<string, unknown>;
  const paths = sealedPathsOf(table);
  const mark = (path: string, value: SealedValue) => {
    stored.$unreadable = {
      ...(stored.$unreadable as Record<string, SealedValue> | undefined),
      [path]: value,
    };
  };
  for (const path of paths) {
    const value = readPath(stored, path);
    if (!isSealed(value)) continue;
    const key = dataKey();
    if (!key) throw new LockedError();
    const id = recordId(table, stored);
    let opened: unknown;
    try {
      opened = openSync(key, sealContext(table, id, path), value);
    } catch {
      mark(path, value);
      opened = unreadableValueOf(table, path);
    }
    writePath(stored, path, opened);
  }
  const together = stored[SEALED_RECORD_FIELD];
  if (isSealed(together)) {
    const key = dataKey();
    if (!key) throw new LockedError();
    delete stored[SEALED_RECORD_FIELD];
    try {
      spreadSealedValues(
        table,
        stored,
        openSync(key, sealContext(table, recordId(table, stored), SEALED_RECORD_PATH), together),
      );
    } catch {
      mark(SEALED_RECORD_FIELD, together);
      fillUnreadable(table, stored);
    }
  }
  return record;
}

/**
 * Refuses an update that takes out (sets to undefined) a field sealed together with others: Dexie
 * changes the stored record, where that field is not (it is in the sealed value), so the change would
 * be lost without a word. Such a field is cleared with null, or the whole record is written.
 */
function refuseTakingOut(table: string, changes: Record<string, unknown> | undefined): void {
  if (!changes || !sealsTogether(table)) return;
  const gone = Object.keys(changes).filter((path) => changes[path] === undefined);
  const taken = sealedPathsOf(table).filter((path) =>
    gone.some((out) => path === out || path.startsWith(`${out}.`)),
  );
  if (taken.length > 0)
    throw new Error(
      `${table}: ${taken.join(', ')} cannot be taken out by an update while the clinic lock seals it: set it to null, or write the whole record.`,
    );
}

export function sealingMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'clinicLockSealing',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (sealedPathsOf(name).length === 0) return table;
        return {
          ...table,
          mutate: (request) => {
            if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
            if (request.type === 'put' && lockMode() !== 'off') {
              refuseTakingOut(name, request.changeSpec);
              for (const changes of request.updates?.changeSpecs ?? []) refuseTakingOut(name, changes);
            }
            return table.mutate({
              ...request,
              values: request.values.map((value) => sealRecord(name, value)),
            });
          },
        };
      },
    }),
  };
}

/** Opens the sealed fields on every read of the database's sealed tables (Collection.raw() skips it). */
// biome-ignore lint/suspicious/noExplicitAny: any table of the database
export function openSealedFieldsOnRead(tableOf: (name: string) => Table<any, any>): void {
  for (const name of Object.keys(SEALED_FIELDS)) {
    tableOf(name).hook('reading', (record) => (record ? openRecord(name, record) : record));
  }
}
