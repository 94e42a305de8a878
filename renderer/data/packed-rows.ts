// A list of records kept as columns, for the report digests (report-digests.ts). IndexedDB hands back a
// stored list of records one object and one string at a time, some 2–3 µs each here; a year of a
// 10,000-person clinic's digests is some 300,000 records, so reading them as records took seconds
// (docs/benchmarks.md). As columns, a field that is a number or a yes/no is one typed array (read back as
// one block of bytes), and a field whose values are strings, or lists of strings, is each distinct value
// once plus a typed array of which one each record holds — a pair's id, a day, a status, a list of topics.
// Any other field (an object, a sealed value) is kept as it is. Unpacking gives records equal to those
// packed: the same fields, absent where they were absent, undefined or null where they were.

/** The code of an absent field, and of undefined and null, in a string or list column. */
const ABSENT = 0;
const UNDEFINED = 1;
const NULL = 2;
const FIRST_VALUE = 3;

type Column =
  | { field: string; kind: 'number'; values: Float64Array }
  | { field: string; kind: 'boolean'; values: Uint8Array }
  | { field: string; kind: 'string'; distinct: string[]; codes: Uint32Array }
  | { field: string; kind: 'list'; distinct: string[][]; codes: Uint32Array }
  | { field: string; kind: 'value'; values: unknown[]; absent: number[] };

export interface PackedRows {
  count: number;
  columns: Column[];
}

type Row = Record<string, unknown>;

/** How the values of a field are kept, given every record. */
function kindOf(rows: readonly Row[], field: string): Column['kind'] {
  let numbers = true;
  let booleans = true;
  let strings = true;
  let lists = true;
  for (const row of rows) {
    const has = Object.hasOwn(row, field);
    const value = row[field];
    // Numbers and yes/no are kept only when every record has one; strings and lists may be absent or empty.
    if (!has || typeof value !== 'number') numbers = false;
    if (!has || typeof value !== 'boolean') booleans = false;
    if (has && value !== undefined && value !== null) {
      if (typeof value !== 'string') strings = false;
      if (!isListOfStrings(value)) lists = false;
    }
    if (!numbers && !booleans && !strings && !lists) return 'value';
  }
  if (numbers) return 'number';
  if (booleans) return 'boolean';
  if (strings) return 'string';
  return lists ? 'list' : 'value';
}

function isListOfStrings(value: unknown): value is string[] {
  // A plain list only: one with extra fields or holes is kept as it is.
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return false;
  if (Object.keys(value).length !== value.length) return false;
  return value.every((item) => typeof item === 'string');
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

function packColumn(rows: readonly Row[], field: string): Column {
  const kind = kindOf(rows, field);
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
      : { field, kind, distinct: (first as string[][]).map((list) => [...list]), codes };
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
  const records = rows as readonly Row[];
  const fields = new Set<string>();
  for (const row of records) for (const field of Object.keys(row)) fields.add(field);
  return { count: records.length, columns: [...fields].map((field) => packColumn(records, field)) };
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
    } else {
      const absent = new Set(column.absent);
      for (let at = 0; at < rows.length; at++) if (!absent.has(at)) set(rows[at] as Row, column.values[at]);
    }
  }
  return rows as T[];
}

/** Whether `value` has the shape of packed records (a digest of another form is made again). */
export function isPackedRows(value: unknown): value is PackedRows {
  const packed = value as Partial<PackedRows> | null | undefined;
  return typeof packed?.count === 'number' && Array.isArray(packed.columns);
}
