// A list of records kept as columns, for the report digests (report-digests.ts). IndexedDB hands back a
// stored list of records one object and one string at a time; a year of a 10,000-person clinic's digests
// is some 300,000 records. As columns, saving them is about 3× cheaper, but reading them back is now bound
// by their size in bytes rather than their number of objects (docs/benchmarks.md, "Packed digests").
// As columns, a field that is a number or a yes/no is one typed array (read back as one block of bytes),
// and a field whose values are strings, or lists of strings, is each distinct value
// once plus a typed array of which one each record holds — a pair's id, a day, a status, a list of topics.
// A field whose values are plain records (a response's answers), or lists of plain records (a pair's
// history of statuses, a goal's history), is itself packed as columns, all its records together. Any other
// field (a sealed value, a field of mixed kinds) is kept as it is. Unpacking gives records equal to those
// packed: the same fields, absent where they were absent, undefined or null where they were.

/** The code of an absent field, and of undefined and null, in a string, list or nested column. */
const ABSENT = 0;
const UNDEFINED = 1;
const NULL = 2;
const FIRST_VALUE = 3;

/**
 * Records nested deeper, or whose fields are more than this many in all (a record keyed by ids, say),
 * are kept as they are: their columns would outnumber their values.
 */
const MAX_DEPTH = 3;
const MAX_NESTED_FIELDS = 64;

type Column =
  | { field: string; kind: 'number'; values: Float64Array }
  | { field: string; kind: 'boolean'; values: Uint8Array }
  | { field: string; kind: 'string'; distinct: string[]; codes: Uint32Array }
  | { field: string; kind: 'list'; distinct: string[][]; codes: Uint32Array }
  | { field: string; kind: 'record'; codes: Uint8Array; rows: PackedRows }
  | { field: string; kind: 'records'; codes: Uint8Array; lengths: Uint32Array; rows: PackedRows }
  | { field: string; kind: 'value'; values: unknown[]; absent: number[] };

export interface PackedRows {
  count: number;
  columns: Column[];
}

type Row = Record<string, unknown>;

/** How the values of a field are kept, given every record and how deep they are nested. */
function kindOf(rows: readonly Row[], field: string, depth: number): Column['kind'] {
  let numbers = true;
  let booleans = true;
  let strings = true;
  let lists = true;
  let records = depth < MAX_DEPTH;
  let listsOfRecords = depth < MAX_DEPTH;
  for (const row of rows) {
    const has = Object.hasOwn(row, field);
    const value = row[field];
    // Numbers and yes/no are kept only when every record has one; the others may be absent, undefined or null.
    if (!has || typeof value !== 'number') numbers = false;
    if (!has || typeof value !== 'boolean') booleans = false;
    if (has && value !== undefined && value !== null) {
      if (typeof value !== 'string') strings = false;
      if (!isListOfStrings(value)) lists = false;
      if (!isPlainRecord(value)) records = false;
      if (!isPlainList(value) || !value.every(isPlainRecord)) listsOfRecords = false;
    }
    if (!numbers && !booleans && !strings && !lists && !records && !listsOfRecords) return 'value';
  }
  if (numbers) return 'number';
  if (booleans) return 'boolean';
  if (strings) return 'string';
  if (lists) return 'list';
  if (records && fewFields(rows.map((row) => row[field]))) return 'record';
  if (listsOfRecords && fewFields(rows.flatMap((row) => nestedRecords(row[field])))) return 'records';
  return 'value';
}

/** A record made as `{…}`: packed field by field (anything else, as a whole). */
function isPlainRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** A list made as `[…]`, with no holes and no fields of its own. */
function isPlainList(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return false;
  return Object.keys(value).length === value.length;
}

/** Whether the records a field holds have few enough fields between them to be packed as columns. */
function fewFields(values: readonly unknown[]): boolean {
  const fields = new Set<string>();
  for (const value of values)
    if (isPlainRecord(value))
      for (const field of Object.keys(value)) if (fields.add(field).size > MAX_NESTED_FIELDS) return false;
  return true;
}

/** The records of a field packed as lists of records (none when it is absent, undefined or null). */
function nestedRecords(value: unknown): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}

/** Whether a record has the field, and whether it is undefined or null: the codes of a nested column. */
function presence(row: Row, field: string): number {
  if (!Object.hasOwn(row, field)) return ABSENT;
  const value = row[field];
  if (value === undefined) return UNDEFINED;
  return value === null ? NULL : FIRST_VALUE;
}

function isListOfStrings(value: unknown): value is string[] {
  // A plain list only: one with extra fields or holes is kept as it is.
  return isPlainList(value) && value.every((item) => typeof item === 'string');
}

function codeOf(row: Row, field: string, index: Map<string, number>, key: (value: never) => string): number {
  if (!Object.hasOwn(row, field)) return ABSENT;
  const value = row[field];
  if (value === undefined) return UNDEFINED;
  if (value === null) return NULL;
  const known = key(value as never);
  let at = index.get(known);
  if (at === undefined) {
    at = index.size;
    index.set(known, at);
  }
  return FIRST_VALUE + at;
}

