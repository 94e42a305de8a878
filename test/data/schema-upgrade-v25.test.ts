// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, closeDatabase, getDb, switchDatabase } from '../../renderer/data/db';
import {
  closeKeyRings,
  createLock,
  RECORD_FORMAT,
  readKeyRing,
  saveProgress,
  unlockWithPassphrase,
} from '../../renderer/data/lock/keyring';
import {
  isSealed,
  openSync,
  readPath,
  SEALED_RECORD_FIELD,
  SEALED_RECORD_PATH,
  sealContext,
  sealSync,
} from '../../renderer/data/lock/seal';
import { resumeSealingWork, sealClinic } from '../../renderer/data/lock/seal-all';
import { SEALED_FIELDS, sealedPathsOf, sealsTogether } from '../../renderer/data/lock/sealed-fields';
import { closeSession, dataKey, lockMode, setLockMode } from '../../renderer/data/lock/session';
import { getRelationship } from '../../renderer/data/relationships.repo';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { sealEachFieldAlone } from '../fixtures/sealed-before-v25';
import { storedTablesOf, TODAY } from './helpers';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  pairAsStored,
  pairPeopleAsStored,
  rawStoredTables,
} from './schema-upgrade-helpers';

// Version 25: with the clinic lock on, a record of a table with several sealed fields keeps them as one
// sealed value, and an empty value of a table with one sealed field stays plain. Nothing changes while
// the database opens (no key then): the first unlock finds the key ring without the new record format
// and seals the clinic again, by the resumable sealing walk; every value reads the same before, during
// and after.

closeUpgradeDatabasesAfterEach();
afterEach(async () => {
  closeSession();
  setLockMode('off');
  closeKeyRings();
  closeDatabase();
});

const FAST = { logN: 10, r: 8, p: 1 };
const PASSPHRASE = 'quiet harbour lantern 42';
const TABLES = Object.keys(SEALED_FIELDS);
type Row = Record<string, unknown>;

/** Every record of the sealed tables as the app reads them (the reading hook opens them). */
async function appReadTables(): Promise<Record<string, Row[]>> {
  const db = getDb();
  const tables: Record<string, Row[]> = {};
  for (const name of TABLES) tables[name] = (await db.table(name).toArray()) as Row[];
  return tables;
}

/** Writes the key ring as a version before 25 left it: no record format, the lock on. */
async function keyRingOfVersion24(name: string): Promise<void> {
  closeKeyRings();
  const raw = new Dexie(`${name}-keyring`);
  await raw.open();
  await raw
    .table('rings')
    .where(':id')
    .equals('clinic')
    .modify((ring: Row) => {
      delete ring.recordFormat;
      ring.state = 'on';
      ring.progress = null;
    });
  raw.close();
}

/**
 * Rewrites the clinic's sealed records as version 24 stored them: each field sealed alone (bound to its
 * own path), an empty value sealed too. Straight to the object stores, with the data key of the session.
 */
async function sealedTheWayOfVersion24(name: string): Promise<void> {
  const key = dataKey() as Uint8Array;
  const raw = new Dexie(name);
  await raw.open();
  for (const table of TABLES) {
    const records = (await raw.table(table).toArray()) as Row[];
    sealEachFieldAlone(table, records, key);
    await raw.table(table).bulkPut(records);
  }
  raw.close();
}

