import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openRecordsInBulk, sealRecordsInBulk } from '../../renderer/data/lock/bulk-crypto';
import {
  isSealed,
  openSync,
  parseMany,
  readPath,
  SEALED_RECORD_FIELD,
  SEALED_RECORD_PATH,
  SealError,
  sealContext,
  sealContextsOf,
  sealSync,
  writePath,
} from '../../renderer/data/lock/seal';
import { unreadableValueOf } from '../../renderer/data/lock/sealed-fields';
import { LockedError, openSession, setLockMode } from '../../renderer/data/lock/session';

// Opening many sealed values at once (backups, turning the lock off): the plaintexts of a page decoded
// and parsed together must give exactly what the one-value-at-a-time way gives.

const encoder = new TextEncoder();
const KEY = new Uint8Array(32).map((_, index) => index * 7 + 1);

afterEach(() => setLockMode('off'));

const NOTES = [
  'A plain note.',
  'He said "I can\'t go on" \\ and left — at 3 a.m.',
  'Ünïcödé: 日本語, emoji 🧑‍⚕️👩🏽‍🔬, a lone combining mark ́, tab\tand\nnew line',
  '',
  '\u2028\u2029 line and paragraph separators, \u0000 a nul, \u001f a control',
];

describe('opening sealed values in bulk', () => {
  it('reads plaintexts together exactly as each one alone: strings with quotes and Unicode, steps, answers', () => {
    const values: unknown[] = [
      ...NOTES,
      [
        { text: 'Shadow a "night" shift', done: true },
        { text: 'Read — chapter 3 ✓', done: false },
      ],
      { q1: 4, q2: 'Tired, but "OK"', q3: null, 'weird key "\\': 'x' },
      'not-offered',
      [],
      {},
    ];
    const plaintexts = values.map((value) => encoder.encode(JSON.stringify(value)));
    expect(parseMany(plaintexts)).toEqual(values);
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 30 }), (generated) => {
        // JSON has no -0: a value reads back as what its JSON says.
        const expected = generated.map((value) => JSON.parse(JSON.stringify(value)));
        expect(parseMany(generated.map((value) => encoder.encode(JSON.stringify(value))))).toEqual(expected);
      }),
    );
  });

  it('gives every value of a page the context sealContext gives it alone, for any id (Unicode included)', () => {
    const ids = ['c0ffee00-0000-4000-8000-000000000001', 'é-accented', '日本', '', 'a\u0000b', '🧑‍⚕️-x'];
    for (const [table, path] of [
      ['meetingNotes', 'notes'],
      ['goals', 'steps'],
      ['relationships', 'capacityOverride.reason'],
    ] as const) {
      const contexts = sealContextsOf(table, path, ids);
      expect(contexts.map((context) => [...context])).toEqual(
        ids.map((id) => [...sealContext(table, id, path)]),
      );
    }
    expect(sealContextsOf('goals', 'title', [])).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20 }), (generated) => {
        const contexts = sealContextsOf('actionItems', 'text', generated);
        expect(contexts.map((context) => [...context])).toEqual(
          generated.map((id) => [...sealContext('actionItems', id, 'text')]),
        );
      }),
    );
  });

  it('names only the plaintexts that are not the JSON of one value, and reads the others', () => {
    const texts = ['"first"', '1,2', '{"a":[1]}', '"unclosed', '3]', '"last"'];
    const bytes = [...texts.map((text) => encoder.encode(text)), new Uint8Array([0x22, 0xff, 0x22])];
    const read = parseMany(bytes);
    expect(read[0]).toBe('first');
    expect(read[1]).toBeInstanceOf(SealError);
    expect(read[2]).toEqual({ a: [1] });
    expect(read[3]).toBeInstanceOf(SealError);
    expect(read[4]).toBeInstanceOf(SealError);
    expect(read[5]).toBe('last');
    // Not UTF-8: refused, as opening one value refuses it.
    expect(read[6]).toBeInstanceOf(SealError);
    expect(parseMany([])).toEqual([]);
  });

  it('opens what the database layer sealed, every field of every record, nested values alike', async () => {
    openSession(KEY, 'on');
    const goals = Array.from({ length: 300 }, (_, index) => ({
      id: `goal-${index}-é`,
      title: NOTES[index % NOTES.length],
      details: index % 3 === 0 ? null : `Details "${index}"`,
      steps: [
        { text: `Step ${index} — 🧭`, done: index % 2 === 0 },
        { text: 'Second "step"', done: false },
      ],
      dropReason: undefined,
      status: 'active',
    }));
    const stored = goals.map((goal) => {
      const record: Record<string, unknown> = { ...goal };
      for (const path of ['title', 'details', 'steps']) {
        const value = readPath(record, path);
        if (value !== null && value !== undefined)
          writePath(record, path, sealSync(KEY, sealContext('goals', goal.id, path), value));
      }
      return record;
    });
    expect(isSealed(stored[1]?.steps)).toBe(true);
    await openRecordsInBulk('goals', stored);
    expect(stored).toEqual(goals);

    const responses = [
      { id: 'r1', answers: { burnout: 5, words: 'Ça va "mal"' }, support: 'offered' },
      { id: 'r2', answers: {}, support: 'not-offered' },
    ];
    const sealed = structuredClone(responses);
    await sealRecordsInBulk('responses', sealed);
    // A response's two sealed fields are sealed together, as one value of the record (schema version 25).
    expect(sealed[0]).toEqual({ id: 'r1', [SEALED_RECORD_FIELD]: expect.anything() });
    expect(
      openSync(
        KEY,
        sealContext('responses', 'r1', SEALED_RECORD_PATH),
        (sealed[0] as Record<string, unknown>)[SEALED_RECORD_FIELD] as never,
      ),
    ).toEqual({ answers: responses[0]?.answers, support: 'offered' });
    await openRecordsInBulk('responses', sealed);
    expect(sealed).toEqual(responses);

    // Goals sealed alone field by field (before version 25) are sealed again together, then open the same.
    const again = structuredClone(stored);
    await sealRecordsInBulk('goals', again);
    for (const [index, record] of again.entries()) {
      expect(isSealed(record[SEALED_RECORD_FIELD])).toBe(true);
      expect(record.title).toBeUndefined();
      expect(record.steps).toBeUndefined();
      // A null value stays in its field, plain.
      expect(record.details).toBe(index % 3 === 0 ? null : undefined);
    }
    await openRecordsInBulk('goals', again);
    expect(again).toEqual(goals);
  });

  it('a value moved to another record is named and left empty, the rest opened; without a listener it throws', async () => {
    openSession(KEY, 'on');
    const plain = NOTES.map((notes, index) => ({ id: `m${index}`, notes }));
    const sealed = structuredClone(plain);
    await sealRecordsInBulk('meetingNotes', sealed);
    // The second meeting's note copied onto the fourth.
    const moved = structuredClone(sealed);
    (moved[3] as Record<string, unknown>).notes = structuredClone(moved[1]?.notes);
    const unopened: [string, string][] = [];
    await openRecordsInBulk('meetingNotes', moved, (record, path) =>
      unopened.push([record.id as string, path]),
    );
    expect(unopened).toEqual([['m3', 'notes']]);
    expect(moved.map((meeting) => meeting.notes)).toEqual(
      NOTES.map((note, index) => (index === 3 ? unreadableValueOf('meetingNotes', 'notes') : note)),
    );
    const again = structuredClone(sealed);
    (again[0] as Record<string, unknown>).notes = structuredClone(again[4]?.notes);
    await expect(openRecordsInBulk('meetingNotes', again)).rejects.toBeInstanceOf(SealError);
  });

  it('refuses while locked', async () => {
    openSession(KEY, 'on');
    const sealed = [{ id: 'm1', notes: 'Kept' }];
    await sealRecordsInBulk('meetingNotes', sealed);
    setLockMode('off');
    setLockMode('on');
    await expect(openRecordsInBulk('meetingNotes', sealed)).rejects.toBeInstanceOf(LockedError);
  });
});