function packColumn(rows: readonly Row[], field: string, depth: number): Column {
  const kind = kindOf(rows, field, depth);
  if (kind === 'number')
    return { field, kind, values: Float64Array.from(rows, (row) => row[field] as number) };
  if (kind === 'boolean')
    return { field, kind, values: Uint8Array.from(rows, (row) => (row[field] ? 1 : 0)) };
  if (kind === 'string' || kind === 'list') {
    const index = new Map<string, number>();
    const first: unknown[] = [];
    const key = kind === 'string' ? (value: string) => value : (value: string[]) => JSON.stringify(value);
    const codes = Uint32Array.from(rows, (row) => {
      const size = index.size;
      const code = codeOf(row, field, index, key);
      if (index.size > size) first.push(row[field]);
      return code;
    });
    return kind === 'string'
      ? { field, kind, distinct: first as string[], codes }
      : { field, kind, distinct: first as string[][], codes };
  }
  if (kind === 'record' || kind === 'records') {
    const codes = Uint8Array.from(rows, (row) => presence(row, field));
    const present = rows.filter((_, at) => codes[at] === FIRST_VALUE).map((row) => row[field]);
    if (kind === 'record') return { field, kind, codes, rows: packAt(present as Row[], depth + 1) };
    const lengths = Uint32Array.from(rows, (row, at) =>
      codes[at] === FIRST_VALUE ? (row[field] as Row[]).length : 0,
    );
    return { field, kind, codes, lengths, rows: packAt((present as Row[][]).flat(), depth + 1) };
  }
  const absent: number[] = [];
  const values = rows.map((row, at) => {
    if (Object.hasOwn(row, field)) return row[field];
    absent.push(at);
    return undefined;
  });
  return { field, kind, values, absent };
}

/** The records as columns, one a field, in the order their fields first appear. */
export function packRows(rows: readonly object[]): PackedRows {
  return packAt(rows as readonly Row[], 0);
}

function packAt(rows: readonly Row[], depth: number): PackedRows {
  const fields = new Set<string>();
  for (const row of rows) for (const field of Object.keys(row)) fields.add(field);
  return { count: rows.length, columns: [...fields].map((field) => packColumn(rows, field, depth)) };
}

/** What unpacking may share between lists: one copy of each string and list of strings. */
export interface Sharing {
  string<T extends string | null | undefined>(value: T): T;
  list(values: readonly string[]): string[];
}

const AS_IS: Sharing = {
  string: (value) => value,
  list: (values) => [...values],
};

/** The values a string or list column's codes stand for, shared through `sharing`. */
function decoded<T>(distinct: readonly T[], share: (value: T) => T): unknown[] {
  return [undefined, undefined, null, ...distinct.map(share)];
}

/** Sets a field of an unpacked record (a field named `__proto__` as the record's own, as it was stored). */
function setter(field: string): (row: Row, value: unknown) => void {
  if (field !== '__proto__')
    return (row, value) => {
      row[field] = value;
    };
  return (row, value) => {
    Object.defineProperty(row, field, { value, writable: true, enumerable: true, configurable: true });
  };
}

/** The records packed, each field in its column's order; strings and lists shared through `sharing`. */
export function unpackRows<T = Row>(packed: PackedRows, sharing: Sharing = AS_IS): T[] {
  const rows: Row[] = Array.from({ length: packed.count }, () => ({}));
  for (const column of packed.columns) {
    const set = setter(column.field);
    if (column.kind === 'number') {
      const { values } = column;
      for (let at = 0; at < rows.length; at++) set(rows[at] as Row, values[at]);
    } else if (column.kind === 'boolean') {
      const { values } = column;
      for (let at = 0; at < rows.length; at++) set(rows[at] as Row, values[at] === 1);
    } else if (column.kind === 'string' || column.kind === 'list') {
      const values =
        column.kind === 'string'
          ? decoded(column.distinct, (value) => sharing.string(value))
          : decoded(column.distinct, (value) => sharing.list(value));
      const { codes } = column;
      for (let at = 0; at < rows.length; at++) {
        const code = codes[at] as number;
        if (code !== ABSENT) set(rows[at] as Row, values[code]);
      }
    } else if (column.kind === 'record' || column.kind === 'records') {
      const nested = unpackRows<Row>(column.rows, sharing);
      const { codes } = column;
      let next = 0;
      for (let at = 0; at < rows.length; at++) {
        const code = codes[at] as number;
        if (code === ABSENT) continue;
        let value: unknown = code === NULL ? null : undefined;
        if (code === FIRST_VALUE) {
          const length = column.kind === 'record' ? 1 : (column.lengths[at] as number);
          value = column.kind === 'record' ? nested[next] : nested.slice(next, next + length);
          next += length;
        }
        set(rows[at] as Row, value);
      }
    } else {
      const absent = new Set(column.absent);
      for (let at = 0; at < rows.length; at++) if (!absent.has(at)) set(rows[at] as Row, column.values[at]);
    }
  }
  return rows as T[];
}
