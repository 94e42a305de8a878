import type { DBCore, Middleware, Table } from 'dexie';
import { meetingClockStart } from '../domain/cadence';
import { searchKey } from '../domain/text';
import type { ActionItem, IsoDate, Person, Relationship } from '../domain/types';

// Fields stored beside a record only so that the dashboard and the lists can read by index. Each is
// computed from its own record alone, on every write, by the table's hooks: no repository (nor a
// restore) can forget them. Reads strip them, so they never reach the app, a backup or the audit log.

export interface RelationshipDerived {
  /** meetingClockStart() of the pair: overdue and quiet pairs are a range of it (with the status). */
  clockStart: IsoDate;
}

export interface ActionItemDerived {
  /** The due date while the item is open; absent (so not indexed) once done or without a date. */
  openDueDate: IsoDate | undefined;
}

export interface PersonDerived {
  /** searchKey() of the name: the People list and the name type-aheads read by it, accent- and case-blind. */
  nameKey: string;
}

export function personDerived(person: Pick<Person, 'name'>): PersonDerived {
  return { nameKey: searchKey(person.name) };
}

export function relationshipDerived(
  relationship: Pick<Relationship, 'startDate' | 'lastMeetingDate' | 'statusHistory'>,
): RelationshipDerived {
  return { clockStart: meetingClockStart(relationship) };
}

export function actionItemDerived(item: Pick<ActionItem, 'done' | 'dueDate'>): ActionItemDerived {
  return { openDueDate: !item.done && item.dueDate ? item.dueDate : undefined };
}

type Derivation = {
  derive: (record: never) => object;
  fields: readonly string[];
};

/** Each record written to the table, with its derived fields set (and absent ones removed). */
function withDerived(record: object, derivation: Derivation): object {
  const next: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(derivation.derive(record as never))) {
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  return next;
}

/**
 * A database middleware that computes the derived fields of every record written (add, put, update,
 * modify and bulk writes all reach it as whole records), on a copy, so the caller's object is untouched.
 */
export function derivedFieldsMiddleware(derivations: Record<string, Derivation>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'derivedFields',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const derivation = derivations[name];
        if (!derivation) return table;
        return {
          ...table,
          mutate: (request) =>
            request.type === 'add' || request.type === 'put'
              ? table.mutate({
                  ...request,
                  values: request.values.map((value) => withDerived(value, derivation)),
                })
              : table.mutate(request),
        };
      },
    }),
  };
}

/** Hides the derived fields from every read of `table`. */
export function hideDerivedFields<T extends object>(
  // biome-ignore lint/suspicious/noExplicitAny: the table's key type does not matter here
  table: Table<T, any>,
  fields: readonly string[],
): void {
  // Each read is a fresh copy of the stored record, so the fields are removed in place. A get() of a
  // missing key reads undefined.
  table.hook('reading', (record) => {
    if (!record) return record;
    for (const field of fields) delete (record as Record<string, unknown>)[field];
    return record;
  });
}
