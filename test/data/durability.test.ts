// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie, { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  GuidingHandsDb,
  getDb,
  SCHEMA_V1,
  switchDatabase,
} from '../../renderer/data/db';
import { createPeopleInBulk, createPerson, listPeople, updatePerson } from '../../renderer/data/people.repo';
import { freshDatabasePerTest, menteeInput, personInput } from './helpers';
import { recordTransactions } from './storage-faults';

// Which writes wait for the disk (strict) and which are done once the system has them (relaxed):
// docs/data-model.md, "Durability".

freshDatabasePerTest();

let stopRecording: (() => void) | null = null;
afterEach(() => {
  stopRecording?.();
  stopRecording = null;
});

function record() {
  const recording = recordTransactions();
  stopRecording = recording.stop;
  return recording.transactions;
}

const writesTo = (store: string) => (transaction: { stores: string[]; mode: string }) =>
  transaction.mode === 'readwrite' && transaction.stores.includes(store);

describe('durability of writes', () => {
  it('commits a roster import strictly, so it survives a power cut right after "Done"', async () => {
    await listPeople(); // opens the database first, so only the import's own transaction is recorded
    const transactions = record();
    await createPeopleInBulk([personInput(), menteeInput()]);
    const writes = transactions.filter(writesTo('people'));
    expect(writes).toHaveLength(1);
    // The report's digests join every write of people beneath the app (report-digests.ts).
    expect(writes[0]).toMatchObject({
      durability: 'strict',
      stores: ['auditLog', 'people', 'reportDigests'],
    });
  });

  it('commits everyday edits relaxed', async () => {
    // Transactions are recorded on connections opened from here on (the lock's set-up opened one).
    switchDatabase(getDb().name);
    const transactions = record();
    const grace = await createPerson(personInput());
    await updatePerson(grace.id, { specialty: 'Intensive care' });
    const writes = transactions.filter(writesTo('people'));
    expect(writes).toHaveLength(2);
    expect(writes.every((write) => write.durability === 'relaxed')).toBe(true);
  });

  it('shows imported people at once in lists kept live on the everyday connection', async () => {
    const seen: number[] = [];
    const subscription = liveQuery(listPeople).subscribe((people) => seen.push(people.length));
    await expect.poll(() => seen.at(-1)).toBe(0);
    await createPeopleInBulk([personInput(), menteeInput()]);
    await expect.poll(() => seen.at(-1)).toBe(2);
    subscription.unsubscribe();
  });
});

describe('a schema upgrade', () => {
  const opened: Dexie[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });

  it('is confirmed by a strict commit that records it in the audit log, before anything is read', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1
      .table('people')
      .add({ id: 'p1', name: 'Grace Okafor', email: '', profession: 'nurse', tags: [] });
    v1.close();

    const transactions = record();
    const db = new GuidingHandsDb(name);
    opened.push(db);
    const firstRead = await db.people.toArray();
    expect(firstRead).toHaveLength(1);
    const auditWrites = transactions.filter(writesTo('auditLog'));
    expect(auditWrites).toEqual([{ stores: ['auditLog'], mode: 'readwrite', durability: 'strict' }]);
    // The strict commit came before the first read of the upgraded data.
    const firstPeopleRead = transactions.findIndex((t) => t.stores.join() === 'people');
    expect(transactions.indexOf(auditWrites[0]!)).toBeLessThan(firstPeopleRead);
    const [entry] = await db.auditLog.toArray();
    expect(entry).toMatchObject({
      table: 'settings',
      action: 'update',
      detail: `Database upgraded to version ${CURRENT_SCHEMA_VERSION}.`,
    });
  });

  it('is not recorded when a new clinic starts with an empty database', async () => {
    const db = new GuidingHandsDb(`new-${crypto.randomUUID()}`);
    opened.push(db);
    await db.open();
    expect(await db.auditLog.count()).toBe(0);
  });
});
