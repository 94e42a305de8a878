import type { DBCore, Middleware, Table } from 'dexie';
import { copyForPaths, isSealed, openSync, readPath, sealContext, sealSync, writePath } from './seal';
import { SEALED_FIELDS, sealedPathsOf } from './sealed-fields';
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

/** The record as it is stored: its sealed fields sealed when the clinic has a lock. */
export function sealRecord<T extends object>(table: string, record: T): T {
  const mode = lockMode();
  if (mode === 'off' || mode === 'unsealing') return record;
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

/** The record as the app sees it: its sealed fields opened (in place: each read is a fresh copy). */
export function openRecord<T extends object>(table: string, record: T): T {
  const paths = sealedPathsOf(table);
  for (const path of paths) {
    const value = readPath(record as Record<string, unknown>, path);
    if (!isSealed(value)) continue;
    const key = dataKey();
    if (!key) throw new LockedError();
    const id = recordId(table, record as Record<string, unknown>);
    writePath(record as Record<string, unknown>, path, openSync(key, sealContext(table, id, path), value));
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
