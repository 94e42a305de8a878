// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, getDb, switchDatabase } from '../../renderer/data/db';
import { sealRecordsInBulk } from '../../renderer/data/lock/bulk-crypto';
import {
  closeKeyRings,
  createLock,
  saveProgress,
  unlockWithPassphrase,
} from '../../renderer/data/lock/keyring';
import { isSealed, sealContext, sealSync } from '../../renderer/data/lock/seal';
import { type BatchWork, resumeSealingWork, walkSealedTables } from '../../renderer/data/lock/seal-all';
import { closeSession, dataKey, lockMode, setLockMode } from '../../renderer/data/lock/session';
import { getMeeting, listMeetingsForRelationship } from '../../renderer/data/meetings.repo';
import {
  onUpgradeProgress,
  type UpgradeProgress,
  upgradeProgress,
} from '../../renderer/data/upgrade-progress';
import { UNREADABLE_MEETING_NOTE, unreadableFields } from '../../renderer/domain/unreadable';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  inKeyOrder,
  pairAsStored,
  pairPeopleAsStored,
  rawStoredTables,
  type TableContent,
} from './schema-upgrade-helpers';

// A clinic on version 22 opens version 23: every meeting's notes move, as stored, to meetingNotes (one
// record a meeting, under its id), and the meeting keeps every other field. A note sealed by the clinic
// lock moves sealed and still opens for its meeting only; a sealing walk stopped half-way in the meetings
// before the upgrade carries on in their notes after it, from the same meeting.

closeUpgradeDatabasesAfterEach();
afterEach(() => {
  closeSession();
  setLockMode('off');
  closeKeyRings();
});

const STAMP = '2024-01-01T09:00:00.000Z';
const FAST = { logN: 10, r: 8, p: 1 };
const PASSPHRASE = 'quiet harbour lantern 42';

/** A meeting as version 22 stored it: its notes in the record. */
function meeting(id: string, date: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    relationshipId: 'p1',
    date,
    durationMinutes: 45,
    format: 'in-person',
    topics: ['time-management'],
    notes: `Notes of ${id}: «crème brûlée» and line\nbreaks.`,
    confidential: false,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields,
  };
}

/** A content of `count` meetings of pair p1, ids m-000…, one a day from 2024-01-02. */
function clinicOf(meetings: object[]): TableContent {
  return { people: pairPeopleAsStored(), relationships: [pairAsStored('p1')], meetings };
}

function days(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2024, 0, 2 + index)).toISOString().slice(0, 10);
    return meeting(`m-${String(index).padStart(4, '0')}`, day);
  });
}

async function openAppDatabase(name: string) {
  const db = switchDatabase(name);
  await db.open();
  return db;
}

