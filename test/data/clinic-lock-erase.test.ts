import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { listSafetyCopies, makeBackup, openBackup, restoreBackup } from '../../renderer/data/backup';
import { DERIVED_FIELDS } from '../../renderer/data/db';
import {
  dismissErasedNotice,
  ERASED_TEXT,
  eraseClinic,
  erasedFieldDescriptions,
  erasedNotice,
  erasedValueOf,
  startErasing,
} from '../../renderer/data/lock/erase-all';
import {
  beginTurningOff,
  closeKeyRings,
  createLock,
  loadLockMode,
  readKeyRing,
  unlockWithPassphrase,
} from '../../renderer/data/lock/keyring';
import { isSealed, readPath, writePath } from '../../renderer/data/lock/seal';
import { SEAL_BATCH, sealClinic, unsealClinic } from '../../renderer/data/lock/seal-all';
import { SEALED_FIELDS, sealedPathsOf } from '../../renderer/data/lock/sealed-fields';
import { closeSession, isOpen, LockedError, lockMode, setLockMode } from '../../renderer/data/lock/session';
import { getMeeting, logMeeting } from '../../renderer/data/meetings.repo';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import {
  FAST_SCRYPT,
  freshDatabasePerTest,
  LOCKED_CONFIGURATION,
  meetingInput,
  readStored,
  seedPair,
  storedRows,
  storedTablesOf,
  TEST_CLINIC_PASSPHRASE,
  TODAY,
} from './helpers';

// Both the passphrase and the recovery sheet lost: every sealed value is erased without any key, in
// resumable batches; sealed safety copies go; one audit entry says so, without any text; the key ring
// goes and the lock is off. Runs in both configurations: the lock turned on over existing records
// (plain), or on before anything was written (locked).

const db = freshDatabasePerTest();
const MARKER = 'IBEX-4402 grief after the code on ward 6';
// The locked configuration turns the lock on for each fresh database with its own passphrase.
const PASSPHRASE = LOCKED_CONFIGURATION ? TEST_CLINIC_PASSPHRASE : 'quiet harbour lantern 42';
const SEALED_TABLES = Object.keys(SEALED_FIELDS);

afterEach(() => setLockMode('off'));

/** Turns the lock on (the locked configuration did already) and locks: no key is held. */
async function lockedClinic(): Promise<void> {
  if (!LOCKED_CONFIGURATION) {
    await createLock(db().name, PASSPHRASE, FAST_SCRYPT);
    await sealClinic(db());
  }
  closeSession();
  expect(isOpen()).toBe(false);
}

/** Every record of every table as IndexedDB holds it (no reading hooks). */
const storedTables = () => storedTablesOf(db().name);

/** The records the app reads (sealed values opened, hidden index fields left out), table by table. */
async function readTables(): Promise<Record<string, Record<string, unknown>[]>> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of db().tables) tables[table.name] = await table.toArray();
  return tables;
}

function sealedValuesIn(tables: Record<string, Record<string, unknown>[]>): number {
  let count = 0;
  for (const name of SEALED_TABLES)
    for (const record of tables[name] ?? [])
      for (const path of sealedPathsOf(name)) if (isSealed(readPath(record, path))) count++;
  return count;
}

/** The safety database's copies, as stored. */
const safetyCopyRecords = () =>
  storedRows<{ id: number; sealedIv?: Uint8Array }>(`${db().name}-safety`, 'copies');

/** The key ring database's notices, as stored. */
const storedNotices = () => storedRows(`${db().name}-keyring`, 'notices');

/**
 * `count` meetings of a new pair (the marker and its number in each one's notes, ids from `prefix`-00000),
 * the lock on and locked, then an erase confirmed and stopped after its first batch (the page closed).
 */
async function eraseStoppedHalfWay(count: number, prefix: string): Promise<void> {
  const pair = await seedPair();
  // Written with their notes' table (schema version 23), as the app writes meetings.
  await db().transaction('rw', db().meetings, db().meetingNotes, () =>
    db().meetings.bulkAdd(
      Array.from({ length: count }, (_, index) => {
        const { actionItems: _items, ...meeting } = meetingInput(pair.relationship.id);
        return {
          ...meeting,
          id: `${prefix}-${String(index).padStart(5, '0')}`,
          notes: `${MARKER} ${index}`,
          createdAt: `${TODAY}T10:00:00.000Z`,
          updatedAt: `${TODAY}T10:00:00.000Z`,
        };
      }),
    ),
  );
  await lockedClinic();
  await startErasing(db());
  await expect(
    eraseClinic(db(), (progress) => {
      if (progress.done >= SEAL_BATCH) throw new Error('page closed');
    }),
  ).rejects.toThrow('page closed');
}

async function erase() {
  await startErasing(db());
  return eraseClinic(db());
}

