import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  listSafetyCopies,
  makeBackup,
  openBackup,
  openSafetyCopy,
  restoreBackup,
} from '../../renderer/data/backup';
import { openSafetyCopies } from '../../renderer/data/backup/safety';
import { beginTurningOff, createLock, readKeyRing } from '../../renderer/data/lock/keyring';
import { recordRemovedCopy, sealClinic, unsealClinic } from '../../renderer/data/lock/seal-all';
import { closeSession, LockedError, lockMode, setLockMode } from '../../renderer/data/lock/session';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { turnedOffMessage } from '../../renderer/features/settings/PrivacySection';
import {
  FAST_SCRYPT,
  freshDatabasePerTest,
  LOCKED_CONFIGURATION,
  meetingInput,
  readStored,
  seedPair,
  storedRows,
  TEST_CLINIC_PASSPHRASE,
  TODAY,
} from './helpers';

// Turning the clinic lock off past what no longer opens: a damaged sealed safety copy (kept before a
// restore) would never open once the key ring is gone, and must not keep the clinic behind the lock.
// It is removed, named in the audit log by when it was made (never what it held), and counted for the
// manager; the other copies are opened and stay. Runs in both configurations: the lock turned on over
// existing records (plain), or on before anything was written (locked).

const db = freshDatabasePerTest();
const PASSPHRASE = LOCKED_CONFIGURATION ? TEST_CLINIC_PASSPHRASE : 'quiet harbour lantern 42';
const BACKUP_PASSPHRASE = 'willow-granite-lantern-63';
const MARKER = 'QUOKKA-5519 talked about the mistake on night shift';

afterEach(() => setLockMode('off'));

interface StoredCopy {
  id: number;
  createdAt: string;
  document: Uint8Array;
  sealedIv?: Uint8Array;
}

const storedCopies = () => storedRows<StoredCopy>(`${db().name}-safety`, 'copies');

/** Flips one byte of a stored copy's sealed document, as a damaged disk would. */
async function damageCopy(id: number): Promise<void> {
  await readStored(`${db().name}-safety`, async (raw) => {
    const copy = (await raw.table('copies').get(id)) as StoredCopy;
    const document = copy.document.slice();
    document[40] = (document[40] as number) ^ 0x5a;
    await raw.table('copies').update(id, { document });
  });
}

/** A clinic with a note, the lock on, and two sealed safety copies (two restores). */
async function lockedClinicWithTwoCopies(): Promise<StoredCopy[]> {
  const pair = await seedPair();
  await logMeeting(meetingInput(pair.relationship.id, { date: TODAY, notes: MARKER }));
  if (!LOCKED_CONFIGURATION) {
    await createLock(db().name, PASSPHRASE, FAST_SCRYPT);
    await sealClinic(db());
  }
  expect(lockMode()).toBe('on');
  const backup = await makeBackup({ passphrase: BACKUP_PASSPHRASE, scryptWorkFactor: 10 });
  await restoreBackup(await openBackup(backup.bytes, BACKUP_PASSPHRASE));
  await restoreBackup(await openBackup(backup.bytes, BACKUP_PASSPHRASE), {
    now: new Date(Date.now() + 1000),
  });
  const copies = await storedCopies();
  expect(copies).toHaveLength(2);
  expect(copies.every((copy) => copy.sealedIv instanceof Uint8Array)).toBe(true);
  return copies;
}

async function settingsAudit() {
  return db().auditLog.where('[table+recordId]').equals(['settings', 'clinic']).toArray();
}

describe('turning the clinic lock off past a damaged safety copy', () => {
  it('removes the damaged copy, names it in the audit log without its content, counts it, and opens the rest', async () => {
    const [damaged, sound] = (await lockedClinicWithTwoCopies()) as [StoredCopy, StoredCopy];
    await damageCopy(damaged.id);

    await beginTurningOff(db().name, PASSPHRASE);
    const unsealed = await unsealClinic(db());

    expect(unsealed).toEqual({ emptied: [], safetyCopiesRemoved: 1 });
    expect(lockMode()).toBe('off');
    expect(await readKeyRing(db().name)).toBeUndefined();
    // The sound copy is plain again, and opens (and restores) without any key.
    const left = await storedCopies();
    expect(left.map((copy) => copy.id)).toEqual([sound.id]);
    expect(left[0]?.sealedIv).toBeUndefined();
    expect(gunzipSync(left[0]?.document as Uint8Array).toString('utf8')).toContain(MARKER);
    expect((await listSafetyCopies()).map((copy) => copy.id)).toEqual([sound.id]);
    expect((await openSafetyCopy(sound.id)).header.counts.meetings).toBe(1);

    const entries = (await settingsAudit()).filter((entry) => entry.fields.includes('safetyCopy'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'delete', fields: ['safetyCopy'] });
    expect(entries[0]?.detail).toContain(damaged.createdAt);
    expect(entries[0]?.detail).toMatch(/could not be opened .*removed as the clinic lock was turned off/);
    expect(JSON.stringify(await db().auditLog.toArray())).not.toContain('QUOKKA');
  });

  it('tells the manager in plain words how many copies were removed, beside the values left empty', () => {
    expect(turnedOffMessage({ emptied: 0, safetyCopiesRemoved: 0 })).toBe(
      'The clinic lock is off. Notes are stored unsealed on this computer.',
    );
    expect(turnedOffMessage({ emptied: 0, safetyCopiesRemoved: 1 })).toBe(
      'The clinic lock is off. Notes are stored unsealed on this computer. One safety copy kept before a restore could not be opened (damaged) and was removed; your records are not affected.',
    );
    expect(turnedOffMessage({ emptied: 2, safetyCopiesRemoved: 3 })).toContain(
      '2 values could not be opened (damaged) and were left empty. 3 safety copies kept before a restore could not be opened (damaged) and were removed',
    );
  });

  it('a page closed between the audit entry and the removal: the next try removes it and writes the entry once', async () => {
    const [damaged, sound] = (await lockedClinicWithTwoCopies()) as [StoredCopy, StoredCopy];
    await damageCopy(damaged.id);
    await beginTurningOff(db().name, PASSPHRASE);
    // The copies' step as the unsealing runs it, the page closing right after the audit entry.
    await expect(
      openSafetyCopies(db().name, async (copy) => {
        await recordRemovedCopy(db(), copy);
        throw new Error('page closed');
      }),
    ).rejects.toThrow('page closed');
    expect((await storedCopies()).map((copy) => copy.id)).toContain(damaged.id);
    expect(lockMode()).toBe('unsealing');

    expect((await unsealClinic(db())).safetyCopiesRemoved).toBe(1);
    expect(lockMode()).toBe('off');
    expect((await storedCopies()).map((copy) => copy.id)).toEqual([sound.id]);
    const entries = (await settingsAudit()).filter((entry) => entry.fields.includes('safetyCopy'));
    expect(entries).toHaveLength(1);
  });

  it('a copy that is not damaged is never removed: while locked, opening the copies stops and keeps every one', async () => {
    const copies = await lockedClinicWithTwoCopies();
    await damageCopy(copies[0]?.id as number);
    closeSession();
    await expect(openSafetyCopies(db().name)).rejects.toBeInstanceOf(LockedError);
    expect(await storedCopies()).toHaveLength(2);
  });
});
