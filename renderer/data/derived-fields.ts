import type { DBCore, DBCoreKeyRange, DBCoreTable, DBCoreTransaction, Middleware, Table } from 'dexie';
import { meetingClockStart } from '../domain/cadence';
import { personWords } from '../domain/people-search';
import { columnSortKey } from '../domain/people-sort';
import { searchKey } from '../domain/text';
import type { ActionItem, IsoDate, Person, Relationship } from '../domain/types';

// Fields stored beside a record only so that the dashboard and the lists can read by index. Each is
// computed from its own record alone, on every write, by the table's hooks: no repository (nor a
// restore) can forget them. Reads strip them, so they never reach the app, a backup or the audit log.

export interface RelationshipDerived {
  /** meetingClockStart() of the pair: overdue and quiet pairs are a range of it (with the status). */
  clockStart: IsoDate;
}

/**
 * One entry for each of a pair's two people (a multi-entry index, schema version 24): the person and their
 * side. A person's pairs are one range of it, their primary keys read in one request (getAllKeys), in
 * the order the mentee and mentor indexes gave them one request each: as mentee, then as mentor, each by
 * pair id.
 */
export type PairSideEntry = [personId: string, side: 'mentee' | 'mentor'];

export interface RelationshipSidesDerived {
  sideKeys: PairSideEntry[];
}

export interface ActionItemDerived {
  /** The due date while the item is open; absent (so not indexed) once done or without a date. */
  openDueDate: IsoDate | undefined;
}

/**
 * Stored beside an action item: its due date while it is open and its pair is live (active, paused or
 * proposed). The dashboard's past-due list is a range of it: counted by count(), its first rows read
 * with limit(). It depends on the pair as well as the item, so pairLivenessMiddleware keeps it: on every
 * write of an item (from its pair, read in the same transaction) and on every write of a pair whose
 * liveness changes (its items are rewritten).
 */
export interface ActionItemLiveness {
  liveDueDate: IsoDate | undefined;
}

export interface PersonDerived {
  /** searchKey() of the name: the People list and the name type-aheads read by it, accent- and case-blind. */
  nameKey: string;
  /**
   * The distinct words of the name, e-mail, specialty and tags, as search keys (people-search.ts): a
   * multi-entry index, so the people whose words start with what was typed are one range of it.
   */
  wordKeys: string[];
  /**
   * Each of those words followed by the name key and the id (wordNameEntry): a multi-entry index in which
   * the people with one word come in name order, so a page of them is a range of it.
   */
  wordNames: string[];
}

/**
 * Separates a word, the name key and the id in a wordNames entry. A word never holds it (words are
 * letters and digits), a name cannot be typed with it, and it sorts before every other character, so the
 * entries of one word sort as [nameKey, id] does.
 */
export const WORD_NAME_SEPARATOR = '\u0000';

/** The wordNames entry of a word of the person whose name key and id are given. */
export function wordNameEntry(word: string, nameKey: string, id: string): string {
  return `${word}${WORD_NAME_SEPARATOR}${nameKey}${WORD_NAME_SEPARATOR}${id}`;
}

/**
 * Beside a person (schema version 19): the sort key of each column of the People list other than the name
 * (columnSortKey, domain/people-sort.ts: what the column shows, as a key in the list's order; empty when
 * it shows nothing), each indexed with the name key and the id, so a page sorted by that column is a
 * range of its index.
 */
export interface PersonSortKeys {
  sortProfession: string;
  sortSpecialty: string;
  sortRole: string;
  sortTags: string;
}

export const PERSON_SORT_FIELDS = ['sortProfession', 'sortSpecialty', 'sortRole', 'sortTags'] as const;

export function personSortKeys(
  person: Pick<Person, 'profession' | 'specialty' | 'isMentor' | 'isMentee' | 'tags'>,
): PersonSortKeys {
  return {
    sortProfession: columnSortKey(person, 'Profession'),
    sortSpecialty: columnSortKey(person, 'Specialty'),
    sortRole: columnSortKey(person, 'Role'),
    sortTags: columnSortKey(person, 'Tags'),
  };
}

/** searchKey() of a person's name: their place in the name order. */
export function nameKeyOf(person: Pick<Person, 'name'>): string {
  return searchKey(person.name);
}

