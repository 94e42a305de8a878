import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '../../renderer/data/packed-rows';
import { SharedValues } from '../../renderer/data/report-records';

// Records as the report digests hold them: a few fields, each absent, undefined, null, or of one kind
// most of the time, and now and then of another.
const FIELDS = ['id', 'date', 'topics', 'minutes', 'done', 'answers', '__proto__', 'constructor'];
const someValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('pair-1', 'pair-2', '2024-01-05', '', '\u0000', 'é\u{1F600}') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom('a', 'b', 'a\u0000b', ''), { maxLength: 3 }) },
  { weight: 3, arbitrary: fc.double() },
  // Whole numbers of every width: kept in one, two or four bytes, or as 64-bit floats.
  { weight: 2, arbitrary: fc.oneof(fc.nat(300), fc.integer({ min: -70_000, max: 70_000 }), fc.integer()) },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
  { weight: 1, arbitrary: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4 }) },
  // Records and lists of records, nested: packed as columns of their own.
  {
    weight: 3,
    arbitrary: fc.letrec((tie) => ({
      record: fc.dictionary(
        fc.constantFrom('status', 'date', 'note', 'by', '__proto__'),
        fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          fc.constantFrom('active', 'ended', undefined, null, 3, -0),
          tie('record'),
          fc.array(tie('record'), { maxLength: 2 }),
        ),
        { maxKeys: 3 },
      ),
    })).record,
  },
  {
    weight: 2,
    arbitrary: fc.array(fc.record({ status: fc.constantFrom('a', 'b'), on: fc.integer() }), { maxLength: 3 }),
  },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }) },
);
const someRecord = fc
  .subarray(FIELDS)
  .chain((fields) => fc.tuple(...fields.map((field) => someValue.map((value) => [field, value] as const))))
  .map((entries) => {
    const row: Record<string, unknown> = {};
    for (const [field, value] of entries)
      Object.defineProperty(row, field, { value, writable: true, enumerable: true, configurable: true });
    return row;
  });
// Mostly records whose fields keep one kind each, so that every kind of column is packed.
const uniform = fc.array(
  fc.record(
    {
      id: fc.constantFrom('m1', 'm2', 'm3'),
      date: fc.constantFrom('2024-01-05', '2024-02-29', undefined, null),
      topics: fc.array(fc.constantFrom('welcome', 'rota', 'care'), { maxLength: 2 }),
      minutes: fc.oneof(fc.double(), fc.nat(70_000)),
      done: fc.boolean(),
    },
    { requiredKeys: ['id', 'minutes', 'done'] },
  ),
  { maxLength: 30 },
);

/** Each record's own fields, in order, with their values (equal fields but for the order are equal). */
function fieldsOf(rows: readonly object[]) {
  return rows.map((row) =>
    Object.keys(row)
      .sort()
      .map((field) => [field, (row as Record<string, unknown>)[field]]),
  );
}

