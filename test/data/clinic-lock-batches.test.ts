import 'fake-indexeddb/auto';
import Dexie, { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, type StoredMeeting } from '../../renderer/data/db';
import { sealRecordsInBulk } from '../../renderer/data/lock/bulk-crypto';
import { beginTurningOff, createLock, readKeyRing } from '../../renderer/data/lock/keyring';
import { isSealed, readPath, SEALED_RECORD_FIELD } from '../../renderer/data/lock/seal';
import { SEAL_BATCH, sealClinic, unsealClinic, walkSealedTables } from '../../renderer/data/lock/seal-all';
import { SEALED_FIELDS, sealedPathsOf, sealsTogether } from '../../renderer/data/lock/sealed-fields';
import { lockMode, setLockMode } from '../../renderer/data/lock/session';
import { getMeeting, updateMeeting } from '../../renderer/data/meetings.repo';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { freshDatabasePerTest, meetingInput, sealedAtRest, seedPair, TODAY } from './helpers';

// Sealing (and opening) a whole clinic in batches: each batch read, changed with no transaction open,
// then written back only where the record is still as it was read. What the walk may change is the
// sealed fields and nothing else; what the app writes meanwhile is kept.

const db = freshDatabasePerTest();
const FAST = { logN: 10, r: 8, p: 1 };
const PASSPHRASE = 'quiet harbour lantern 42';
const TABLES = Object.keys(SEALED_FIELDS);

afterEach(() => setLockMode('off'));

type Row = Record<string, unknown>;

/** The records of every sealed table as IndexedDB holds them (no reading hooks, derived fields and all). */
async function storedRecords(): Promise<Record<string, Row[]>> {
  const raw = new Dexie(db().name);
  await raw.open();
  try {
    const tables: Record<string, Row[]> = {};
    for (const name of TABLES) tables[name] = (await raw.table(name).toArray()) as Row[];
    return tables;
  } finally {
    raw.close();
  }
}

/** A live query of the stored notes of meeting m-1 (as a screen would hold one): each new value in turn. */
async function liveRaw() {
  const values: unknown[] = [];
  const waiting: ((value: unknown) => void)[] = [];
  const subscription = liveQuery(
    async () => (await getDb().meetingNotes.where('id').equals('m-1').raw().first())?.notes,
  ).subscribe((value) => {
    const next = waiting.shift();
    if (next) next(value);
    else values.push(value);
  });
  return {
    next: () =>
      values.length ? Promise.resolve(values.shift()) : new Promise((resolve) => waiting.push(resolve)),
    stop: () => subscription.unsubscribe(),
  };
}

/** Meetings written as stored, their notes to their own table (as the app writes them). */
function addMeetingRows(rows: (StoredMeeting & { notes: string })[]) {
  const appDb = getDb();
  return appDb.transaction('rw', appDb.meetings, appDb.meetingNotes, () => appDb.meetings.bulkAdd(rows));
}

/** A record without its sealed fields. */
function withoutSealed(table: string, record: Row): Row {
  const copy = structuredClone(record);
  delete copy[SEALED_RECORD_FIELD];
  for (const path of sealedPathsOf(table)) {
    const parts = path.split('.');
    let node: Row | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Row | undefined;
    if (node && typeof node === 'object') delete node[parts[parts.length - 1] as string];
  }
  return copy;
}