export function personDerived(
  person: Pick<Person, 'id' | 'name' | 'email' | 'specialty' | 'tags'>,
): PersonDerived {
  const nameKey = nameKeyOf(person);
  const wordKeys = personWords(person);
  return {
    nameKey,
    wordKeys,
    wordNames: wordKeys.map((word) => wordNameEntry(word, nameKey, person.id)),
  };
}

export function relationshipDerived(
  relationship: Pick<Relationship, 'startDate' | 'lastMeetingDate' | 'statusHistory'>,
): RelationshipDerived {
  return { clockStart: meetingClockStart(relationship) };
}

export function relationshipSidesDerived(
  relationship: Pick<Relationship, 'menteeId' | 'mentorId'>,
): RelationshipSidesDerived {
  return {
    sideKeys: [
      [relationship.menteeId, 'mentee'],
      [relationship.mentorId, 'mentor'],
    ],
  };
}

export function actionItemDerived(item: Pick<ActionItem, 'done' | 'dueDate'>): ActionItemDerived {
  return { openDueDate: !item.done && item.dueDate ? item.dueDate : undefined };
}

/** The statuses of a pair still running: its action items may be on the dashboard. */
export const LIVE_PAIR_STATUSES = ['active', 'paused', 'proposed'] as const;

export function isLivePair(relationship: Pick<Relationship, 'status'> | undefined): boolean {
  return !!relationship && (LIVE_PAIR_STATUSES as readonly string[]).includes(relationship.status);
}

export function actionItemLiveness(
  item: Pick<ActionItem, 'done' | 'dueDate'>,
  pairLive: boolean,
): ActionItemLiveness {
  return { liveDueDate: pairLive && !item.done && item.dueDate ? item.dueDate : undefined };
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

type StoredRecord = Record<string, unknown>;

/** Sets (or removes) an item's liveDueDate on a copy. */
function withLiveness(item: StoredRecord, pairLive: boolean): StoredRecord {
  const next = { ...item };
  const { liveDueDate } = actionItemLiveness(item as unknown as ActionItem, pairLive);
  if (liveDueDate === undefined) delete next.liveDueDate;
  else next.liveDueDate = liveDueDate;
  return next;
}

function inScope(trans: DBCoreTransaction, table: string): boolean {
  // The IndexedDB transaction underneath: its scope is the tables it was opened on.
  return (trans as unknown as IDBTransaction).objectStoreNames.contains(table);
}

const equalTo = (key: string): DBCoreKeyRange =>
  ({ type: 1 /* DBCoreRangeType.Equal */, lower: key, upper: key }) as DBCoreKeyRange;
const everything = { type: 2 /* DBCoreRangeType.Range */ } as DBCoreKeyRange;

/** Up to this many pairs are read one by one; more, and the live pairs' ids are read from the status index. */
const FEW_PAIRS = 64;

/** Which of the pairs `ids` are live, read in the transaction `trans`. */
async function livePairIds(
  pairs: DBCoreTable,
  trans: DBCoreTransaction,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length <= FEW_PAIRS) {
    const found = (await pairs.getMany({ trans, keys: ids })) as (Relationship | undefined)[];
    return new Set(found.filter(isLivePair).map((pair) => (pair as Relationship).id));
  }
  const index = pairs.schema.getIndexByKeyPath('status');
  if (!index) throw new Error('Pairs are indexed by status.');
  const keys = await Promise.all(
    LIVE_PAIR_STATUSES.map((status) =>
      pairs.query({ trans, values: false, query: { index, range: equalTo(status) } }),
    ),
  );
  return new Set(keys.flatMap((found) => found.result as string[]));
}

/** Rewrites the liveDueDate of the items of `pairIds` where it changed, the pairs' liveness being `live`. */
async function refreshItemsOf(
  items: DBCoreTable,
  trans: DBCoreTransaction,
  pairIds: string[],
  live: (pairId: string) => boolean,
): Promise<void> {
  const index = items.schema.getIndexByKeyPath('relationshipId');
  if (!index) throw new Error('Action items are indexed by pair.');
  const found = await Promise.all(
    pairIds.map((id) => items.query({ trans, values: true, query: { index, range: equalTo(id) } })),
  );
  const changed = found
    .flatMap((result) => result.result as StoredRecord[])
    .flatMap((item) => {
      const next = withLiveness(item, live(item.relationshipId as string));
      return next.liveDueDate === item.liveDueDate ? [] : [next];
    });
  if (changed.length)
    await items.mutate({ type: 'put', trans, values: changed, keys: changed.map((item) => item.id) });
}