describe('records packed as columns', () => {
  it('unpacks to records equal to those packed: absent, undefined and null kept apart, -0 and NaN kept', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(someRecord, { maxLength: 20 }), uniform), (rows) => {
        const packed = packRows(rows);
        const back = unpackRows(packed);
        expect(back).toHaveLength(rows.length);
        expect(fieldsOf(back)).toEqual(fieldsOf(rows));
        for (const [at, row] of back.entries()) {
          expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
          for (const field of Object.keys(rows[at] as object))
            expect(
              Object.is(row[field], (rows[at] as Record<string, unknown>)[field]) ||
                typeof row[field] === 'object',
            ).toBe(true);
        }
        // Through the structured clone the database stores with, too.
        expect(fieldsOf(unpackRows(structuredClone(packed)))).toEqual(fieldsOf(rows));
      }),
    );
  });

  it('keeps a number, yes/no, string or list of strings field as one typed array of the records', () => {
    type Row = {
      id: string;
      minutes: number;
      done: boolean;
      topics: string[];
      note?: { text: string } | null;
    };
    const rows: Row[] = [
      { id: 'a', minutes: 30, done: true, topics: ['rota'], note: { text: 'x' } },
      { id: 'b', minutes: -0, done: false, topics: ['rota'] },
      { id: 'a', minutes: Number.NaN, done: false, topics: [], note: null },
    ];
    const packed = packRows(rows);
    const kinds = Object.fromEntries(packed.columns.map((column) => [column.field, column.kind]));
    expect(kinds).toEqual({
      id: 'string',
      minutes: 'number',
      done: 'boolean',
      topics: 'list',
      note: 'record',
    });
    const id = packed.columns.find((column) => column.field === 'id');
    expect(id).toMatchObject({ distinct: ['a', 'b'] });
    const topics = packed.columns.find((column) => column.field === 'topics');
    // Each distinct list once: their lengths, and their strings as a column of their own.
    expect(topics).toMatchObject({ lengths: Uint8Array.of(1, 0), items: { count: 1 } });
    const back = unpackRows<Row>(packed);
    expect(Object.is(back[1]?.minutes, -0)).toBe(true);
    expect(back[2]?.minutes).toBeNaN();
    expect('note' in (back[1] as object)).toBe(false);
    expect(back).toEqual(rows);
    // Unpacked lists are the caller's own, not the packed ones.
    back[0]?.topics.push('changed');
    expect(unpackRows<Row>(packed)[0]?.topics).toEqual(['rota']);
  });

  it('packs a field of records, or of lists of records, as columns of its own', () => {
    const byId = Object.fromEntries(Array.from({ length: 80 }, (_, at) => [`person-${at}`, at]));
    const rows = [
      {
        answers: { q1: 4, q2: 'yes' },
        history: [
          { status: 'active', on: '2024-01-01' },
          { status: 'ended', on: '2024-03-01', note: null },
        ],
        byId,
      },
      { answers: null, history: [] },
      { answers: { q1: 5 }, history: undefined, byId: { 'person-1': 1 } },
    ];
    const packed = packRows(rows);
    const kinds = Object.fromEntries(packed.columns.map((column) => [column.field, column.kind]));
    // A record keyed by many ids is kept whole.
    expect(kinds).toEqual({ answers: 'record', history: 'records', byId: 'value' });
    const history = packed.columns.find((column) => column.field === 'history');
    expect(history).toMatchObject({ rows: { count: 2 } });
    expect(unpackRows(packed)).toEqual(rows);
    expect(fieldsOf(unpackRows(packed))).toEqual(fieldsOf(rows));
  });

  it('keeps a number or yes/no field that some records lack as one typed array, absent, undefined and null apart', () => {
    const rows = [
      { hours: 2, done: true },
      {},
      { hours: undefined, done: null },
      { hours: null, done: false },
    ];
    const packed = packRows(rows);
    expect(
      packed.columns.map((column) => [column.kind, 'values' in column && column.values.constructor]),
    ).toEqual([
      ['number', Uint8Array],
      ['boolean', Uint8Array],
    ]);
    const back = unpackRows(packed);
    expect(fieldsOf(back)).toEqual(fieldsOf(rows));
    expect('hours' in (back[1] as object)).toBe(false);
    expect('hours' in (back[2] as object)).toBe(true);
    // A field every record has a value of needs no byte a record to say so.
    expect(packRows([{ hours: 1 }, { hours: 2 }]).columns[0]).not.toHaveProperty('codes');
  });

  it('keeps whole numbers in the narrowest array that holds them all exactly', () => {
    const arrayOf = (values: number[]) => {
      const packed = packRows(values.map((value) => ({ value })));
      expect(unpackRows(structuredClone(packed))).toEqual(values.map((value) => ({ value })));
      return (packed.columns[0] as { values: object }).values.constructor;
    };
    expect(arrayOf([0, 5, 255])).toBe(Uint8Array);
    expect(arrayOf([0, 256, 65_535])).toBe(Uint16Array);
    expect(arrayOf([-1, 65_536, 2 ** 31 - 1, -(2 ** 31)])).toBe(Int32Array);
    expect(arrayOf([2 ** 31])).toBe(Float64Array);
    expect(arrayOf([1, 2.5])).toBe(Float64Array);
    // -0 is not 0: kept as it was.
    expect(arrayOf([1, -0])).toBe(Float64Array);
    expect(Object.is(unpackRows<{ value: number }>(packRows([{ value: -0 }]))[0]?.value, -0)).toBe(true);
  });

  it('keeps UUIDs as their 16 bytes, and no codes for a field each record holds a value of its own in', () => {
    const ids = Array.from({ length: 300 }, () => crypto.randomUUID());
    const rows = ids.map((id, at) => ({ id, pairId: ids[at % 3] }));
    const packed = packRows(rows);
    const [id, pairId] = packed.columns as { distinct: Uint8Array; codes?: unknown }[];
    expect(id?.distinct).toBeInstanceOf(Uint8Array);
    expect(id?.distinct.length).toBe(300 * 16);
    expect(id).not.toHaveProperty('codes');
    expect(pairId?.distinct.length).toBe(3 * 16);
    expect(pairId?.codes).toBeInstanceOf(Uint8Array);
    expect(unpackRows(structuredClone(packed))).toEqual(rows);
    // Upper case, braces, or one value that is no UUID: kept as strings, exactly.
    for (const odd of [ids[0]?.toUpperCase(), `{${ids[0]}}`, 'pair-1', `${ids[0]?.slice(0, 35)}g`]) {
      const mixed = [{ id: ids[1] }, { id: odd }];
      const column = packRows(mixed).columns[0] as { distinct: unknown };
      expect(Array.isArray(column.distinct)).toBe(true);
      expect(unpackRows(packRows(mixed))).toEqual(mixed);
    }
  });

  it('round-trips any UUID-shaped value, every byte of it', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { maxLength: 40 }), fc.array(fc.nat(39)), (ids, picks) => {
        const lower = ids.map((id) => id.toLowerCase());
        const rows = picks.map((at) => (lower.length ? { id: lower[at % lower.length] } : {}));
        expect(unpackRows(structuredClone(packRows(rows)))).toEqual(rows);
      }),
    );
  });

  it('tells apart UUIDs that begin alike, and holds thousands', () => {
    const alike = ['0', '1', '2'].map((last) => `abcdef01-2345-4678-89ab-cdef0123456${last}`);
    // Differing only in the two bits the look-up leaves out of its first 30.
    const high = ['3', '7', 'b', 'f'].map((first) => `${first}bcdef01-2345-4678-89ab-cdef01234567`);
    const many = Array.from({ length: 3000 }, () => crypto.randomUUID());
    const shared = new SharedValues();
    for (const ids of [alike, high, many, [...alike, ...high, ...many].reverse()]) {
      const rows = [...ids, ...ids].map((pairId) => ({ pairId }));
      expect(unpackRows(packRows(rows), shared)).toEqual(rows);
    }
  });

  it('finds the UUIDs already held by their bytes, and writes out each new one right', () => {
    // Two reads sharing one SharedValues, overlapping in part, one UUID first met as text.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(29), { minLength: 2, maxLength: 60 }),
        fc.array(fc.nat(29), { minLength: 2, maxLength: 60 }),
        (ids, first, second) => {
          const lower = ids.map((id) => id.toLowerCase());
          const shared = new SharedValues();
          shared.string(lower[0] as string);
          for (const picks of [first, second]) {
            const rows = picks.map((at) => ({ pairId: lower[at % lower.length] }));
            const packed = packRows(rows);
            expect((packed.columns[0] as { distinct: unknown }).distinct).toBeInstanceOf(Uint8Array);
            expect(unpackRows(structuredClone(packed), shared)).toEqual(rows);
          }
        },
      ),
    );
  });

  it('keeps codes and lengths in the narrowest array that holds them', () => {
    const many = Array.from({ length: 70_000 }, (_, at) => ({ tag: `t${at % 300}`, day: `d${at}` }));
    const [tag, day] = packRows(many).columns as { codes?: unknown }[];
    expect(tag?.codes).toBeInstanceOf(Uint16Array);
    // Each record its own value, in order: no codes at all.
    expect(day).not.toHaveProperty('codes');
    const fewer = packRows(many.slice(0, 200).map((_, at) => ({ tag: `t${at % 7}` }))).columns;
    expect((fewer[0] as { codes?: unknown }).codes).toBeInstanceOf(Uint8Array);
    const unique = [{ day: 'a' }, { day: 'b' }, { day: 'a' }, {}, { day: null }];
    expect(unpackRows(packRows(unique))).toEqual(unique);
    expect(fieldsOf(unpackRows(packRows(unique)))).toEqual(fieldsOf(unique));
  });

  it('shares each repeated string and list through the given sharing, lists frozen', () => {
    const shared = new SharedValues();
    const held = shared.string(['pair', '1'].join('-'));
    const rows = unpackRows<{ pairId: string; topics: string[] }>(
      packRows([
        { pairId: 'pair-1', topics: ['rota', 'care'] },
        { pairId: 'pair-1', topics: ['rota', 'care'] },
      ]),
      shared,
    );
    expect(rows[0]?.pairId).toBe(held);
    expect(rows[0]?.topics).toBe(rows[1]?.topics);
    expect(Object.isFrozen(rows[0]?.topics)).toBe(true);
  });

  it('packs no records to none', () => {
    expect(unpackRows(packRows([]))).toEqual([]);
  });
});
