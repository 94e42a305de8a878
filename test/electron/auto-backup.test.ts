import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AutoBackupService,
  checkProtectedStorage,
  NO_KEYRING,
  NO_PROTECTED_STORAGE,
  type ProtectedStorage,
} from '../../electron/main/services/auto-backup';
import type { SpaceFs } from '../../electron/main/services/free-space';
import { autoBackupFileName } from '../../electron/main/services/rotation';
import type { AutoBackupSettings } from '../../electron/shared/ipc';

let root: string;
let folder: string;
let stateFile: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gh-auto-backup-'));
  folder = join(root, 'USB stick');
  await mkdir(folder);
  stateFile = join(root, 'userData', 'auto-backup.json');
  await mkdir(join(root, 'userData'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Stands in for the OS keychain: "encrypts" by reversing and marking, so plain text never appears. */
function keychain(options: { available?: boolean; backend?: string } = {}): ProtectedStorage {
  return {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (text) => Buffer.from(`locked:${[...text].reverse().join('')}`),
    decryptStringAsync: async (buffer) => ({
      result: [...buffer.toString().replace(/^locked:/, '')].reverse().join(''),
      shouldReEncrypt: false,
    }),
  };
}

const settingsOn = (overrides: Partial<AutoBackupSettings> = {}): AutoBackupSettings => ({
  enabled: true,
  folder,
  onQuit: true,
  daily: true,
  rotation: { daily: 2, weekly: 0, monthly: 0 },
  ...overrides,
});

function service(
  storage = keychain(),
  platform: NodeJS.Platform = 'linux',
  now = () => new Date('2026-03-01T10:00:00Z'),
  spaceFs?: SpaceFs,
) {
  return new AutoBackupService({ stateFile, storage, platform, now, scryptWorkFactor: 10, spaceFs });
}

async function decrypted(path: string, passphrase: string): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  return decrypter.decrypt(new Uint8Array(await readFile(path)));
}

describe('protected storage for the passphrase', () => {
  it('is available with a real keyring', async () => {
    expect(await checkProtectedStorage(keychain(), 'linux')).toEqual({ available: true, reason: null });
    expect(await checkProtectedStorage(keychain({ backend: 'basic_text' }), 'win32')).toEqual({
      available: true,
      reason: null,
    });
  });

  it('is unavailable when the system offers no encryption', async () => {
    expect(await checkProtectedStorage(keychain({ available: false }), 'win32')).toEqual({
      available: false,
      reason: NO_PROTECTED_STORAGE,
    });
  });

  it('is unavailable on Linux with the basic_text backend, which is plain text in disguise', async () => {
    expect(await checkProtectedStorage(keychain({ backend: 'basic_text' }), 'linux')).toEqual({
      available: false,
      reason: NO_KEYRING,
    });
  });
});

describe('automatic backup settings', () => {
  it('start off, and say so', async () => {
    expect(await service().getStatus()).toMatchObject({
      enabled: false,
      available: true,
      hasPassphrase: false,
      lastAutoBackupAt: null,
    });
  });

  it('keep the passphrase only in protected form, and give it back', async () => {
    const backups = service();
    const status = await backups.configure({
      settings: settingsOn(),
      passphrase: 'tulip-harbour-lantern-42',
    });
    expect(status).toMatchObject({ enabled: true, hasPassphrase: true, folder });
    const onDisk = await readFile(stateFile, 'utf8');
    expect(onDisk).not.toContain('tulip-harbour-lantern-42');
    expect(await service().getPassphrase()).toBe('tulip-harbour-lantern-42');
  });

  it('refuse to turn on where the passphrase cannot be protected, and write nothing', async () => {
    const backups = service(keychain({ backend: 'basic_text' }), 'linux');
    expect(await backups.getStatus()).toMatchObject({
      available: false,
      enabled: false,
      unavailableReason: NO_KEYRING,
    });
    await expect(
      backups.configure({ settings: settingsOn(), passphrase: 'tulip-harbour-lantern-42' }),
    ).rejects.toThrow(NO_KEYRING);
    await expect(readFile(stateFile)).rejects.toThrow(/ENOENT/);
    expect(await backups.getPassphrase()).toBeNull();
  });

  it('refuse to turn on without a folder, with a missing folder, or without a passphrase', async () => {
    const backups = service();
    await expect(
      backups.configure({ settings: settingsOn({ folder: null }), passphrase: 'p' }),
    ).rejects.toThrow('Choose a folder for the automatic backups first.');
    await expect(
      backups.configure({ settings: settingsOn({ folder: join(root, 'unplugged') }), passphrase: 'p' }),
    ).rejects.toThrow(/cannot be found/);
    await expect(backups.configure({ settings: settingsOn(), passphrase: null })).rejects.toThrow(
      /passphrase/,
    );
    expect((await backups.getStatus()).enabled).toBe(false);
  });

  it('forget the passphrase when turned off', async () => {
    const backups = service();
    await backups.configure({ settings: settingsOn(), passphrase: 'tulip-harbour-lantern-42' });
    await backups.configure({ settings: settingsOn({ enabled: false }), passphrase: null });
    expect(await backups.getPassphrase()).toBeNull();
    expect(await readFile(stateFile, 'utf8')).not.toContain('locked:');
  });

  it('are saved on a first run, before the data folder exists', async () => {
    stateFile = join(root, 'fresh profile', 'Guiding Hands', 'auto-backup.json');
    await service().configure({ settings: settingsOn(), passphrase: 'p' });
    expect((await service().getStatus()).enabled).toBe(true);
  });

  it('start from "off" when the settings file is damaged', async () => {
    await writeFile(stateFile, '{ "version": 1, "settings": ');
    expect(await service().getStatus()).toMatchObject({ enabled: false, hasPassphrase: false });
  });
});

describe('writing automatic backups', () => {
  it('writes into the folder under an automatic name and rotates only the backups it wrote itself', async () => {
    let now = new Date('2026-02-26T10:00:00Z');
    await service().configure({ settings: settingsOn(), passphrase: 'p' });
    const ours = () => service(keychain(), 'linux', () => now);
    for (const day of ['2026-02-26', '2026-02-27', '2026-02-28']) {
      now = new Date(`${day}T10:00:00Z`);
      await ours().write({ fileName: 'Clinic.age', data: new Uint8Array([1]), reason: 'daily' });
    }
    // Another computer of the same clinic backs up into the same shared folder, under the same name.
    const theirs = autoBackupFileName('Clinic.age', new Date('2026-02-25T18:00:00Z'));
    await writeFile(join(folder, theirs), 'the front desk computer’s backup');
    await writeFile(join(folder, 'Clinic 2026-01-15.age'), 'made by hand');
    await writeFile(join(folder, 'shopping list.txt'), 'milk');

    now = new Date('2026-03-01T10:00:00Z');
    const result = await ours().write({
      fileName: 'Clinic.age',
      data: new Uint8Array([7, 7, 7]),
      reason: 'daily',
    });

    expect(result.path).toBe(join(folder, 'Clinic-auto-2026-03-01T10-00-00Z.age'));
    expect(await decrypted(result.path, 'p')).toEqual(new Uint8Array([7, 7, 7]));
    // Rotation keeps two days: each write lets this computer's oldest go (02-26 went at the 02-28 write).
    expect(result.removed).toEqual(['Clinic-auto-2026-02-27T10-00-00Z.age']);
    expect((await readdir(folder)).sort()).toEqual(
      [
        'Clinic 2026-01-15.age',
        theirs,
        'Clinic-auto-2026-02-28T10-00-00Z.age',
        'Clinic-auto-2026-03-01T10-00-00Z.age',
        'shopping list.txt',
      ].sort(),
    );
    expect((await service().getStatus()).lastAutoBackupAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('refuses to write while automatic backups are off, or when the folder is gone', async () => {
    const backups = service();
    await expect(
      backups.write({ fileName: 'Clinic.age', data: new Uint8Array([1]), reason: 'manual' }),
    ).rejects.toThrow('Automatic backups are turned off.');
    await backups.configure({ settings: settingsOn(), passphrase: 'p' });
    await rm(folder, { recursive: true });
    await expect(
      backups.write({ fileName: 'Clinic.age', data: new Uint8Array([1]), reason: 'daily' }),
    ).rejects.toThrow(/cannot be found/);
  });
});

describe('when a backup is due', () => {
  it('daily: when a day has passed since the last automatic backup', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const backups = service(keychain(), 'linux', () => now);
    expect(backups.isDailyBackupDue()).toBe(false); // off
    await backups.configure({ settings: settingsOn(), passphrase: 'p' });
    expect(backups.isDailyBackupDue()).toBe(true); // never backed up
    await backups.write({ fileName: 'Clinic.age', data: new Uint8Array([1]), reason: 'daily' });
    now = new Date('2026-03-02T09:59:59Z');
    expect(backups.isDailyBackupDue()).toBe(false);
    now = new Date('2026-03-02T10:00:00Z');
    expect(backups.isDailyBackupDue()).toBe(true);
    await backups.configure({ settings: settingsOn({ daily: false }), passphrase: null });
    expect(backups.isDailyBackupDue()).toBe(false);
  });

  it('on quit: only when turned on with a passphrase kept', async () => {
    const backups = service();
    expect(backups.isQuitBackupWanted()).toBe(false);
    await backups.configure({ settings: settingsOn({ onQuit: true }), passphrase: 'p' });
    expect(backups.isQuitBackupWanted()).toBe(true);
    await backups.configure({ settings: settingsOn({ onQuit: false }), passphrase: null });
    expect(backups.isQuitBackupWanted()).toBe(false);
  });
});

describe('the kept passphrase', () => {
  it('locks the automatic backup in the main process, and the file opens with it alone', async () => {
    const backups = service();
    await backups.configure({ settings: settingsOn(), passphrase: 'tulip-harbour-lantern-42' });
    const document = new TextEncoder().encode('{"format":"guiding-hands-backup"}');
    const result = await backups.write({ fileName: 'Clinic.age', data: document, reason: 'daily' });
    const onDisk = await readFile(result.path);
    expect(onDisk.includes(Buffer.from('guiding-hands-backup'))).toBe(false);
    expect(onDisk.includes(Buffer.from('tulip-harbour-lantern-42'))).toBe(false);
    expect(await decrypted(result.path, 'tulip-harbour-lantern-42')).toEqual(document);
  });

  it('an automatic backup with no passphrase kept is refused, and nothing is written', async () => {
    // Settings left "on" without a passphrase (an older or hand-edited settings file).
    await writeFile(
      stateFile,
      JSON.stringify({
        version: 1,
        settings: settingsOn(),
        encryptedPassphrase: null,
        lastAutoBackupAt: null,
      }),
    );
    await expect(
      service().write({ fileName: 'Clinic.age', data: new Uint8Array([1]), reason: 'daily' }),
    ).rejects.toMatchObject({ code: 'passphrase-needed' });
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('an automatic backup on a full disk', () => {
  it('is refused before writing, keeps every earlier backup (no rotation) and does not count as made', async () => {
    await service().configure({ settings: settingsOn(), passphrase: 'p' });
    const earlier = ['2026-02-26', '2026-02-27', '2026-02-28'].map((day) =>
      autoBackupFileName('Clinic.age', new Date(`${day}T10:00:00Z`)),
    );
    for (const name of earlier) await writeFile(join(folder, name), name);
    const full: SpaceFs = { statfs: async () => ({ bavail: 10, bsize: 4096 }) };
    const backups = service(keychain(), 'linux', () => new Date('2026-03-01T10:00:00Z'), full);
    await expect(
      backups.write({ fileName: 'Clinic.age', data: new Uint8Array(100_000), reason: 'daily' }),
    ).rejects.toMatchObject({ code: 'disk-full' });
    expect((await readdir(folder)).sort()).toEqual([...earlier].sort());
    expect((await service().getStatus()).lastAutoBackupAt).toBeNull();
  });
});

describe('automatic backups with the clinic lock', () => {
  // A key pair as `age-keygen` makes it; the app's comes from the recovery key (data tests cover that).
  const identity = 'AGE-SECRET-KEY-149GZ7USK5HMXP277JW7KVSDQZW3TQ8JCM0XUM7S7TWW9LHT98S6QKA8R78';
  const recipient = 'age1kwqc7469s4rgwtg9fg0tufrdc3gya87aupp2eu0s69y8dknetvaq4twcm4';

  it('are encrypted to the clinic’s recipient, open with its identity, and the settings file holds no secret', async () => {
    const backups = service();
    await backups.configure({ settings: settingsOn(), passphrase: 'tulip-harbour-lantern-42' });
    const status = await backups.useClinicLock({ ageRecipient: recipient });
    expect(status).toMatchObject({ enabled: true, clinicLock: true, hasPassphrase: false });

    const document = new TextEncoder().encode('{"format":"guiding-hands-backup"}');
    const result = await service().write({ fileName: 'Clinic.age', data: document, reason: 'daily' });
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    expect(await decrypter.decrypt(new Uint8Array(await readFile(result.path)))).toEqual(document);

    const onDisk = await readFile(stateFile, 'utf8');
    const kept = JSON.parse(onDisk);
    expect(kept.ageRecipient).toBe(recipient);
    expect(kept.encryptedPassphrase).toBeNull();
    expect(onDisk).not.toContain('locked:');
    expect(onDisk).not.toContain('AGE-SECRET-KEY');
    expect(await service().getPassphrase()).toBeNull();
  });

  it('work where the system has no protected storage: nothing secret needs keeping', async () => {
    const noKeyring = () => service(keychain({ backend: 'basic_text' }), 'linux');
    await noKeyring().useClinicLock({ ageRecipient: recipient });
    const status = await noKeyring().configure({ settings: settingsOn(), passphrase: null });
    expect(status).toMatchObject({ available: true, enabled: true, clinicLock: true });
    expect(noKeyring().isQuitBackupWanted()).toBe(true);
    await expect(
      noKeyring().write({ fileName: 'Clinic.age', data: new Uint8Array([1]), reason: 'daily' }),
    ).resolves.toMatchObject({ removed: [] });
  });

  it('once the lock is turned off, wait for a passphrase again, as before the lock', async () => {
    const backups = service();
    await backups.useClinicLock({ ageRecipient: recipient });
    await backups.configure({ settings: settingsOn(), passphrase: null });
    const status = await backups.useClinicLock({ ageRecipient: null });
    expect(status).toMatchObject({ clinicLock: false, hasPassphrase: false });
    expect(backups.isDailyBackupDue()).toBe(false);
    await expect(
      backups.write({ fileName: 'Clinic.age', data: new Uint8Array([1]), reason: 'daily' }),
    ).rejects.toMatchObject({ code: 'passphrase-needed' });
  });

  it('a settings file from before the lock (version 1) is read as it was', async () => {
    await writeFile(
      stateFile,
      JSON.stringify({
        version: 1,
        settings: settingsOn(),
        encryptedPassphrase: null,
        lastAutoBackupAt: null,
      }),
    );
    expect(await service().getStatus()).toMatchObject({
      enabled: true,
      clinicLock: false,
      hasPassphrase: false,
    });
  });
});