const needsPairs = () =>
  new Error(
    'Action items are written in a transaction that includes the pairs: each item notes whether its pair is live.',
  );
const needsItems = () =>
  new Error(
    'A pair that starts or stops running is written in a transaction that includes action items: its items are rewritten.',
  );

/**
 * Keeps ActionItemLiveness right across the two tables. Must sit below the sealing middleware (its
 * reads and writes are of records as stored) and above derivedFieldsMiddleware.
 */
export function pairLivenessMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'pairLiveness',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name === 'actionItems')
          return {
            ...table,
            mutate: async (request) => {
              if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
              const values = request.values as StoredRecord[];
              const ids = [
                ...new Set(
                  values
                    .filter((item) => !item.done && item.dueDate)
                    .map((item) => item.relationshipId as string),
                ),
              ];
              if (ids.length && !inScope(request.trans, 'relationships')) throw needsPairs();
              const live = ids.length
                ? await livePairIds(down.table('relationships'), request.trans, ids)
                : new Set();
              return table.mutate({
                ...request,
                values: values.map((item) => withLiveness(item, live.has(item.relationshipId as string))),
              });
            },
          };
        if (name !== 'relationships') return table;
        const items = () => down.table('actionItems');
        return {
          ...table,
          mutate: async (request) => {
            const withItems = inScope(request.trans, 'actionItems');
            if (request.type === 'delete') {
              const result = await table.mutate(request);
              if (withItems)
                await refreshItemsOf(items(), request.trans, request.keys as string[], () => false);
              return result;
            }
            if (request.type === 'deleteRange') {
              const result = await table.mutate(request);
              if (!withItems) return result;
              // The items still marked live whose pair is gone or no longer live.
              const liveIndex = items().schema.getIndexByKeyPath('liveDueDate');
              if (!liveIndex) throw new Error('Action items are indexed by liveDueDate.');
              const marked = await items().query({
                trans: request.trans,
                values: true,
                query: { index: liveIndex, range: everything },
              });
              const pairIds = [
                ...new Set((marked.result as StoredRecord[]).map((item) => item.relationshipId as string)),
              ];
              const live = await livePairIds(table, request.trans, pairIds);
              await refreshItemsOf(
                items(),
                request.trans,
                pairIds.filter((id) => !live.has(id)),
                () => false,
              );
              return result;
            }
            const values = request.values as Relationship[];
            if (request.type === 'add') {
              // New pairs: their items (if any were written before them) may now be live. Asked in the
              // same breath as the add, so that it sees the items written before it, not those after.
              const [result, anyItem] = await Promise.all([
                table.mutate(request),
                withItems
                  ? items().query({
                      trans: request.trans,
                      values: false,
                      limit: 1,
                      query: { index: items().schema.primaryKey, range: everything },
                    })
                  : Promise.resolve({ result: [] }),
              ]);
              const added = values.filter((_, at) => !result.failures[at] && isLivePair(values[at]));
              if (anyItem.result.length && added.length)
                await refreshItemsOf(
                  items(),
                  request.trans,
                  added.map((pair) => pair.id),
                  () => true,
                );
              return result;
            }
            const before = await livePairIds(
              table,
              request.trans,
              values.map((pair) => pair.id),
            );
            const turning = values.filter((pair) => isLivePair(pair) !== before.has(pair.id));
            if (turning.length && !withItems) throw needsItems();
            const result = await table.mutate(request);
            const changed = turning.filter((pair) => !result.failures[values.indexOf(pair)]);
            const live = new Set(changed.filter(isLivePair).map((pair) => pair.id));
            if (changed.length)
              await refreshItemsOf(
                items(),
                request.trans,
                changed.map((pair) => pair.id),
                (id) => live.has(id),
              );
            return result;
          },
        };
      },
    }),
  };
}
