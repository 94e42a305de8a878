// A list of records kept as columns, for the report digests (report-digests.ts). IndexedDB hands back a
// stored list of records one object and one string at a time; a year of a 10,000-person clinic's digests
// is some 300,000 records. As columns, saving them is about 3× cheaper, but reading them back is now bound
// by their size in bytes rather than their number of objects (docs/benchmarks.md, "Packed digests").
// As columns, a field that is a number or a yes/no is one typed array (read back as one block of bytes),
// as narrow as its values allow (whole numbers up to 255 one byte each), with a byte a record saying which
// records have none; a field whose values are strings, or lists of strings, is each distinct value
// once plus a typed array of which one each record holds — a pair's id, a day, a status, a list of topics —
// none when each record holds a value of its own in order (an id), and ids in the form the app makes them
// (random UUIDs) are kept as 16 bytes each rather than 36 characters. Since the digests are read at about
// IndexedDB's throughput in bytes, each byte saved is time saved (docs/benchmarks.md, "Smaller digests").
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

/** Codes and lengths, in the narrowest array their largest fits. */
type Codes = Uint8Array | Uint16Array | Uint32Array;
/** Numbers: whole ones in the narrowest array that holds them all, any other in 64-bit floats. */
type Numbers = Uint8Array | Uint16Array | Int32Array | Float64Array;

type Column =
  // `codes` (absent when every record has a value): whether each record has one, or is absent, undefined or
  // null; a record with none holds 0 in `values`.
  | { field: string; kind: 'number'; values: Numbers; codes?: Uint8Array }
  | { field: string; kind: 'boolean'; values: Uint8Array; codes?: Uint8Array }
  // `distinct`: the values, or the 16 bytes of each when every one is a UUID as the app writes them;
  // `codes` absent when record n holds the nth value.
  | { field: string; kind: 'string'; distinct: string[] | Uint8Array; codes?: Codes }
  // Each distinct list's length, their strings one after the other in `items` (a string column, `item`),
  // and which list each record holds.
  | { field: string; kind: 'list'; items: PackedRows; lengths: Codes; codes: Codes }
  | { field: string; kind: 'record'; codes: Uint8Array; rows: PackedRows }
  | { field: string; kind: 'records'; codes: Uint8Array; lengths: Codes; rows: PackedRows }
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
  let some = false;
  for (const row of rows) {
    const value = row[field];
    // Any field may be absent, undefined or null in some records.
    if (Object.hasOwn(row, field) && value !== undefined && value !== null) {
      some = true;
      if (typeof value !== 'number') numbers = false;
      if (typeof value !== 'boolean') booleans = false;
      if (typeof value !== 'string') strings = false;
      if (!isListOfStrings(value)) lists = false;
      if (!isPlainRecord(value)) records = false;
      if (!isPlainList(value) || !value.every(isPlainRecord)) listsOfRecords = false;
    }
    if (!numbers && !booleans && !strings && !lists && !records && !listsOfRecords) return 'value';
  }
  // A field with no value in any record is a column of strings with none.
  if (numbers && some) return 'number';
  if (booleans && some) return 'boolean';
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

/** Whole numbers (never -0) from 0 up to 255, 65,535 or from -2³¹ up to 2³¹ − 1, largest first. */
const NARROW = [
  [0, 0xff, Uint8Array],
  [0, 0xffff, Uint16Array],
  [-0x80000000, 0x7fffffff, Int32Array],
] as const;