describe('schema version 23: the meeting notes in a table of their own', () => {
  it('moves every note to meetingNotes and keeps every other field of every meeting', async () => {
    const meetings = [
      ...days(3),
      meeting('m-empty', '2024-02-01', { notes: '' }),
      meeting('m-private', '2024-02-02', { confidential: true, milestoneId: 'ms-1' }),
    ];
    const name = `v23-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 22, clinicOf(meetings));
    await openAppDatabase(name);
    closeDatabase();

    const stored = await rawStoredTables(name);
    expect(stored.meetings).toEqual(inKeyOrder(meetings.map(({ notes: _notes, ...rest }) => rest)));
    expect(stored.meetingNotes).toEqual(inKeyOrder(meetings.map(({ id, notes }) => ({ id, notes }))));
  });

  it('shows each meeting with its own note after the upgrade, the timeline and the meeting form alike', async () => {
    const meetings = days(4);
    const name = `v23-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 22, clinicOf(meetings));
    await openAppDatabase(name);
    expect((await getMeeting('m-0002'))?.notes).toBe(meetings[2]?.notes);
    const timeline = await listMeetingsForRelationship('p1');
    expect(timeline.map((row) => [row.id, row.notes])).toEqual(
      [...meetings].reverse().map((row) => [row.id, row.notes]),
    );
  });

  it('moves more meetings than one page of the upgrade (2,000) without losing or mixing a note', async () => {
    const meetings = days(2_150);
    const name = `v23-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 22, clinicOf(meetings));
    // The window is told how far the upgrade has got, a page at a time, and when it is over.
    const told: (UpgradeProgress | null)[] = [];
    const stop = onUpgradeProgress(() => told.push(upgradeProgress()));
    try {
      await openAppDatabase(name);
    } finally {
      stop();
    }
    expect(told).toEqual([
      { what: 'meetings', done: 0, total: 2_150 },
      { what: 'meetings', done: 2_000, total: 2_150 },
      null,
    ]);
    closeDatabase();
    const stored = await rawStoredTables(name);
    expect(stored.meetingNotes).toHaveLength(2_150);
    expect(stored.meetingNotes).toEqual(meetings.map(({ id, notes }) => ({ id, notes })));
    expect((stored.meetings ?? []).some((row) => 'notes' in row)).toBe(false);
  });

  it('moves sealed notes as they are, while locked; they open after the unlock, bound to their meeting', async () => {
    const name = `v23-${crypto.randomUUID()}`;
    // Version 22 with the lock on: the notes sealed, bound to ('meetings', id, 'notes').
    await createLock(name, PASSPHRASE, FAST);
    const key = dataKey() as Uint8Array;
    const meetings = days(3).map((row) => ({
      ...row,
      notes: sealSync(key, sealContext('meetings', row.id, 'notes'), row.notes),
    }));
    const plain = days(3);
    await createDatabaseAt(name, 22, clinicOf(meetings));
    await saveProgress(name, null);
    closeSession();
    setLockMode('on');

    // The upgrade runs with the clinic locked: no key at all.
    const db = await openAppDatabase(name);
    const notes = await db.meetingNotes.toCollection().raw().toArray();
    expect(notes.every((note) => isSealed(note.notes))).toBe(true);
    expect(notes.map((note) => note.id)).toEqual(['m-0000', 'm-0001', 'm-0002']);
    // The same sealed bytes as before the upgrade.
    expect(notes[1]?.notes).toEqual(meetings[1]?.notes);

    await unlockWithPassphrase(name, PASSPHRASE);
    expect((await getMeeting('m-0001'))?.notes).toBe(plain[1]?.notes);
    expect(unreadableFields(await getMeeting('m-0001'))).toEqual([]);
  });

  it('refuses a sealed note moved to another meeting: the note reads as unreadable, the meeting is shown', async () => {
    const name = `v23-${crypto.randomUUID()}`;
    await createLock(name, PASSPHRASE, FAST);
    const key = dataKey() as Uint8Array;
    const meetings = days(2).map((row) => ({
      ...row,
      notes: sealSync(key, sealContext('meetings', row.id, 'notes'), row.notes),
    }));
    await createDatabaseAt(name, 22, clinicOf(meetings));
    await saveProgress(name, null);
    const db = await openAppDatabase(name);
    // The note of m-0001 copied onto m-0000's row of the notes table.
    const second = await db.meetingNotes.where(':id').equals('m-0001').raw().first();
    await db.meetingNotes.put({ id: 'm-0000', notes: second?.notes as never });

    const moved = await getMeeting('m-0000');
    expect(moved?.notes).toBe('');
    expect(unreadableFields(moved)).toEqual(['notes']);
    expect(moved?.date).toBe('2024-01-02');
    expect(UNREADABLE_MEETING_NOTE).toMatch(/does not belong to this meeting/);
    // The other meeting's note is untouched.
    expect((await getMeeting('m-0001'))?.notes).toBe(days(2)[1]?.notes);
  });

  it('resumes a sealing walk stopped half-way before the upgrade, from the same meeting, after it', async () => {
    const name = `v23-${crypto.randomUUID()}`;
    await createLock(name, PASSPHRASE, FAST);
    const key = dataKey() as Uint8Array;
    // The walk sealed m-0000 … m-0004 and saved its place there, then the page closed.
    const meetings = days(10).map((row, index) =>
      index < 5 ? { ...row, notes: sealSync(key, sealContext('meetings', row.id, 'notes'), row.notes) } : row,
    );
    await createDatabaseAt(name, 22, clinicOf(meetings));
    await saveProgress(name, { table: 'meetings', after: 'm-0004' });
    closeSession();
    setLockMode('on');

    // Upgraded while locked: plain and sealed notes alike move as they are.
    const db = await openAppDatabase(name);
    const moved = await db.meetingNotes.toCollection().raw().toArray();
    expect(moved.map((note) => isSealed(note.notes))).toEqual([
      ...Array(5).fill(true),
      ...Array(5).fill(false),
    ]);

    expect(await unlockWithPassphrase(name, PASSPHRASE)).toBe('sealing');
    // In batches of 3: from the top the walk would report 3, 6, 9; resumed after m-0004, 5 + 3 = 8 first.
    const seen: number[] = [];
    const sealing: BatchWork = {
      needs: (_table, record) => typeof record.notes === 'string',
      change: (table, records) => sealRecordsInBulk(table, records),
    };
    await walkSealedTables(getDb(), sealing, ({ done }) => seen.push(done), 3);
    expect(seen.slice(0, 3)).toEqual([0, 8, 10]);
    await resumeSealingWork(getDb());
    expect(lockMode()).toBe('on');
    const sealed = await db.meetingNotes.toCollection().raw().toArray();
    expect(sealed.every((note) => isSealed(note.notes))).toBe(true);
    const plain = days(10);
    for (const row of plain) expect((await getMeeting(row.id))?.notes).toBe(row.notes);
  });
});