describe('continuing without the sealed text', () => {
  it('empties every sealed field of every table without a key, leaves every other field, and turns the lock off', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    if (!LOCKED_CONFIGURATION) {
      await createLock(db().name, PASSPHRASE, FAST_SCRYPT);
      await sealClinic(db());
    }
    const before = await readTables();
    // The sample clinic holds a value in every sealed field: a field added later without sample data
    // fails here rather than going untested.
    for (const [table, paths] of Object.entries(SEALED_FIELDS))
      for (const path of paths)
        expect(
          before[table]?.some(
            (record) => readPath(record, path) !== null && readPath(record, path) !== undefined,
          ),
          `${table}.${path} has a value in the sample clinic`,
        ).toBe(true);
    // The texts that were sealed (the person a support request names is an id found elsewhere too).
    const sealedText = Object.entries(SEALED_FIELDS).flatMap(([table, paths]) =>
      (table === 'supportRequests' ? [] : (before[table] ?? [])).flatMap((record) =>
        paths
          .map((path) => readPath(record, path))
          .filter((value) => typeof value === 'string' && value.length > 12),
      ),
    ) as string[];
    expect(sealedText.length).toBeGreaterThan(100);
    const storedBefore = await storedTables();
    expect(sealedValuesIn(storedBefore)).toBeGreaterThan(100);
    closeSession();
    await expect(getMeeting(before.meetings?.[0]?.id as string)).rejects.toBeInstanceOf(LockedError);

    const seen: number[] = [];
    await startErasing(db());
    expect(lockMode()).toBe('erasing');
    const erased = await eraseClinic(db(), (progress) => seen.push(progress.done));

    expect(lockMode()).toBe('off');
    expect(isOpen()).toBe(true);
    expect(await readKeyRing(db().name)).toBeUndefined();
    expect(erased.safetyCopiesRemoved).toBe(0);
    const total = SEALED_TABLES.reduce((sum, name) => sum + (before[name]?.length ?? 0), 0);
    expect(seen.at(-1)).toBe(total);

    const stored = await storedTables();
    expect(sealedValuesIn(stored)).toBe(0);
    const after = await readTables();
    for (const name of Object.keys(before)) {
      if (name === 'auditLog') continue;
      if (name === 'reportDigests') {
        // Copies of what reports count: the walk, writing beneath every layer, drops them all.
        expect(after[name]?.filter((row) => row.digest !== undefined)).toEqual([]);
        continue;
      }
      if (name === 'supportRequests') {
        // Without who asked, a request says nothing: they are removed.
        expect(before[name]?.length).toBeGreaterThan(0);
        expect(after[name]).toEqual([]);
        continue;
      }
      // Each record as it was, its sealed fields holding their erased value, nothing else changed.
      const expected = (before[name] ?? []).map((record) => {
        const copy = structuredClone(record);
        for (const path of sealedPathsOf(name))
          if (readPath(copy, path) !== null && readPath(copy, path) !== undefined)
            writePath(copy, path, erasedValueOf(name, path));
        return copy;
      });
      expect(after[name], name).toEqual(expected);
    }
    // The index-only fields the database layer keeps beside the records are as they were.
    for (const [name, fields] of Object.entries(DERIVED_FIELDS)) {
      // Support requests are removed (above), their index fields with them.
      if (!SEALED_TABLES.includes(name) || name === 'supportRequests') continue;
      const derived = (tables: typeof stored) =>
        (tables[name] ?? []).map((record) => fields.map((field) => record[field]));
      expect(derived(stored), name).toEqual(derived(storedBefore));
    }
    const goals = after.goals ?? [];
    expect(
      goals.every((goal) => goal.title === ERASED_TEXT && goal.details === '' && Array.isArray(goal.steps)),
    ).toBe(true);
    expect(after.meetingNotes?.length).toBe(after.meetings?.length);
    expect((after.meetingNotes ?? []).every((note) => note.notes === '')).toBe(true);
    expect((after.responses ?? []).every((response) => JSON.stringify(response.answers) === '{}')).toBe(true);

    // One audit entry, naming the sealed fields, holding no text.
    const audit = after.auditLog ?? [];
    expect(audit.length).toBe((before.auditLog?.length ?? 0) + 1);
    const entry = audit.at(-1) as Record<string, unknown>;
    expect(entry).toMatchObject({ table: 'settings', recordId: 'clinic', action: 'update' });
    expect(entry.fields).toContain('meetings.notes');
    expect(entry.detail).toMatch(/passphrase or recovery sheet.*every sealed text was erased/);
    const storedText = JSON.stringify(stored);
    for (const text of sealedText) expect(storedText.includes(text), text).toBe(false);

    // The clinic left is sound: a backup of it has no problem and restores.
    const backup = await makeBackup({ passphrase: 'willow-granite-lantern-63', scryptWorkFactor: 10 });
    expect(backup.problems).toEqual([]);
    expect(backup.problemCount).toBe(0);
    await restoreBackup(await openBackup(backup.bytes, 'willow-granite-lantern-63'));
    const restored = await readTables();
    expect(restored.meetings).toEqual(after.meetings);
    expect(restored.meetingNotes).toEqual(after.meetingNotes);
  });

  it('removes the sealed safety copies, which no key could open any more, and keeps plain ones', async () => {
    const pair = await seedPair();
    await logMeeting(meetingInput(pair.relationship.id, { date: TODAY, notes: MARKER }));
    await lockedClinic();
    // The app keeps a sealed copy before each restore while the lock is on; one kept before the lock
    // (an interrupted sealing leaves such copies plain) is written here as it would be stored.
    await unlockWithPassphrase(db().name, PASSPHRASE);
    const backup = await makeBackup({ passphrase: 'willow-granite-lantern-63', scryptWorkFactor: 10 });
    await restoreBackup(await openBackup(backup.bytes, 'willow-granite-lantern-63'));
    await restoreBackup(await openBackup(backup.bytes, 'willow-granite-lantern-63'));
    await readStored(`${db().name}-safety`, async (raw) => {
      const [sealedCopy] = await raw.table('copies').toArray();
      const { id: _id, sealedIv: _iv, ...plainCopy } = sealedCopy;
      await raw.table('copies').add({ ...plainCopy, document: new Uint8Array([1, 2, 3]) });
    });
    closeSession();
    expect((await safetyCopyRecords()).filter((copy) => copy.sealedIv)).toHaveLength(2);

    const erased = await erase();

    expect(erased.safetyCopiesRemoved).toBe(2);
    const left = await safetyCopyRecords();
    expect(left).toHaveLength(1);
    expect(left[0]?.sealedIv).toBeUndefined();
    expect(await listSafetyCopies()).toHaveLength(1);
    const audit = await db().auditLog.toArray();
    expect(audit.at(-1)?.detail).toMatch(/2 sealed safety copies were removed/);
    expect(JSON.stringify(audit)).not.toContain('IBEX');
  });

  it('a page closed half-way leaves every record whole, and the next start finishes without any key', async () => {
    const count = SEAL_BATCH + 20;
    await eraseStoppedHalfWay(count, 'm');

    // The next start: the key ring says the clinic is being erased.
    setLockMode('off');
    expect(await loadLockMode(db().name)).toBe('erasing');
    expect(isOpen()).toBe(false);
    const ring = await readKeyRing(db().name);
    expect(ring?.state).toBe('erasing');
    expect(ring?.progress?.table).toBe('meetingNotes');
    const halfway = (await storedTables()).meetingNotes ?? [];
    expect(halfway).toHaveLength(count);
    const emptied = halfway.filter((meeting) => meeting.notes === '').length;
    expect(emptied).toBe(SEAL_BATCH);
    expect(halfway.filter((meeting) => isSealed(meeting.notes))).toHaveLength(count - SEAL_BATCH);

    // Confirming again (a second window, a repeated click) carries on from where it stopped.
    const since = ring?.erasure?.since;
    expect((await startErasing(db())).since).toBe(since);
    const seen: number[] = [];
    await eraseClinic(db(), (progress) => seen.push(progress.done));
    // The first report after the start is the rest of the meetings: the first batch is not done again.
    expect(seen[1]).toBe(count);
    expect(lockMode()).toBe('off');
    expect(await readKeyRing(db().name)).toBeUndefined();
    const notes = (await storedTables()).meetingNotes ?? [];
    expect(notes).toHaveLength(count);
    expect(notes.every((note) => note.notes === '')).toBe(true);
    const erasures = (await db().auditLog.toArray()).filter((entry) => entry.detail?.includes('sealed text'));
    expect(erasures).toHaveLength(1);
  });

  it('closed after the audit entry but before the key ring went, a resumed erase writes the entry once', async () => {
    const pair = await seedPair();
    await logMeeting(meetingInput(pair.relationship.id, { date: TODAY, notes: MARKER }));
    await lockedClinic();
    await startErasing(db());
    const ring = await readKeyRing(db().name);
    await eraseClinic(db());
    // The key ring as it was just before its removal, written back.
    await readStored(`${db().name}-keyring`, (keyRing) =>
      keyRing.table('rings').put({ ...ring, erasure: { ...ring?.erasure, safetyCopiesRemoved: 0 } }),
    );
    setLockMode('off');
    expect(await loadLockMode(db().name)).toBe('erasing');

    await eraseClinic(db());

    const erasures = (await db().auditLog.toArray()).filter((entry) => entry.detail?.includes('sealed text'));
    expect(erasures).toHaveLength(1);
    expect(lockMode()).toBe('off');
  });

  it('two erases started at once (a screen drawn twice) both finish, both hear the progress, and one audit entry is written', async () => {
    const pair = await seedPair();
    await logMeeting(meetingInput(pair.relationship.id, { date: TODAY, notes: MARKER }));
    await lockedClinic();
    await startErasing(db());
    const first: number[] = [];
    const second: number[] = [];
    const [a, b] = await Promise.all([
      eraseClinic(db(), (progress) => first.push(progress.done)),
      eraseClinic(db(), (progress) => second.push(progress.done)),
    ]);
    expect(a).toEqual(b);
    expect(first.at(-1)).toBeGreaterThan(0);
    expect(second.at(-1)).toBe(first.at(-1));
    const erasures = (await db().auditLog.toArray()).filter((entry) => entry.detail?.includes('sealed text'));
    expect(erasures).toHaveLength(1);
    expect(lockMode()).toBe('off');
  });

  it('the notice that the lock is off is kept on the disk across restarts until the manager closes it', async () => {
    await lockedClinic();
    expect(erasedNotice()).toBeNull();
    await erase();
    expect(erasedNotice()).toEqual({ safetyCopiesRemoved: 0 });

    // A restart: nothing of this page is remembered, the key ring database is read again.
    closeKeyRings();
    setLockMode('off');
    expect(erasedNotice()).toBeNull();
    expect(await loadLockMode(db().name)).toBe('off');
    expect(erasedNotice()).toEqual({ safetyCopiesRemoved: 0 });
    expect(JSON.stringify(await storedNotices())).not.toContain('IBEX');

    await dismissErasedNotice(db().name);
    expect(erasedNotice()).toBeNull();
    closeKeyRings();
    expect(await loadLockMode(db().name)).toBe('off');
    expect(erasedNotice()).toBeNull();
    expect(await storedNotices()).toEqual([]);
  });

  it('a page closed half-way keeps no notice yet; the finished erase at the next start does', async () => {
    await eraseStoppedHalfWay(SEAL_BATCH + 5, 'n');
    closeKeyRings();
    setLockMode('off');
    expect(await loadLockMode(db().name)).toBe('erasing');
    expect(erasedNotice()).toBeNull();
    expect(await storedNotices()).toEqual([]);

    await eraseClinic(db());
    closeKeyRings();
    expect(await loadLockMode(db().name)).toBe('off');
    expect(erasedNotice()).toEqual({ safetyCopiesRemoved: 0 });
  });

  it('turning the lock on again ends the notice, and it does not come back when that lock is turned off', async () => {
    await lockedClinic();
    await erase();
    await createLock(db().name, 'a brand new passphrase 77', FAST_SCRYPT);
    expect(erasedNotice()).toBeNull();
    expect(await storedNotices()).toEqual([]);
    await sealClinic(db());
    await beginTurningOff(db().name, 'a brand new passphrase 77');
    await unsealClinic(db());
    expect(lockMode()).toBe('off');
    expect(erasedNotice()).toBeNull();
    closeKeyRings();
    await loadLockMode(db().name);
    expect(erasedNotice()).toBeNull();
  });

  it('a key ring written before the notice existed (its version 1) opens unchanged', async () => {
    if (LOCKED_CONFIGURATION) closeKeyRings();
    const name = `${db().name}-older`;
    const older = new Dexie(`${name}-keyring`);
    older.version(1).stores({ rings: 'id' });
    await older.open();
    const ring = {
      id: 'clinic',
      version: 1,
      state: 'on',
      createdAt: `${TODAY}T09:00:00.000Z`,
      slots: [],
      ageRecipient: 'age1example',
      failedAttempts: 2,
      lastFailedAt: null,
      progress: null,
    };
    await older.table('rings').put(ring);
    older.close();
    try {
      expect(await loadLockMode(name)).toBe('on');
      expect(await readKeyRing(name)).toEqual(ring);
      expect(erasedNotice()).toBeNull();
      const upgraded = new Dexie(`${name}-keyring`);
      await upgraded.open();
      expect(upgraded.verno).toBe(2);
      expect(upgraded.tables.map((table) => table.name).sort()).toEqual(['notices', 'rings']);
      upgraded.close();
    } finally {
      closeKeyRings();
      setLockMode('off');
      await Dexie.delete(`${name}-keyring`);
    }
  });

  it('refuses to erase unless the manager confirmed (the key ring says so)', async () => {
    await lockedClinic();
    await expect(eraseClinic(db())).rejects.toThrow(/not being erased/);
    expect(lockMode()).not.toBe('off');
    expect((await readKeyRing(db().name))?.state).toBe('on');
  });

  it('says what is lost in one line for each sealed field', () => {
    const lines = erasedFieldDescriptions();
    expect(lines).toHaveLength(Object.values(SEALED_FIELDS).flat().length);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines).toContain('meeting notes');
  });
});
