import 'fake-indexeddb/auto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Decrypter } from 'age-encryption';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptToRecipient } from '../../electron/main/services/age-passphrase';
import {
  checkBackupFile,
  isRecoverySheetBackup,
  listSafetyCopies,
  makeAutoBackupDocument,
  makeBackup,
  openBackup,
  openSafetyCopy,
  RecoveryKeyNeededError,
  restoreBackup,
  WrongRecoveryKeyError,
} from '../../renderer/data/backup';
import { createLock, readKeyRing } from '../../renderer/data/lock/keyring';
import { isSealed } from '../../renderer/data/lock/seal';
import { sealClinic } from '../../renderer/data/lock/seal-all';
import { closeSession, setLockMode } from '../../renderer/data/lock/session';
import { getMeeting, logMeeting, updateMeeting } from '../../renderer/data/meetings.repo';
import { FAST_SCRYPT, freshDatabasePerTest, meetingInput, seedPair, storedRows, TODAY } from './helpers';

// Backups, restores and safety copies of a clinic with the clinic lock: automatic backups are locked to
// the recovery sheet's age identity and open with the age tool; every backup holds the notes in the
// clear inside its encryption; what a restore writes is sealed; safety copies are sealed too.

const db = freshDatabasePerTest();
const CLINIC_PASSPHRASE = 'quiet harbour lantern 42';
const BACKUP_PASSPHRASE = 'willow-granite-lantern-63';
const MARKER = 'OKAPI-5519 moral distress after the night in bay 2';
const AGE = '/usr/bin/age';
const hasAge = existsSync(AGE) || spawnSync('age', ['--version']).status === 0;

afterEach(() => setLockMode('off'));

async function clinicWithMarker(): Promise<string[]> {
  const pair = await seedPair();
  const ids: string[] = [];
  for (let index = 0; index < 3; index++) {
    const meeting = await logMeeting(
      meetingInput(pair.relationship.id, {
        date: TODAY,
        notes: `${MARKER} #${index}`,
        actionItems: [{ text: `${MARKER} action ${index}`, owner: 'mentee', dueDate: null }],
      }),
    );
    ids.push(meeting.id);
  }
  return ids;
}

async function turnOn() {
  const lock = await createLock(db().name, CLINIC_PASSPHRASE, FAST_SCRYPT);
  await sealClinic(db());
  return lock;
}

/** The stored meetings, their notes and action items as IndexedDB holds them (no reading hooks), as text. */
async function storedText(): Promise<string> {
  const raw = new Dexie(db().name);
  await raw.open();
  try {
    const parts: string[] = [];
    for (const name of ['meetings', 'meetingNotes', 'actionItems', 'relationships'])
      for (const record of await raw.table(name).toArray()) parts.push(JSON.stringify(record));
    return parts.join('\n');
  } finally {
    raw.close();
  }
}

/** The safety database's copies, as stored. */
const storedSafetyCopies = () =>
  storedRows<{ document: Uint8Array; sealedIv?: Uint8Array }>(`${db().name}-safety`, 'copies');

function gunzipText(bytes: Uint8Array): string | null {
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch {
    return null;
  }
}

/** An automatic backup as the desktop app writes it: the page's document, encrypted by the main process. */
async function automaticBackup(ageRecipient: string): Promise<Uint8Array> {
  const document = await makeAutoBackupDocument();
  return encryptToRecipient(document.bytes, ageRecipient);
}

