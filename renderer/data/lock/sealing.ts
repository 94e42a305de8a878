import type { DBCore, Middleware, Table } from 'dexie';
import type { UnreadableMark } from '../../domain/unreadable';
import {
  copyForPaths,
  isSealed,
  openSync,
  readPath,
  type SealedValue,
  sealContext,
  sealSync,
  writePath,
} from './seal';
import { SEALED_FIELDS, sealedPathsOf, unreadableValueOf } from './sealed-fields';
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
  const copy = copyForPaths(record, Object.keys(marked)) as Record<string, unknown>;
  delete copy.$unreadable;
  for (const [path, sealed] of Object.entries(marked)) {
    if (sameValue(readPath(copy, path), unreadableValueOf(table, path))) writePath(copy, path, sealed);
  }
  return copy as T;
}

/** The record as it is stored: its sealed fields sealed when the clinic has a lock. */
export function sealRecord<T extends object>(table: string, given: T): T {
  const marked = (given as UnreadableMark).$unreadable as Record<string, SealedValue> | undefined;
  const record = marked ? keepUnreadable(table, given, marked) : given;
  const mode = lockMode();
  // Unsealing writes the opened text back plain; erasing writes plain empty values, with no key.
  if (mode === 'off' || mode === 'unsealing' || mode === 'erasing') return record;
  const paths = sealedPathsOf(table);
  const plain = paths.filter((path) => {
    const value = readPath(record as Record<string, unknown>, path);
    return value !== null && value !== undefined && !isSealed(value);
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
 * The record as the app sees it: its sealed fields opened (in place: each read is a fresh copy). A field
 * that does not open reads as the empty value of its kind and is named in the record's mark (see
 * UnreadableMark): the rest of the record is shown, nothing is thrown.
 */
export function openRecord<T extends object>(table: string, record: T): T {
  const paths = sealedPathsOf(table);
  for (const path of paths) {
    const value = readPath(record as Record<string, unknown>, path);
    if (!isSealed(value)) continue;
    const key = dataKey();
    if (!key) throw new LockedError();
    const id = recordId(table, record as Record<string, unknown>);
    let opened: unknown;
    try {
      opened = openSync(key, sealContext(table, id, path), value);
    } catch {
      const mark = record as Record<string, unknown>;
      mark.$unreadable = { ...(mark.$unreadable as Record<string, SealedValue> | undefined), [path]: value };
      opened = unreadableValueOf(table, path);
    }
    writePath(record as Record<string, unknown>, path, opened);
  }
  return record;
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
          mutate: (request) =>
            request.type === 'add' || request.type === 'put'
              ? table.mutate({ ...request, values: request.values.map((value) => sealRecord(name, value)) })
              : table.mutate(request),
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
