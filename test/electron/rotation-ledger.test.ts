import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutoBackupService, type ProtectedStorage } from '../../electron/main/services/auto-backup';
import type { SpaceFs } from '../../electron/main/services/free-space';
import { parseAutoBackupTime, planRotation } from '../../electron/main/services/rotation';
import type { AutoBackupSettings } from '../../electron/shared/ipc';

// Two computers of one clinic back up into one shared folder under the same clinic name, every day for
// a year, with real files. Each may delete only what it wrote itself.

let root: string;
let shared: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gh-ledger-'));
  shared = join(root, 'Shared backups');
  await mkdir(shared);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const keychain: ProtectedStorage = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (text) => Buffer.from(text),
  decryptStringAsync: async (buffer) => ({ result: buffer.toString(), shouldReEncrypt: false }),
};

const rotation = { daily: 7, weekly: 4, monthly: 12 };
const settings: () => AutoBackupSettings = () => ({
  enabled: true,
  folder: shared,
  onQuit: false,
  daily: true,
  rotation,
});

/** One installation with its own data folder and its own clock. */
async function computer(name: string) {
  const clock = { now: new Date('2026-01-01T00:00:00Z'), spaceFs: undefined as SpaceFs | undefined };
  await mkdir(join(root, name));
  const make = () =>
    new AutoBackupService({
      stateFile: join(root, name, 'auto-backup.json'),
      storage: keychain,
      platform: 'linux',
      now: () => clock.now,
      scryptWorkFactor: 10,
      spaceFs: clock.spaceFs,
    });
  await make().configure({ settings: settings(), passphrase: `${name} passphrase` });
  const written: string[] = [];
  return {
    clock,
    written,
    async backUp(at: Date, content = name) {
      clock.now = at;
      // A fresh service each time, as after a restart: everything it knows comes from its files.
      const result = await make().write({
        fileName: 'Clinic.age',
        data: new TextEncoder().encode(content),
        reason: 'daily',
      });
      written.push(result.path.slice(shared.length + 1));
      return result;
    },
  };
}

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-01-01T00:00:00Z');
const at = (day: number, hour: number) => new Date(start + day * DAY + hour * 60 * 60 * 1000);

describe('rotation over a year in a folder two computers share', () => {
  it('each computer deletes only its own backups, keeps the newest, and ends with the rotation’s set', {
    timeout: 180_000,
  }, async () => {
    const office = await computer('office');
    const frontDesk = await computer('front-desk');
    let tampered = '';

    for (let day = 0; day < 365; day++) {
      const { path, removed } = await office.backUp(at(day, 10));
      // The newest backup is always there, and only the office's own files ever go.
      expect(await readdir(shared)).toContain(path.slice(shared.length + 1));
      for (const gone of removed) expect(office.written).toContain(gone);
      const { removed: removedByFrontDesk } = await frontDesk.backUp(at(day, 14));
      for (const gone of removedByFrontDesk) expect(frontDesk.written).toContain(gone);

      // Day 100: the manager copies a different file over one of the office's backups.
      if (day === 100) {
        tampered = office.written[office.written.length - 2];
        await writeFile(join(shared, tampered), 'replaced by hand');
      }
    }

    const present = new Set(await readdir(shared));
    const remaining = (list: string[]) => list.filter((file) => present.has(file));
    const expected = (list: string[]) =>
      planRotation(
        list.map((file) => ({ name: file, createdAt: parseAutoBackupTime(file) as Date })),
        rotation,
      ).keep.sort();

    // A file that is no longer what the office wrote is never deleted.
    expect(present.has(tampered)).toBe(true);
    expect(
      remaining(office.written)
        .filter((file) => file !== tampered)
        .sort(),
    ).toEqual(expected(office.written));
    expect(remaining(frontDesk.written).sort()).toEqual(expected(frontDesk.written));
    expect(expected(office.written).length).toBeGreaterThanOrEqual(12);
    expect(expected(office.written).length).toBeLessThanOrEqual(23);
  });
});

describe('a clock set back', () => {
  it('never deletes the newest backup, nor any dated after the wrong clock, until the clock passes them', async () => {
    const office = await computer('office');
    for (let day = 0; day < 60; day++) await office.backUp(at(day, 10));
    const beforeFault = new Set(await readdir(shared));

    // Day 60: the computer's battery fails and the clock says 40 days earlier, for three days.
    for (let day = 60; day < 63; day++) {
      const { path, removed } = await office.backUp(at(day - 40, 11));
      const name = path.slice(shared.length + 1);
      expect(await readdir(shared)).toContain(name);
      // Everything dated after the wrong clock stays: those backups cannot be placed in time now.
      for (const file of beforeFault) {
        if ((parseAutoBackupTime(file) as Date) > at(day - 40, 11)) expect(removed).not.toContain(file);
      }
    }
    const newestWrong = office.written[office.written.length - 1];

    // The clock is corrected: rotation resumes, and the backups made meanwhile are placed like any other.
    const { removed } = await office.backUp(at(63, 10));
    expect(removed).not.toContain(office.written[office.written.length - 1]);
    expect(await readdir(shared)).toContain(office.written[office.written.length - 1]);
    expect(removed).toContain(newestWrong);
  });
});

describe('a backup that failed', () => {
  it('runs no rotation: every earlier backup is still there', async () => {
    const office = await computer('office');
    for (let day = 0; day < 20; day++) await office.backUp(at(day, 10));
    const before = (await readdir(shared)).sort();
    office.clock.spaceFs = { statfs: async () => ({ bavail: 0, bsize: 4096 }) };
    await expect(office.backUp(at(40, 10))).rejects.toMatchObject({ code: 'disk-full' });
    expect((await readdir(shared)).sort()).toEqual(before);
  });
});