describe('automatic backups with the clinic lock', () => {
  it.skipIf(!hasAge)(
    'decrypt with the age tool and the AGE-SECRET-KEY line of the recovery sheet, notes in the clear inside',
    async () => {
      await clinicWithMarker();
      const lock = await turnOn();
      expect(await storedText()).not.toContain(MARKER);
      const file = await automaticBackup(lock.ageRecipient);
      const folder = mkdtempSync(join(tmpdir(), 'gh-age-lock-'));
      try {
        writeFileSync(join(folder, 'backup.age'), file);
        writeFileSync(join(folder, 'sheet.txt'), `${lock.ageIdentity}\n`);
        execFileSync(
          'age',
          [
            '-d',
            '-i',
            join(folder, 'sheet.txt'),
            '-o',
            join(folder, 'backup.json.gz'),
            join(folder, 'backup.age'),
          ],
          {
            timeout: 60_000,
          },
        );
        const document = JSON.parse(
          gunzipSync(readFileSync(join(folder, 'backup.json.gz'))).toString('utf8'),
        );
        expect(document.format).toBe('guiding-hands-backup');
        expect(document.tables.meetings.map((meeting: { notes: string }) => meeting.notes).sort()).toEqual([
          `${MARKER} #0`,
          `${MARKER} #1`,
          `${MARKER} #2`,
        ]);
        expect(JSON.stringify(document.tables.actionItems)).toContain(`${MARKER} action 1`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );

  it('open in the app with the recovery key, and say so plainly when given a passphrase or the wrong key', async () => {
    await clinicWithMarker();
    const lock = await turnOn();
    const file = await automaticBackup(lock.ageRecipient);
    expect(isRecoverySheetBackup(file)).toBe(true);

    const opened = await openBackup(file, lock.recoveryKey.toLowerCase().replaceAll('-', ' '));
    expect(opened.header.counts.meetings).toBe(3);
    expect((await checkBackupFile(file, lock.recoveryKey)).problemCount).toBe(0);

    await expect(openBackup(file, BACKUP_PASSPHRASE)).rejects.toBeInstanceOf(RecoveryKeyNeededError);
    const otherClinic = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
    await expect(openBackup(file, otherClinic)).rejects.toBeInstanceOf(WrongRecoveryKeyError);
  });

  it('the key ring gives the main process only the public recipient, which the sheet’s identity matches', async () => {
    const lock = await turnOn();
    const ring = await readKeyRing(db().name);
    expect(ring?.ageRecipient).toBe(lock.ageRecipient);
    expect(JSON.stringify(ring)).not.toContain('AGE-SECRET-KEY');
    const decrypter = new Decrypter();
    decrypter.addIdentity(lock.ageIdentity);
    const file = await encryptToRecipient(new TextEncoder().encode('hello'), lock.ageRecipient);
    expect(new TextDecoder().decode(await decrypter.decrypt(file))).toBe('hello');
  });
});

describe('manual backups and restores with the clinic lock', () => {
  it('a manual backup holds the notes in the clear inside its encryption, and opens with its passphrase', async () => {
    await clinicWithMarker();
    await turnOn();
    const backup = await makeBackup({ passphrase: BACKUP_PASSPHRASE, scryptWorkFactor: 10 });
    expect(isRecoverySheetBackup(backup.bytes)).toBe(false);
    const decrypter = new Decrypter();
    decrypter.addPassphrase(BACKUP_PASSPHRASE);
    const text = gunzipText(await decrypter.decrypt(backup.bytes));
    expect(text).toContain(`${MARKER} #2`);
    expect(text).toContain(`${MARKER} action 0`);
    expect(text).not.toContain('$sealed');
  });

  it('a note that does not open does not stop a backup: it is left out and the backup marked, the record named', async () => {
    const ids = await clinicWithMarker();
    await turnOn();
    const raw = new Dexie(db().name);
    await raw.open();
    const first = await raw.table('meetingNotes').get(ids[0]);
    await raw.table('meetingNotes').update(ids[2], { notes: first.notes });
    raw.close();
    const backup = await makeBackup({ passphrase: BACKUP_PASSPHRASE, scryptWorkFactor: 10 });
    expect(backup.header.needsRepair).toEqual({ problemCount: 1 });
    expect(backup.fileName).toMatch(/needs repair\.age$/);
    expect(backup.problems).toEqual([
      expect.objectContaining({ table: 'meetings', recordId: ids[2], field: 'notes' }),
    ]);
    expect(backup.problems[0]?.problem).toMatch(/could not be opened/);
    const decrypter = new Decrypter();
    decrypter.addPassphrase(BACKUP_PASSPHRASE);
    const text = gunzipText(await decrypter.decrypt(backup.bytes));
    expect(text).toContain(`${MARKER} #1`);
    expect(text).toContain(`${MARKER} action 2`);
    expect(text?.split(`${MARKER} #0`)).toHaveLength(2);
    expect(text).not.toContain('$sealed');
    expect(text).not.toContain('$unreadable');
    const auto = await makeAutoBackupDocument();
    expect(auto.problemCount).toBe(1);
    expect(auto.header.needsRepair).toEqual({ problemCount: 1 });
  });

  it('a restore with the lock on seals what it writes, and the app reads the notes back', async () => {
    const ids = await clinicWithMarker();
    await turnOn();
    const backup = await makeBackup({ passphrase: BACKUP_PASSPHRASE, scryptWorkFactor: 10 });
    await updateMeeting(ids[0] as string, {
      ...meetingInput((await getMeeting(ids[0] as string))?.relationshipId as string),
      notes: 'changed after the backup',
    });

    await restoreBackup(await openBackup(backup.bytes, BACKUP_PASSPHRASE));

    expect(await storedText()).not.toContain(MARKER);
    const raw = new Dexie(db().name);
    await raw.open();
    const stored = await raw.table('meetingNotes').get(ids[0]);
    raw.close();
    expect(isSealed(stored.notes)).toBe(true);
    expect((await getMeeting(ids[0] as string))?.notes).toBe(`${MARKER} #0`);
  });

  it('the safety copy a restore keeps is sealed: no marker in it, and it goes back with the clinic unlocked', async () => {
    const ids = await clinicWithMarker();
    await turnOn();
    const backup = await makeBackup({ passphrase: BACKUP_PASSPHRASE, scryptWorkFactor: 10 });
    const outcome = await restoreBackup(await openBackup(backup.bytes, BACKUP_PASSPHRASE));

    const [stored] = await storedSafetyCopies();
    expect(stored?.sealedIv).toBeInstanceOf(Uint8Array);
    expect(gunzipText(stored?.document as Uint8Array)).toBeNull();
    expect(Buffer.from(stored?.document as Uint8Array).includes(Buffer.from('OKAPI'))).toBe(false);

    const copy = await openSafetyCopy(outcome.safetyCopyId as number);
    expect(copy.header.counts.meetings).toBe(3);
    closeSession();
    await expect(openSafetyCopy(outcome.safetyCopyId as number)).rejects.toThrow(/locked/);
    expect(ids).toHaveLength(3);
  });

  it('safety copies made before the lock was turned on are sealed as it is turned on', async () => {
    await clinicWithMarker();
    const backup = await makeBackup({ passphrase: BACKUP_PASSPHRASE, scryptWorkFactor: 10 });
    await restoreBackup(await openBackup(backup.bytes, BACKUP_PASSPHRASE));
    const [plain] = await storedSafetyCopies();
    expect(gunzipText(plain?.document as Uint8Array)).toContain(MARKER);

    await turnOn();

    const [sealed] = await storedSafetyCopies();
    expect(sealed?.sealedIv).toBeInstanceOf(Uint8Array);
    expect(gunzipText(sealed?.document as Uint8Array)).toBeNull();
    const [summary] = await listSafetyCopies();
    expect((await openSafetyCopy(summary?.id as number)).header.counts.meetings).toBe(3);
  });
});
