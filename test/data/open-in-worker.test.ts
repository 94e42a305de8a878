import 'fake-indexeddb/auto';
import { randomBytes } from '@noble/ciphers/utils.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyOpened, collectSealed, openRecordsInBulk } from '../../renderer/data/lock/bulk-crypto';
import { createLock } from '../../renderer/data/lock/keyring';
import {
  createPageOpener,
  OPENER_MARK,
  openPacked,
  packSealed,
  unpackViews,
} from '../../renderer/data/lock/open-in-worker';
import {
  importDataKey,
  SEALED_RECORD_FIELD,
  SEALED_RECORD_PATH,
  SealError,
  sealAsync,
  sealContext,
} from '../../renderer/data/lock/seal';
import { closeSession, dataCryptoKey, LockedError, setLockMode } from '../../renderer/data/lock/session';
import { FAST_SCRYPT, freshDatabasePerTest, LOCKED_CONFIGURATION, TEST_CLINIC_PASSPHRASE } from './helpers';
import { StandInOpenWorker } from './stand-in-open-worker';

// Opening a backup's pages of sealed values in a worker: what the page packs and hands over (the packed
// values and the key cross a structured clone, as in postMessage), what the worker opens and packs back,
// and what comes back into the records, damaged and moved values included. Node has no Worker: the
// stand-in below answers as open.worker.ts does, with the same function, across structured clones.

const NOTE = 'Burnout after the loss in bed 4 — “ça va” 😟 ZEBRA-7731';

async function sealedItem(key: CryptoKey, id: string, text: string): Promise<Record<string, unknown>> {
  return { id, meetingId: 'm1', text: await sealAsync(key, sealContext('actionItems', id, 'text'), text) };
}

/** A goal as the lock stores it: its sealed fields together, as one value of the record. */
async function sealedGoal(key: CryptoKey, id: string, values: Record<string, unknown>) {
  return {
    id,
    personId: 'p1',
    status: 'active',
    [SEALED_RECORD_FIELD]: await sealAsync(key, sealContext('goals', id, SEALED_RECORD_PATH), values),
  } as Record<string, unknown>;
}

/** The page's side and the worker's side, with the messages' structured clones between them. */
async function openAcross(
  key: CryptoKey,
  table: string,
  records: Record<string, unknown>[],
  onUnopened?: (record: Record<string, unknown>, path: string) => void,
) {
  const { places, sealed, groups } = collectSealed(table, records);
  const [workerKey, packed] = structuredClone([key, packSealed(table, groups, sealed)] as const);
  expect(workerKey.extractable).toBe(false);
  const opened = structuredClone(await openPacked(workerKey, packed));
  applyOpened(table, places, unpackViews(opened.bytes, opened.ends), new Set(opened.failed), onUnopened);
  return opened;
}

describe('opening sealed pages in a worker', () => {
  it('opens strings, lists and objects back into their fields as the page does, leaving plain and empty ones alone', async () => {
    const key = await importDataKey(randomBytes(32));
    const steps = [{ text: 'Shadow a night shift', done: false }];
    const make = async () => [
      await sealedGoal(key, 'g1', { title: NOTE, details: '', steps }),
      await sealedGoal(key, 'g2', { title: 'Second', dropReason: 'moved to another ward' }),
      { id: 'g3', personId: 'p2', status: 'active', title: 'still plain', details: null },
    ];
    const records = await make();
    await openAcross(key, 'goals', records);
    expect(records).toEqual([
      { id: 'g1', personId: 'p1', status: 'active', title: NOTE, details: '', steps },
      { id: 'g2', personId: 'p1', status: 'active', title: 'Second', dropReason: 'moved to another ward' },
      { id: 'g3', personId: 'p2', status: 'active', title: 'still plain', details: null },
    ]);
    // The same records opened in the page give the same.
    const inPage = await make();
    await openRecordsInBulk('goals', inPage, undefined, key);
    expect(inPage).toEqual(records);
  });

  it('opens nested paths (a capacity override’s reason) and a thousand values of one page', async () => {
    const key = await importDataKey(randomBytes(32));
    const record: Record<string, unknown> = {
      id: 'r1',
      endReason: await sealAsync(key, sealContext('relationships', 'r1', 'endReason'), 'moved away'),
      capacityOverride: {
        by: 'manager',
        reason: await sealAsync(key, sealContext('relationships', 'r1', 'capacityOverride.reason'), 'cover'),
      },
    };
    // A table with several fields stores them together since version 25; one sealed alone still opens.
    const together = collectSealed('relationships', [record]);
    expect(together.groups.map((group) => group.path)).toEqual(['endReason', 'capacityOverride.reason']);
    await openAcross(key, 'relationships', [record]);
    expect(record).toEqual({
      id: 'r1',
      endReason: 'moved away',
      capacityOverride: { by: 'manager', reason: 'cover' },
    });

    const items = await Promise.all(
      Array.from({ length: 1000 }, (_, index) => sealedItem(key, `item-${index}`, `${NOTE} ${index}`)),
    );
    await openAcross(key, 'actionItems', items);
    expect(items.map((item) => item.text)).toEqual(
      Array.from({ length: 1000 }, (_, index) => `${NOTE} ${index}`),
    );
  });

  it('names a value moved from another record, a damaged one and one with a foreign IV, and opens the rest', async () => {
    const key = await importDataKey(randomBytes(32));
    const [a, b, c, d] = await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) => sealedItem(key, id, `text of ${id}`)),
    );
    if (!a || !b || !c || !d) throw new Error('four items');
    a.text = b.text; // moved: its additional data names record b
    const damaged = { ...(c.text as { ct: Uint8Array }) };
    damaged.ct = damaged.ct.slice();
    damaged.ct[0] = (damaged.ct[0] as number) ^ 1;
    c.text = damaged;
    (d.text as { iv: Uint8Array }).iv = new Uint8Array(16);
    const e = await sealedItem(key, 'e', 'text of e');
    const unopened: string[] = [];
    const opened = await openAcross(key, 'actionItems', [a, b, c, d, e], (record, path) =>
      unopened.push(`${record.id}.${path}`),
    );
    expect(opened.failed).toEqual([0, 2, 3]);
    expect(unopened).toEqual(['a.text', 'c.text', 'd.text']);
    expect([a, b, c, d, e].map((item) => item.text)).toEqual(['', 'text of b', '', '', 'text of e']);
  });

  it('throws the sealing error when nobody listens for values that do not open', async () => {
    const key = await importDataKey(randomBytes(32));
    const a = await sealedItem(key, 'a', 'A');
    const b = await sealedItem(key, 'b', 'B');
    a.text = b.text;
    await expect(openAcross(key, 'actionItems', [a])).rejects.toBeInstanceOf(SealError);
  });

  it('opens nothing with another clinic’s key', async () => {
    const key = await importDataKey(randomBytes(32));
    const other = await importDataKey(randomBytes(32));
    const records = [await sealedItem(key, 'a', 'A'), await sealedGoal(key, 'g', { title: 'T' })];
    const { sealed, groups } = collectSealed('actionItems', records.slice(0, 1));
    expect((await openPacked(other, packSealed('actionItems', groups, sealed))).failed).toEqual([0]);
  });
});