describe('sealing a whole clinic in batches', () => {
  it('changes only the sealed fields, and turning the lock off gives back every record exactly', async () => {
    await loadSampleClinic({
      seed: 3,
      size: { people: 40, relationships: 60, meetings: SEAL_BATCH + 50 },
      today: TODAY,
    });
    const before = await storedRecords();
    expect(before.meetingNotes?.length).toBeGreaterThan(SEAL_BATCH);

    await createLock(db().name, PASSPHRASE, FAST);
    const seen: number[] = [];
    await sealClinic(db(), (progress) => seen.push(progress.done));
    expect(lockMode()).toBe('on');
    expect(seen.at(-1)).toBe(TABLES.reduce((sum, name) => sum + (before[name]?.length ?? 0), 0));
    const sealed = await storedRecords();
    for (const name of TABLES) {
      const was = before[name] ?? [];
      const now = sealed[name] ?? [];
      expect(now.map((record) => record.id)).toEqual(was.map((record) => record.id));
      now.forEach((record, at) => {
        const previous = was[at] as Row;
        // Every other field, the derived and summary fields beside the record included, is as it was.
        expect(withoutSealed(name, record)).toEqual(withoutSealed(name, previous));
        for (const path of sealedPathsOf(name)) {
          const plain = readPath(previous, path);
          // Null stays as it is, and so does the empty value of a table's one sealed field ('').
          if (plain === null || plain === undefined || (!sealsTogether(name) && plain === ''))
            expect(readPath(record, path)).toEqual(plain);
          else expect(sealedAtRest(name, record, path)).toBe(true);
        }
      });
    }

    await beginTurningOff(db().name, PASSPHRASE);
    expect(await unsealClinic(db())).toEqual({ emptied: [], safetyCopiesRemoved: 0 });
    expect(lockMode()).toBe('off');
    expect(await storedRecords()).toEqual(before);
  });

  it('keeps what the app writes while a batch is being sealed, and seals it too', async () => {
    const pair = await seedPair();
    const ids = Array.from({ length: 30 }, (_, index) => `m-${String(index).padStart(3, '0')}`);
    await addMeetingRows(
      ids.map((id, index) => {
        const { actionItems: _items, ...meeting } = meetingInput(pair.relationship.id);
        return {
          ...meeting,
          id,
          notes: `note ${index}`,
          createdAt: `${TODAY}T10:00:00.000Z`,
          updatedAt: `${TODAY}T10:00:00.000Z`,
        };
      }),
    );
    await createLock(db().name, PASSPHRASE, FAST);

    const meanwhile: Promise<unknown>[] = [];
    // The sealing walk, with the app at work (outside the walk's transaction) while a batch is sealed.
    await walkSealedTables(
      db(),
      {
        needs: (table, record) =>
          sealedPathsOf(table).some((path) => {
            const value = readPath(record, path);
            return value !== null && value !== undefined && !isSealed(value);
          }),
        change: async (table, records) => {
          if (table === 'meetingNotes' && meanwhile.length === 0)
            Dexie.ignoreTransaction(() => {
              meanwhile.push(
                updateMeeting('m-005', { ...meetingInput(pair.relationship.id), notes: 'edited meanwhile' }),
                getDb().transaction('rw', getDb().meetings, getDb().meetingNotes, () =>
                  getDb().meetings.delete('m-007'),
                ),
              );
            });
          await sealRecordsInBulk(table, records);
        },
      },
      () => {},
    );
    await Promise.all(meanwhile);

    const stored = await storedRecords();
    const meetings = new Map((stored.meetingNotes ?? []).map((record) => [record.id as string, record]));
    expect(meetings.has('m-007')).toBe(false);
    expect(meetings.size).toBe(29);
    for (const record of meetings.values()) expect(isSealed(record.notes)).toBe(true);
    expect((await getMeeting('m-005'))?.notes).toBe('edited meanwhile');
    expect((await getMeeting('m-010'))?.notes).toBe('note 10');
  });

  it('saves the place reached while the next batch runs, in order: a page closed after two batches resumes at the third', async () => {
    const pair = await seedPair();
    const ids = Array.from({ length: 30 }, (_, index) => `m-${String(index).padStart(3, '0')}`);
    await addMeetingRows(
      ids.map((id, index) => {
        const { actionItems: _items, ...meeting } = meetingInput(pair.relationship.id);
        return {
          ...meeting,
          id,
          notes: `note ${index}`,
          createdAt: `${TODAY}T10:00:00.000Z`,
          updatedAt: `${TODAY}T10:00:00.000Z`,
        };
      }),
    );
    await createLock(db().name, PASSPHRASE, FAST);
    const sealing = {
      needs: (table: string, record: Row) =>
        sealedPathsOf(table).some((path) => {
          const value = readPath(record, path);
          return value !== null && value !== undefined && !isSealed(value);
        }),
      change: (table: string, records: Row[]) => sealRecordsInBulk(table, records),
    };
    // Batches of 7: the page closes as the second batch is reported.
    await expect(
      walkSealedTables(
        db(),
        sealing,
        ({ done }) => {
          if (done >= 14) throw new Error('page closed');
        },
        7,
      ),
    ).rejects.toThrow('page closed');
    expect((await readKeyRing(db().name))?.progress).toEqual({ table: 'meetingNotes', after: 'm-013' });
    const halfway = (await storedRecords()).meetingNotes ?? [];
    expect(halfway.filter((record) => isSealed(record.notes))).toHaveLength(14);

    const seen: number[] = [];
    await walkSealedTables(db(), sealing, ({ done }) => seen.push(done), 7);
    // The first report is the two batches already done; the walk goes on from the third.
    expect(seen.slice(0, 3)).toEqual([0, 21, 28]);
    // The 30 meetings and the pair (relationships have sealed fields too).
    expect(seen.at(-1)).toBe(31);
    // The last save is in before the walk ends: the last record of the last table with records.
    expect((await readKeyRing(db().name))?.progress).toEqual({
      table: 'relationships',
      after: pair.relationship.id,
    });
    for (const record of (await storedRecords()).meetingNotes ?? [])
      expect(isSealed(record.notes)).toBe(true);
  });

  it('tells open screens that the sealed records changed', async () => {
    const pair = await seedPair();
    const { actionItems: _items, ...meeting } = meetingInput(pair.relationship.id);
    const appDb = getDb();
    // A meeting's notes are written with it, to their own table.
    await appDb.transaction('rw', appDb.meetings, appDb.meetingNotes, () =>
      appDb.meetings.add({
        ...meeting,
        id: 'm-1',
        notes: 'seen on screen',
        createdAt: `${TODAY}T10:00:00.000Z`,
        updatedAt: `${TODAY}T10:00:00.000Z`,
      } as StoredMeeting),
    );
    const raw = (await liveRaw()) as { next: () => Promise<unknown>; stop: () => void };
    expect(isSealed(await raw.next())).toBe(false);
    await createLock(db().name, PASSPHRASE, FAST);
    await sealClinic(db());
    expect(isSealed(await raw.next())).toBe(true);
    raw.stop();
  });
});