describe('schema version 25: several sealed fields of a record sealed as one value', () => {
  it('seals a clinic sealed the way before again after the first unlock, every value reading the same', async () => {
    const db = switchDatabase(`v25-${crypto.randomUUID()}`);
    await loadSampleClinic({ seed: 5, size: { people: 30, relationships: 45, meetings: 300 }, today: TODAY });
    const plain = await appReadTables();
    // The sample has what this is about: ended pairs with a reason, answers, goals with their texts.
    expect(plain.responses?.length).toBeGreaterThan(10);
    expect(plain.goals?.length).toBeGreaterThan(5);
    expect(plain.relationships?.some((pair) => typeof pair.endReason === 'string')).toBe(true);
    expect(plain.goalProgress?.some((entry) => entry.note === '')).toBe(true);

    await createLock(db.name, PASSPHRASE, FAST);
    await sealClinic(db);
    await sealedTheWayOfVersion24(db.name);
    await keyRingOfVersion24(db.name);
    const before = await storedTablesOf(db.name);
    expect(
      before.goals?.every((goal) => isSealed(goal.title) && goal[SEALED_RECORD_FIELD] === undefined),
    ).toBe(true);
    closeSession();
    setLockMode('on');

    // The first unlock of this version: the clinic is to be sealed again, from the start.
    expect(await unlockWithPassphrase(db.name, PASSPHRASE)).toBe('sealing');
    expect(await readKeyRing(db.name)).toMatchObject({
      state: 'sealing',
      progress: null,
      recordFormat: RECORD_FORMAT,
    });
    // Before the walk, the records sealed the way before read as they always did.
    expect(await appReadTables()).toEqual(plain);

    const seen: number[] = [];
    await resumeSealingWork(db, (progress) => seen.push(progress.done));
    expect(lockMode()).toBe('on');
    expect((await readKeyRing(db.name))?.state).toBe('on');
    expect(seen.length).toBeGreaterThan(1);

    const after = await storedTablesOf(db.name);
    for (const table of TABLES) {
      const wasPlain = plain[table] ?? [];
      (after[table] ?? []).forEach((record, at) => {
        const opened = wasPlain[at] as Row;
        for (const path of sealedPathsOf(table)) {
          const value = readPath(opened, path);
          const stored = readPath(record, path);
          if (value === null || value === undefined) expect(stored).toEqual(value);
          else if (sealsTogether(table)) expect(stored).toBeUndefined();
          // Values sealed alone before stay sealed; only a value sealed anew may be left plain when empty.
          else expect(isSealed(stored)).toBe(true);
        }
        if (sealsTogether(table)) {
          const held = sealedPathsOf(table).some((path) => {
            const value = readPath(opened, path);
            return value !== null && value !== undefined;
          });
          expect(isSealed(record[SEALED_RECORD_FIELD])).toBe(held);
        }
      });
    }
    // The records of a table with one sealed field were left as they were.
    expect(after.meetingNotes).toEqual(before.meetingNotes);
    expect(after.goalProgress).toEqual(before.goalProgress);
    expect(await appReadTables()).toEqual(plain);

    // Another unlock finds nothing more to do.
    closeSession();
    setLockMode('on');
    expect(await unlockWithPassphrase(db.name, PASSPHRASE)).toBe('on');
  });

  it('carries on a walk of the new way interrupted half-way from its place', async () => {
    const db = switchDatabase(`v25-${crypto.randomUUID()}`);
    await loadSampleClinic({ seed: 6, size: { people: 30, relationships: 45, meetings: 200 }, today: TODAY });
    const plain = await appReadTables();
    await createLock(db.name, PASSPHRASE, FAST);
    await sealClinic(db);
    await sealedTheWayOfVersion24(db.name);
    await keyRingOfVersion24(db.name);
    closeSession();
    setLockMode('on');
    expect(await unlockWithPassphrase(db.name, PASSPHRASE)).toBe('sealing');
    // The page closed once the walk had got past the responses.
    await saveProgress(db.name, { table: 'responses', after: '\uffff' });
    closeSession();
    setLockMode('on');

    expect(await unlockWithPassphrase(db.name, PASSPHRASE)).toBe('sealing');
    expect((await readKeyRing(db.name))?.progress).toEqual({ table: 'responses', after: '\uffff' });
    await resumeSealingWork(db);
    const after = await storedTablesOf(db.name);
    // The goals come after the place: sealed the new way. The pairs came before it and are as they were.
    expect(after.goals?.every((goal) => isSealed(goal[SEALED_RECORD_FIELD]))).toBe(true);
    expect(after.relationships?.some((pair) => isSealed(pair.endReason))).toBe(true);
    // Both ways read alike.
    expect(await appReadTables()).toEqual(plain);
  });

  it('opens a database of version 24 without changing a record, and seals it the new way after the unlock', async () => {
    const name = `v25-${crypto.randomUUID()}`;
    await createLock(name, PASSPHRASE, FAST);
    // A copy: the session's own is wiped as it closes.
    const key = Uint8Array.from(dataKey() as Uint8Array);
    const reason = 'Moved to the night ward — «temporary»';
    const pair = pairAsStored('p1', {
      status: 'ended-early',
      endDate: '2024-03-01',
      endReason: sealSync(key, sealContext('relationships', 'p1', 'endReason'), reason),
      statusHistory: [
        { status: 'active', date: '2024-01-08' },
        { status: 'ended-early', date: '2024-03-01' },
      ],
    });
    await createDatabaseAt(name, 24, { people: pairPeopleAsStored(), relationships: [pair] });
    await keyRingOfVersion24(name);
    closeSession();
    setLockMode('on');

    // Opened while locked: the version moves on, no record is touched.
    const db = switchDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(25);
    const opened = await rawStoredTables(name);
    expect(readPath(opened.relationships?.[0] as Row, 'endReason')).toEqual(pair.endReason);
    const upgraded = (await getDb().auditLog.toArray()).map((entry) => entry.detail);
    expect(upgraded).toContain(`Database upgraded to version ${CURRENT_SCHEMA_VERSION}.`);

    expect(await unlockWithPassphrase(name, PASSPHRASE)).toBe('sealing');
    expect((await getRelationship('p1'))?.endReason).toBe(reason);
    await resumeSealingWork(db);
    const stored = (await rawStoredTables(name)).relationships?.[0] as Row;
    expect(stored.endReason).toBeUndefined();
    expect(stored.capacityOverride).toBeNull();
    expect(
      openSync(
        key,
        sealContext('relationships', 'p1', SEALED_RECORD_PATH),
        stored[SEALED_RECORD_FIELD] as never,
      ),
    ).toEqual({ endReason: reason });
    expect((await getRelationship('p1'))?.endReason).toBe(reason);
  });
});
