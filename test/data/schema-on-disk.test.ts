// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  forgetWhatIsOnDisk,
  type GuidingHandsDb,
  learnWhatIsOnDisk,
} from '../../renderer/data/db';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  openUpgraded,
  pairAsStored,
  rawStoredTables,
  staffAsStored,
} from './schema-upgrade-helpers';

// As the page starts, the browser is asked which version the database is at (learnWhatIsOnDisk): at the
// current version, its connections are made with the current version's declaration alone (the older
// ones cost tens of milliseconds a connection to declare); at any other, or none yet, with every
// version and its upgrade, so an older clinic is still upgraded in full.

closeUpgradeDatabasesAfterEach();
afterEach(forgetWhatIsOnDisk);

const declaredVersions = (db: GuidingHandsDb) =>
  (db as unknown as { _versions: { _cfg: { version: number } }[] })._versions.map(
    (version) => version._cfg.version,
  );

/** Each table's name, primary key and indexes, as a connection declares them. */
const tablesOf = (db: GuidingHandsDb) =>
  db.tables
    .map((table) => ({
      name: table.name,
      primKey: table.schema.primKey.src,
      indexes: table.schema.indexes.map((index) => index.src).sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** A version whose later upgrades change records: version 24 gives each pair its side entries. */
const AN_OLDER_VERSION = 23;

/** Two people and their pair, as an older version (AN_OLDER_VERSION) stored them. */
const aPairOfAnOlderVersion = () => ({
  people: [staffAsStored('grace', 'Grace Okafor', 'mentor'), staffAsStored('liam', 'Liam Chen', 'mentee')],
  programs: [{ id: 'residency', name: 'Residency', createdAt: '2024-01-01T09:00:00.000Z' }],
  relationships: [pairAsStored('p1', { menteeId: 'liam', mentorId: 'grace' })],
});

const EVERY_VERSION = Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, at) => at + 1);

describe('the versions a connection declares, by what is on disk', () => {
  it('at the current version: the current one alone, with the same tables and indexes, and it reads and writes', async () => {
    const name = `on-disk-current-${crypto.randomUUID()}`;
    const first = await openUpgraded(name);
    const everyTable = tablesOf(first);
    first.close();

    await learnWhatIsOnDisk([name]);
    const db = await openUpgraded(name);
    expect(declaredVersions(db)).toEqual([CURRENT_SCHEMA_VERSION]);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(tablesOf(db)).toEqual(everyTable);
    await db.transaction('rw', db.people, db.programs, db.relationships, async () => {
      await db.people.bulkAdd([
        staffAsStored('grace', 'Grace Okafor', 'mentor'),
        staffAsStored('liam', 'Liam Chen', 'mentee'),
      ] as never);
      await db.programs.add({
        id: 'residency',
        name: 'Residency',
        createdAt: '2024-01-01T09:00:00.000Z',
      } as never);
      await db.relationships.add(pairAsStored('p1', { menteeId: 'liam', mentorId: 'grace' }) as never);
    });
    // The middlewares run as on any connection: the pair's side entries are written and answer.
    expect(await db.relationships.where('sideKeys').between(['grace'], ['grace', []]).primaryKeys()).toEqual([
      'p1',
    ]);
    expect((await db.people.get('grace'))?.name).toBe('Grace Okafor');
  });

  it('at an older version: every version, and the upgrades run', async () => {
    const name = `on-disk-older-${crypto.randomUUID()}`;
    await createDatabaseAt(name, AN_OLDER_VERSION, aPairOfAnOlderVersion());
    await learnWhatIsOnDisk([name]);
    const db = await openUpgraded(name);
    expect(declaredVersions(db)).toEqual(EVERY_VERSION);
    db.close();
    // The upgrades ran: the pair gained its side entries.
    const stored = (await rawStoredTables(name)).relationships as { sideKeys?: unknown }[];
    expect(stored[0]?.sideKeys).toEqual([
      ['liam', 'mentee'],
      ['grace', 'mentor'],
    ]);
  });

  it('with no database yet, or without being asked: every version', async () => {
    const name = `on-disk-none-${crypto.randomUUID()}`;
    await learnWhatIsOnDisk([name]);
    const db = await openUpgraded(name);
    expect(declaredVersions(db)).toEqual(EVERY_VERSION);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();

    // At the current version now, but nobody asked: every version all the same.
    forgetWhatIsOnDisk();
    expect(declaredVersions(await openUpgraded(name))).toEqual(EVERY_VERSION);
  });
});

describe('when the database changes after the browser was asked', () => {
  it('found older all the same: the opening fails rather than skip the upgrades, and the next one upgrades', async () => {
    const name = `on-disk-changed-${crypto.randomUUID()}`;
    (await openUpgraded(name)).close();
    await learnWhatIsOnDisk([name]);
    // Deleted and made again at an older version (another copy of the app, an older release).
    await new Promise<void>((resolve, reject) => {
      const deleting = indexedDB.deleteDatabase(name);
      deleting.onsuccess = () => resolve();
      deleting.onerror = () => reject(deleting.error);
    });
    await createDatabaseAt(name, AN_OLDER_VERSION, aPairOfAnOlderVersion());
    await expect(openUpgraded(name)).rejects.toThrow(/changed by another copy of the app/);
    const db = await openUpgraded(name);
    expect(declaredVersions(db)).toEqual(EVERY_VERSION);
    expect(await db.relationships.where('sideKeys').between(['grace'], ['grace', []]).primaryKeys()).toEqual([
      'p1',
    ]);
  });

  it('deleted by another connection while open: later connections declare every version', async () => {
    const name = `on-disk-deleted-${crypto.randomUUID()}`;
    (await openUpgraded(name)).close();
    await learnWhatIsOnDisk([name]);
    const open = await openUpgraded(name);
    expect(declaredVersions(open)).toEqual([CURRENT_SCHEMA_VERSION]);
    await new Promise<void>((resolve, reject) => {
      const deleting = indexedDB.deleteDatabase(name);
      deleting.onsuccess = () => resolve();
      deleting.onerror = () => reject(deleting.error);
    });
    expect(declaredVersions(await openUpgraded(name))).toEqual(EVERY_VERSION);
  });
});
