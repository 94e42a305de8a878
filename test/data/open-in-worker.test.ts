import { randomBytes } from '@noble/ciphers/utils.js';
import { describe, expect, it } from 'vitest';
import { openBatch, packSealed, unpackOpened } from '../../renderer/data/lock/open-in-worker';
import { importDataKey, SealError, sealAsync, sealContext } from '../../renderer/data/lock/seal';

// Opening a backup's pages of sealed values in a worker: what the page packs and hands over (the packed
// batch and the key cross a structured clone, as in postMessage), what the worker opens, and what comes
// back into the records, damaged and moved values included.

const NOTE = 'Burnout after the loss in bed 4 — “ça va” 😟 ZEBRA-7731';

async function sealedGoal(key: CryptoKey, id: string, values: Record<string, unknown>) {
  const record: Record<string, unknown> = { id, personId: 'p1', status: 'active' };
  for (const [path, value] of Object.entries(values))
    record[path] = await sealAsync(key, sealContext('goals', id, path), value);
  return record;
}

/** The page's side and the worker's side, with the message's structured clone between them. */
async function openAcross(
  key: CryptoKey,
  table: string,
  records: Record<string, unknown>[],
  onUnopened?: never,
) {
  const { batch, places } = packSealed(table, records);
  const [workerKey, workerBatch] = structuredClone([key, batch]);
  expect(workerKey.extractable).toBe(false);
  const opened = structuredClone(await openBatch(workerKey, workerBatch));
  unpackOpened(table, places, opened, onUnopened);
}

describe('opening sealed pages in a worker', () => {
  it('opens strings, lists and objects of every record back into their fields, leaving plain and empty ones alone', async () => {
    const key = await importDataKey(randomBytes(32));
    const steps = [{ text: 'Shadow a night shift', done: false }];
    const records = [
      await sealedGoal(key, 'g1', { title: NOTE, details: '', steps }),
      await sealedGoal(key, 'g2', { title: 'Second', dropReason: 'moved to another ward' }),
      { id: 'g3', personId: 'p2', status: 'active', title: 'still plain', details: null },
    ];
    const { batch } = packSealed('goals', records);
    expect(batch.ids).toEqual(['g1', 'g1', 'g1', 'g2', 'g2']);
    await openAcross(key, 'goals', records);
    expect(records).toEqual([
      { id: 'g1', personId: 'p1', status: 'active', title: NOTE, details: '', steps },
      { id: 'g2', personId: 'p1', status: 'active', title: 'Second', dropReason: 'moved to another ward' },
      { id: 'g3', personId: 'p2', status: 'active', title: 'still plain', details: null },
    ]);
  });

  it('opens nested paths (a capacity override’s reason)', async () => {
    const key = await importDataKey(randomBytes(32));
    const record: Record<string, unknown> = {
      id: 'r1',
      capacityOverride: {
        by: 'manager',
        reason: await sealAsync(key, sealContext('relationships', 'r1', 'capacityOverride.reason'), 'cover'),
      },
    };
    await openAcross(key, 'relationships', [record]);
    expect(record.capacityOverride).toEqual({ by: 'manager', reason: 'cover' });
  });

  it('reports a value moved from another record, a damaged one and one with a foreign IV, and opens the rest', async () => {
    const key = await importDataKey(randomBytes(32));
    const a = await sealedGoal(key, 'a', { title: 'A title', details: 'A details' });
    const b = await sealedGoal(key, 'b', { title: 'B title', details: 'B details' });
    const c = await sealedGoal(key, 'c', { title: 'C title', details: 'C details' });
    a.title = b.title; // moved: its additional data names record b
    const damaged = b.details as { ct: Uint8Array };
    damaged.ct = damaged.ct.slice();
    damaged.ct[0] = (damaged.ct[0] as number) ^ 1;
    (c.title as { iv: Uint8Array }).iv = new Uint8Array(16);
    const unopened: string[] = [];
    const { batch, places } = packSealed('goals', [a, b, c]);
    const opened = await openBatch(key, structuredClone(batch));
    expect(opened.failed).toEqual([0, 3, 4]);
    unpackOpened('goals', places, opened, (record, path) => unopened.push(`${record.id}.${path}`));
    expect(unopened).toEqual(['a.title', 'b.details', 'c.title']);
    expect([a.title, a.details, b.title, b.details, c.title, c.details]).toEqual([
      '',
      'A details',
      'B title',
      '',
      '',
      'C details',
    ]);
  });

  it('throws the sealing error when nobody listens for values that do not open', async () => {
    const key = await importDataKey(randomBytes(32));
    const a = await sealedGoal(key, 'a', { title: 'A title' });
    const b = await sealedGoal(key, 'b', { title: 'B title' });
    a.title = b.title;
    const { batch, places } = packSealed('goals', [a]);
    const opened = await openBatch(key, batch);
    expect(() => unpackOpened('goals', places, opened)).toThrow(SealError);
  });

  it('opens nothing with another clinic’s key', async () => {
    const key = await importDataKey(randomBytes(32));
    const other = await importDataKey(randomBytes(32));
    const { batch } = packSealed('goals', [await sealedGoal(key, 'a', { title: 'A', details: 'B' })]);
    expect((await openBatch(other, batch)).failed).toEqual([0, 1]);
  });
});
