import 'fake-indexeddb/auto';
import { Decrypter, Encrypter } from 'age-encryption';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '../../renderer/data/db';
import {
  beginTurningOff,
  changePassphrase,
  confirmPassphrase,
  createLock,
  readKeyRing,
  recoverWithSheet,
  TooManyAttemptsError,
  unlockWithPassphrase,
  WrongPassphraseError,
  waitAfter,
} from '../../renderer/data/lock/keyring';
import { parseRecoveryKey, RecoveryKeyError } from '../../renderer/data/lock/recovery-key';
import { isSealed } from '../../renderer/data/lock/seal';
import { resumeSealingWork, SEAL_BATCH, sealClinic, unsealClinic } from '../../renderer/data/lock/seal-all';
import { SEALED_FIELDS, unreadableValueOf } from '../../renderer/data/lock/sealed-fields';
import { unreadableFields } from '../../renderer/data/lock/sealing';
import { closeSession, isOpen, LockedError, lockMode, setLockMode } from '../../renderer/data/lock/session';
import {
  getMeeting,
  listLatestMeetingsForRelationship,
  logMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import { changeRelationshipStatus, getRelationship } from '../../renderer/data/relationships.repo';
import { freshDatabasePerTest, meetingInput, seedPair, TODAY } from './helpers';

// The clinic lock at the database boundary: what is stored, what opens it, and what never changes.

const db = freshDatabasePerTest();
const FAST = { logN: 10, r: 8, p: 1 };
const PASSPHRASE = 'quiet harbour lantern 42';
const MARKER = 'ZEBRA-7731 burnout after the loss in bed 4';

afterEach(() => setLockMode('off'));

/** Every stored record of every table, as IndexedDB holds it (no reading hooks), as text. */
async function storedText(): Promise<string> {
  const raw = new Dexie(db().name);
  await raw.open();
  try {
    const parts: string[] = [];
    for (const table of raw.tables) {
      for (const record of await table.toArray()) {
        parts.push(
          JSON.stringify(record, (_key, value) => (value instanceof Uint8Array ? [...value] : value)),
        );
      }
    }
    return parts.join('\n');
  } finally {
    raw.close();
  }
}

/** One meeting as IndexedDB holds it (no reading hooks). */
// biome-ignore lint/suspicious/noExplicitAny: a stored record, sealed values and all
async function storedMeeting(id: string): Promise<any> {
  const raw = new Dexie(db().name);
  await raw.open();
  try {
    // The meeting as stored, with its note as stored (in its own table since schema version 23).
    const [meeting, note] = await Promise.all([
      raw.table('meetings').get(id),
      raw.table('meetingNotes').get(id),
    ]);
    return meeting && { ...meeting, notes: note?.notes };
  } finally {
    raw.close();
  }
}

async function clinicWithText(meetings = 3) {
  const pair = await seedPair();
  const ids: string[] = [];
  for (let index = 0; index < meetings; index++) {
    const meeting = await logMeeting(
      meetingInput(pair.relationship.id, {
        date: TODAY,
        notes: `${MARKER} #${index}`,
        actionItems: [{ text: `${MARKER} action ${index}`, owner: 'mentee', dueDate: null }],
      }),
    );
    ids.push(meeting.id);
  }
  return { pair, ids };
}

async function turnOn(): Promise<Awaited<ReturnType<typeof createLock>>> {
  const lock = await createLock(db().name, PASSPHRASE, FAST);
  await sealClinic(db());
  return lock;
}

describe('the clinic lock', () => {
  it('seals notes, action items and end reasons already there, and the app still reads them', async () => {
    const { pair, ids } = await clinicWithText();
    await changeRelationshipStatus(pair.relationship.id, 'ended-early', TODAY, `${MARKER} moved away`);
    expect(await storedText()).toContain('ZEBRA-7731');

    const seen: number[] = [];
    await createLock(db().name, PASSPHRASE, FAST);
    await sealClinic(db(), (progress) => seen.push(progress.done));

    expect(await storedText()).not.toContain('ZEBRA-7731');
    expect(lockMode()).toBe('on');
    expect(seen.at(-1)).toBeGreaterThanOrEqual(3 + 3 + 1);
    expect((await getMeeting(ids[0] as string))?.notes).toBe(`${MARKER} #0`);
    expect((await getMeeting(ids[0] as string))?.actionItems[0]?.text).toBe(`${MARKER} action 0`);
    expect((await getRelationship(pair.relationship.id))?.endReason).toBe(`${MARKER} moved away`);
  });

  it('seals what is written once the lock is on, and never writes it in the clear', async () => {
    await turnOn();
    const { ids } = await clinicWithText(1);
    expect(await storedText()).not.toContain('ZEBRA-7731');
    const meeting = await getMeeting(ids[0] as string);
    await updateMeeting(ids[0] as string, {
      ...meetingInput(meeting?.relationshipId as string),
      notes: 'Edited: ZEBRA-9',
    });
    expect(await storedText()).not.toContain('ZEBRA-9');
    expect((await getMeeting(ids[0] as string))?.notes).toBe('Edited: ZEBRA-9');
  });

  it('when locked, neither shows nor takes a note, and changes nothing', async () => {
    await turnOn();
    const { pair, ids } = await clinicWithText(1);
    const before = await storedText();
    closeSession();
    expect(isOpen()).toBe(false);
    await expect(getMeeting(ids[0] as string)).rejects.toBeInstanceOf(LockedError);
    await expect(
      logMeeting(meetingInput(pair.relationship.id, { notes: 'while locked' })),
    ).rejects.toBeInstanceOf(LockedError);
    expect(await storedText()).toBe(before);
    await unlockWithPassphrase(db().name, PASSPHRASE);
    expect((await getMeeting(ids[0] as string))?.notes).toBe(`${MARKER} #0`);
  });

  it('refuses a wrong passphrase in plain words, then makes each try after the fifth wait longer', async () => {
    await turnOn();
    closeSession();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(unlockWithPassphrase(db().name, 'wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    }
    const fifth = unlockWithPassphrase(db().name, 'wrong');
    await expect(fifth).rejects.toBeInstanceOf(TooManyAttemptsError);
    await expect(fifth).rejects.toThrow(/Wait 30 seconds/);
    // Even the right passphrase waits now, and is not even tried.
    await expect(unlockWithPassphrase(db().name, PASSPHRASE)).rejects.toBeInstanceOf(TooManyAttemptsError);
    expect(isOpen()).toBe(false);
    expect([waitAfter(4), waitAfter(5), waitAfter(6), waitAfter(7), waitAfter(40)]).toEqual([
      0, 30, 60, 120, 900,
    ]);
  });

  it('counts wrong passphrases tried at the same moment (two windows) once each', async () => {
    await turnOn();
    closeSession();
    for (let attempt = 1; attempt <= 2; attempt++) {
      await expect(unlockWithPassphrase(db().name, 'wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    }
    // Two windows, each with its own wrong try under way: both count.
    const both = await Promise.allSettled([
      unlockWithPassphrase(db().name, 'wrong in the first window'),
      confirmPassphrase(db().name, 'wrong in the second window'),
    ]);
    expect(both.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((await readKeyRing(db().name))?.failedAttempts).toBe(4);

    // The fifth and a sixth at the same moment: the fifth counts and sets the wait; the sixth, begun while
    // the fifth was being checked, waits too instead of being tried.
    const [fifth, sixth] = await Promise.allSettled([
      unlockWithPassphrase(db().name, 'wrong again'),
      unlockWithPassphrase(db().name, PASSPHRASE),
    ]);
    expect(fifth.status === 'rejected' && fifth.reason).toBeInstanceOf(TooManyAttemptsError);
    expect(sixth.status === 'rejected' && sixth.reason).toBeInstanceOf(TooManyAttemptsError);
    expect((await readKeyRing(db().name))?.failedAttempts).toBe(5);
    expect(isOpen()).toBe(false);
  });

  it('counts wrong passphrases at a confidential note’s re-ask toward the lock screen’s wait', async () => {
    await turnOn();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(confirmPassphrase(db().name, 'wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    }
    await expect(confirmPassphrase(db().name, 'wrong')).rejects.toBeInstanceOf(TooManyAttemptsError);
    closeSession();
    // The lock screen, after a lock, waits the same: the re-ask is no way around the wait.
    await expect(unlockWithPassphrase(db().name, PASSPHRASE)).rejects.toThrow(/Wait 30 seconds/);
    expect(isOpen()).toBe(false);
  });

  it('clears the count of wrong tries at the right passphrase, wherever it is typed', async () => {
    await turnOn();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(confirmPassphrase(db().name, 'wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    }
    await confirmPassphrase(db().name, PASSPHRASE);
    expect(await readKeyRing(db().name)).toMatchObject({ failedAttempts: 0, lastFailedAt: null });
    closeSession();
    await expect(unlockWithPassphrase(db().name, 'wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlockWithPassphrase(db().name, PASSPHRASE);
    expect(isOpen()).toBe(true);
  });

  it('does not count a try whose passphrase could not be checked at all', async () => {
    await turnOn();
    const keyRing = new Dexie(`${db().name}-keyring`);
    await keyRing.open();
    // A slot whose parameters the derivation refuses (N = 1): the check fails before any answer.
    await keyRing
      .table('rings')
      .toCollection()
      .modify((ring: { slots: { kind: string; scrypt?: { logN: number } }[] }) => {
        for (const slot of ring.slots) if (slot.scrypt) slot.scrypt.logN = 0;
      });
    keyRing.close();
    const failed = await confirmPassphrase(db().name, PASSPHRASE).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(WrongPassphraseError);
    expect(await readKeyRing(db().name)).toMatchObject({ failedAttempts: 0, lastFailedAt: null });
  });

  it('opens with the recovery sheet and a new passphrase; the old passphrase stops working', async () => {
    const lock = await turnOn();
    const { ids } = await clinicWithText(1);
    closeSession();
    await recoverWithSheet(
      db().name,
      lock.recoveryKey.toLowerCase().replaceAll('-', ' '),
      'a brand new phrase',
      FAST,
    );
    expect((await getMeeting(ids[0] as string))?.notes).toBe(`${MARKER} #0`);
    closeSession();
    await expect(unlockWithPassphrase(db().name, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlockWithPassphrase(db().name, 'a brand new phrase');
    expect(isOpen()).toBe(true);
  });

  it('says plainly when a recovery key is mistyped or not this clinic’s', async () => {
    const lock = await turnOn();
    closeSession();
    expect(() => parseRecoveryKey('ABCD-EFGH')).toThrow(RecoveryKeyError);
    const other = `${lock.recoveryKey.slice(0, -1)}${lock.recoveryKey.endsWith('0') ? '1' : '0'}`;
    await expect(recoverWithSheet(db().name, other, 'new', FAST)).rejects.toThrow(
      /does not open the clinic lock/,
    );
    expect(isOpen()).toBe(false);
  });

  it('changes the passphrase after checking the current one', async () => {
    await turnOn();
    await expect(changePassphrase(db().name, 'wrong', 'next phrase', FAST)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await changePassphrase(db().name, PASSPHRASE, 'next phrase', FAST);
    closeSession();
    await expect(unlockWithPassphrase(db().name, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlockWithPassphrase(db().name, 'next phrase');
  });

  it('a sealed note moved onto another record does not open: the record is shown, the note marked unreadable', async () => {
    await turnOn();
    const { ids } = await clinicWithText(2);
    const raw = new Dexie(db().name);
    await raw.open();
    const first = await raw.table('meetingNotes').get(ids[0]);
    await raw.table('meetingNotes').update(ids[1], { notes: first.notes });
    const damaged = (await raw.table('meetingNotes').get(ids[1])).notes;
    raw.close();
    const moved = await getMeeting(ids[1] as string);
    expect(moved).toBeDefined();
    expect(moved?.notes).toBe('');
    expect(unreadableFields(moved)).toEqual(['notes']);
    expect(moved?.durationMinutes).toBe(45);
    expect(moved?.topics).toEqual(['ethics', 'patient-loss']);
    expect(moved?.actionItems.map((item) => item.text)).toEqual([`${MARKER} action 1`]);
    // The pairing's timeline reads it too, without throwing.
    const latest = await listLatestMeetingsForRelationship(moved?.relationshipId as string, 10);
    expect(latest.meetings.map((meeting) => unreadableFields(meeting))).toContainEqual(['notes']);
    const intact = await getMeeting(ids[0] as string);
    expect(intact?.notes).toBe(`${MARKER} #0`);
    expect(unreadableFields(intact)).toEqual([]);

    // Saved with the notes untouched: the other fields change, the stored note stays as it was.
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = moved as NonNullable<typeof moved>;
    await updateMeeting(ids[1] as string, { ...input, durationMinutes: 60 });
    const stored = await storedMeeting(ids[1] as string);
    expect(stored.durationMinutes).toBe(60);
    expect(stored.$unreadable).toBeUndefined();
    expect(stored.notes.ct).toEqual(damaged.ct);
    expect(unreadableFields(await getMeeting(ids[1] as string))).toEqual(['notes']);

    // A note typed anew replaces it, and opens again.
    await updateMeeting(ids[1] as string, { ...input, durationMinutes: 60, notes: 'A new note.' });
    const repaired = await getMeeting(ids[1] as string);
    expect(repaired?.notes).toBe('A new note.');
    expect(unreadableFields(repaired)).toEqual([]);
  });

  it('every sealed field that does not open reads as its empty value, the record marked', async () => {
    await turnOn();
    const { ids } = await clinicWithText(1);
    const raw = new Dexie(db().name);
    await raw.open();
    const meeting = await raw.table('meetingNotes').get(ids[0]);
    const damaged = {
      ...meeting.notes,
      ct: meeting.notes.ct.map((byte: number, index: number) => (index === 0 ? byte ^ 1 : byte)),
    };
    await raw.table('meetingNotes').update(ids[0], { notes: damaged });
    raw.close();
    const read = await getMeeting(ids[0] as string);
    expect(read?.notes).toBe('');
    expect(unreadableFields(read)).toEqual(['notes']);
    for (const [table, paths] of Object.entries(SEALED_FIELDS))
      for (const path of paths) expect(unreadableValueOf(table, path)).not.toBeNull();
  });

  it('turning the lock off finishes past a damaged value: it is emptied, named in the audit log, the rest opened', async () => {
    await turnOn();
    const { ids } = await clinicWithText(3);
    const raw = new Dexie(db().name);
    await raw.open();
    const meeting = await raw.table('meetingNotes').get(ids[1]);
    const damaged = {
      ...meeting.notes,
      ct: meeting.notes.ct.map((byte: number, index: number) => (index === 0 ? byte ^ 1 : byte)),
    };
    await raw.table('meetingNotes').update(ids[1], { notes: damaged });
    raw.close();

    await beginTurningOff(db().name, PASSPHRASE);
    const { emptied } = await unsealClinic(db());
    expect(emptied).toEqual([{ table: 'meetings', id: ids[1], path: 'notes' }]);
    expect(lockMode()).toBe('off');
    expect(await readKeyRing(db().name)).toBeUndefined();
    const check = new Dexie(db().name);
    await check.open();
    const stored = await check.table('meetingNotes').bulkGet(ids);
    const audit = await check
      .table('auditLog')
      .where('[table+recordId]')
      .equals(['meetings', ids[1]])
      .toArray();
    check.close();
    expect(stored.map((record) => record.notes)).toEqual([`${MARKER} #0`, '', `${MARKER} #2`]);
    const entry = audit.find((row) => String(row.detail).includes('could not be opened'));
    expect(entry).toMatchObject({ action: 'update', fields: ['notes'] });
    expect(JSON.stringify(audit)).not.toContain('ZEBRA-7731');
  });

  it('an interrupted sealing leaves every note readable and resumes after the next unlock', async () => {
    const pair = await seedPair();
    const count = SEAL_BATCH + 20;
    const meetings = Array.from({ length: count }, (_, index) => ({
      ...meetingInput(pair.relationship.id),
      id: `m-${String(index).padStart(5, '0')}`,
      notes: `${MARKER} ${index}`,
      createdAt: `${TODAY}T10:00:00.000Z`,
      updatedAt: `${TODAY}T10:00:00.000Z`,
    }));
    // Written with their notes' table (schema version 23), as the app writes meetings.
    await getDb().transaction('rw', getDb().meetings, getDb().meetingNotes, () =>
      getDb().meetings.bulkAdd(meetings.map(({ actionItems: _items, ...meeting }) => meeting)),
    );
    await createLock(db().name, PASSPHRASE, FAST);
    // The page closes after the first batch.
    await expect(
      sealClinic(db(), (progress) => {
        if (progress.done >= SEAL_BATCH) throw new Error('page closed');
      }),
    ).rejects.toThrow('page closed');
    expect((await readKeyRing(db().name))?.state).toBe('sealing');
    closeSession();

    await unlockWithPassphrase(db().name, PASSPHRASE);
    const latest = await listLatestMeetingsForRelationship(pair.relationship.id, count);
    expect(latest.meetings.map((meeting) => meeting.notes).sort()).toEqual(
      meetings.map((m) => m.notes).sort(),
    );
    await resumeSealingWork(db());
    expect(lockMode()).toBe('on');
    expect(await storedText()).not.toContain('ZEBRA-7731');
  });

  it('turning the lock off gives back exactly the text that was written, any Unicode', async () => {
    const pair = await seedPair();
    await turnOn();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { minLength: 1, maxLength: 8 }),
        async (notes) => {
          const written = notes.map((text, index) => ({ id: `p-${index}`, text }));
          await getDb().transaction('rw', getDb().meetings, getDb().meetingNotes, async () => {
            await getDb().meetings.clear();
            await getDb().meetings.bulkAdd(
              written.map(({ id, text }) => ({
                ...meetingInput(pair.relationship.id),
                id,
                notes: text,
                createdAt: `${TODAY}T10:00:00.000Z`,
                updatedAt: `${TODAY}T10:00:00.000Z`,
              })),
            );
          });
          const raw = new Dexie(db().name);
          await raw.open();
          // Every note sealed but an empty one, which a sealed value's length would tell all the same.
          const sealedNow = (await raw.table('meetingNotes').toArray()).every((m) =>
            m.notes === '' ? true : isSealed(m.notes),
          );
          raw.close();
          expect(sealedNow).toBe(true);
          return true;
        },
      ),
      { numRuns: 20 },
    );
    const expected = (await getDb().meetingNotes.toArray()).map((m) => [m.id, m.notes]);
    await beginTurningOff(db().name, PASSPHRASE);
    await unsealClinic(db());
    expect(lockMode()).toBe('off');
    expect(await readKeyRing(db().name)).toBeUndefined();
    const raw = new Dexie(db().name);
    await raw.open();
    const stored = (await raw.table('meetingNotes').toArray()).map((m) => [m.id, m.notes]);
    raw.close();
    expect(stored).toEqual(expected);
  });

  it('the recovery sheet’s age line opens what is encrypted to the clinic’s recipient', async () => {
    const lock = await turnOn();
    expect(lock.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect((await readKeyRing(db().name))?.ageRecipient).toBe(lock.ageRecipient);
    const encrypter = new Encrypter();
    encrypter.addRecipient(lock.ageRecipient);
    const file = await encrypter.encrypt('automatic backup');
    const decrypter = new Decrypter();
    decrypter.addIdentity(lock.ageIdentity);
    expect(await decrypter.decrypt(file, 'text')).toBe('automatic backup');
  });

  it('keeps no key in the clear in the key ring', async () => {
    await turnOn();
    const ring = await readKeyRing(db().name);
    const text = JSON.stringify(ring);
    expect(text).not.toMatch(/AGE-SECRET-KEY/);
    expect(ring?.slots.map((slot) => slot.kind)).toEqual(['passphrase', 'recovery']);
  });
});