/** The numbers in the narrowest array that holds each of them exactly. */
function narrowNumbers(values: readonly number[]): Numbers {
  let low = 0;
  let high = 0;
  for (const value of values) {
    if (!Number.isInteger(value) || Object.is(value, -0)) return Float64Array.from(values);
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const fits = NARROW.find(([min, max]) => low >= min && high <= max);
  return fits ? fits[2].from(values) : Float64Array.from(values);
}

/** Codes or lengths (never negative) in the narrowest array that holds the largest. */
function narrowCodes(values: readonly number[]): Codes {
  const largest = values.reduce((most, value) => Math.max(most, value), 0);
  if (largest <= 0xff) return Uint8Array.from(values);
  return largest <= 0xffff ? Uint16Array.from(values) : Uint32Array.from(values);
}

/** A UUID as `crypto.randomUUID()` writes it (lower case): kept as its 16 bytes. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');
const DASH = 45;

/** The value of a hexadecimal digit's character code (lower case). */
function hexValue(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/** Each UUID's 16 bytes, one after the other. */
function uuidBytes(ids: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(ids.length * 16);
  let out = 0;
  for (const id of ids)
    for (let at = 0; at < 36; at += 2) {
      // The dashes stand at 8, 13, 18 and 23: a pair of digits never straddles one.
      if (id.charCodeAt(at) === DASH) at++;
      bytes[out++] = (hexValue(id.charCodeAt(at)) << 4) | hexValue(id.charCodeAt(at + 1));
    }
  return bytes;
}

/** The UUIDs of `uuidBytes`, written out as one text, each a slice of it. */
export function uuidsOf(bytes: Uint8Array): string[] {
  const count = bytes.length / 16;
  const text = new Uint8Array(count * 36);
  let out = 0;
  let at = 0;
  for (let id = 0; id < count; id++)
    for (let place = 0; place < 16; place++) {
      // A dash after the 4th, 6th, 8th and 10th byte.
      if (place === 4 || place === 6 || place === 8 || place === 10) text[out++] = DASH;
      const byte = bytes[at++] as number;
      text[out++] = HEX_DIGITS[byte >> 4] as number;
      text[out++] = HEX_DIGITS[byte & 15] as number;
    }
  const all = new TextDecoder().decode(text);
  const ids = new Array<string>(count);
  for (let id = 0; id < count; id++) ids[id] = all.slice(id * 36, id * 36 + 36);
  return ids;
}

function packColumn(rows: readonly Row[], field: string, depth: number): Column {
  const kind = kindOf(rows, field, depth);
  if (kind === 'number' || kind === 'boolean') {
    const codes = Uint8Array.from(rows, (row) => presence(row, field));
    const each = codes.every((code) => code === FIRST_VALUE);
    const present = (at: number) => codes[at] === FIRST_VALUE;
    const column =
      kind === 'number'
        ? {
            field,
            kind,
            values: narrowNumbers(rows.map((row, at) => (present(at) ? (row[field] as number) : 0))),
          }
        : { field, kind, values: Uint8Array.from(rows, (row, at) => (present(at) && row[field] ? 1 : 0)) };
    return each ? column : { ...column, codes };
  }
  if (kind === 'string' || kind === 'list') {
    const index = new Map<string, number>();
    const first: unknown[] = [];
    const key = kind === 'string' ? (value: string) => value : (value: string[]) => JSON.stringify(value);
    const codes = rows.map((row) => {
      const size = index.size;
      const code = codeOf(row, field, index, key);
      if (index.size > size) first.push(row[field]);
      return code;
    });
    if (kind === 'list') {
      const lists = first as string[][];
      const items = packAt(
        lists.flatMap((list) => list.map((item) => ({ item }))),
        depth + 1,
      );
      return {
        field,
        kind,
        items,
        lengths: narrowCodes(lists.map((list) => list.length)),
        codes: narrowCodes(codes),
      };
    }
    const strings = first as string[];
    const distinct =
      strings.length > 0 && strings.every((value) => UUID.test(value)) ? uuidBytes(strings) : strings;
    // Record n holding the nth value (an id column): the codes say nothing.
    if (codes.every((code, at) => code === FIRST_VALUE + at)) return { field, kind, distinct };
    return { field, kind, distinct, codes: narrowCodes(codes) };
  }
  if (kind === 'record' || kind === 'records') {
    const codes = Uint8Array.from(rows, (row) => presence(row, field));
    const present = rows.filter((_, at) => codes[at] === FIRST_VALUE).map((row) => row[field]);
    if (kind === 'record') return { field, kind, codes, rows: packAt(present as Row[], depth + 1) };
    const lengths = narrowCodes(
      rows.map((row, at) => (codes[at] === FIRST_VALUE ? (row[field] as Row[]).length : 0)),
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
  /**
   * The UUIDs of `uuidBytes`, each the copy already held (found by its bytes, without writing it out),
   * else written out and held from now on. Without it, each is written out and shared through `string`.
   */
  uuids?(bytes: Uint8Array): string[];
}

const AS_IS: Sharing = {
  string: (value) => value,
  list: (values) => [...values],
};

/** The values a string or list column's codes stand for, after the codes of absent, undefined and null. */
function decoded(distinct: readonly unknown[]): unknown[] {
  return [undefined, undefined, null, ...distinct];
}

/**
 * A string column's distinct values of `count` records, shared through `sharing` when `codes` say values
 * repeat: UUIDs whenever they do (a pair's id in each of its meetings, month after month), other strings
 * when each is held by two records or more on average (days, statuses — not times, nearly all different).
 */
function distinctStrings(
  distinct: readonly string[] | Uint8Array,
  codes: Codes | undefined,
  count: number,
  sharing: Sharing,
): string[] {
  if (!(distinct instanceof Uint8Array))
    return codes && distinct.length * 2 <= count
      ? distinct.map((value) => sharing.string(value))
      : (distinct as string[]);
  if (!codes) return uuidsOf(distinct);
  return sharing.uuids ? sharing.uuids(distinct) : uuidsOf(distinct).map((value) => sharing.string(value));
}

/** The distinct lists of a list column, from their strings one after the other and each one's length. */
function listsOf(items: PackedRows, lengths: Codes, sharing: Sharing): string[][] {
  const strings = unpackRows<{ item: string }>(items, sharing);
  let next = 0;
  return Array.from(lengths, (length) => {
    const list = new Array<string>(length);
    for (let at = 0; at < length; at++) list[at] = (strings[next + at] as { item: string }).item;
    next += length;
    return list;
  });
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
    if (column.kind === 'number' || column.kind === 'boolean') {
      const { values, codes } = column;
      const yesNo = column.kind === 'boolean';
      for (let at = 0; at < rows.length; at++) {
        const code = codes ? (codes[at] as number) : FIRST_VALUE;
        if (code === ABSENT) continue;
        const value = yesNo ? values[at] === 1 : values[at];
        set(rows[at] as Row, code === FIRST_VALUE ? value : code === NULL ? null : undefined);
      }
    } else if (column.kind === 'string' || column.kind === 'list') {
      const { codes } = column;
      const values = decoded(
        column.kind === 'string'
          ? distinctStrings(column.distinct, codes, packed.count, sharing)
          : listsOf(column.items, column.lengths, sharing).map((value) => sharing.list(value)),
      );
      for (let at = 0; at < rows.length; at++) {
        const code = codes ? (codes[at] as number) : FIRST_VALUE + at;
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