describe('the page opener', () => {
  const db = freshDatabasePerTest();

  beforeEach(() => performance.clearMarks(OPENER_MARK));

  afterEach(() => {
    vi.unstubAllGlobals();
    setLockMode('off');
  });

  /** Where each opener made since the test began opens its values (the marks it leaves). */
  function openerWays(): unknown[] {
    return performance
      .getEntriesByName(OPENER_MARK)
      .map((mark) => ((mark as PerformanceMark).detail as { way: unknown }).way);
  }

  async function unlocked(): Promise<CryptoKey> {
    if (!LOCKED_CONFIGURATION) await createLock(db().name, TEST_CLINIC_PASSPHRASE, FAST_SCRYPT);
    return dataCryptoKey();
  }

  it('opens a page in its worker, which holds the key only until it is closed', async () => {
    const key = await unlocked();
    StandInOpenWorker.made = [];
    vi.stubGlobal('Worker', StandInOpenWorker);
    const opener = await createPageOpener();
    const records = [await sealedItem(key, 'a', NOTE), await sealedItem(key, 'b', '')];
    await opener.open('actionItems', records);
    expect(records.map((record) => record.text)).toEqual([NOTE, '']);
    const [worker] = StandInOpenWorker.made;
    expect(worker?.url.pathname).toMatch(/open\.worker\.ts$/);
    expect(openerWays()).toEqual(['worker']);
    expect(worker?.pagesOpened).toBe(1);
    opener.close();
    expect(worker?.terminated).toBe(true);
  });

  it('ends its worker and fails the backup when the clinic locks', async () => {
    const key = await unlocked();
    StandInOpenWorker.made = [];
    vi.stubGlobal('Worker', StandInOpenWorker);
    const opener = await createPageOpener();
    const opening = opener.open('actionItems', [await sealedItem(key, 'a', NOTE)]);
    closeSession();
    await expect(opening).rejects.toBeInstanceOf(LockedError);
    expect(StandInOpenWorker.made[0]?.terminated).toBe(true);
    await expect(opener.open('actionItems', [await sealedItem(key, 'b', NOTE)])).rejects.toBeInstanceOf(
      LockedError,
    );
  });

  it('never opens anything when the clinic locked while its worker started', async () => {
    const key = await unlocked();
    StandInOpenWorker.made = [];
    vi.stubGlobal(
      'Worker',
      class extends StandInOpenWorker {
        constructor(url: URL) {
          super(url);
          closeSession();
        }
      },
    );
    const opener = await createPageOpener();
    expect(StandInOpenWorker.made[0]?.terminated).toBe(true);
    await expect(opener.open('actionItems', [await sealedItem(key, 'a', NOTE)])).rejects.toBeInstanceOf(
      LockedError,
    );
  });

  it('opens in the page where no worker starts', async () => {
    const key = await unlocked();
    const records = [await sealedItem(key, 'a', NOTE)];
    vi.stubGlobal('Worker', StandInOpenWorker);
    const opener = await createPageOpener(() => {
      throw new Error('no worker here');
    });
    await opener.open('actionItems', records);
    expect(records[0]?.text).toBe(NOTE);
    expect(openerWays()).toEqual(['page']);
    // Locking stops it there too: it holds no key of its own.
    closeSession();
    await expect(opener.open('actionItems', [await sealedItem(key, 'b', NOTE)])).rejects.toBeInstanceOf(
      LockedError,
    );
  });
});
