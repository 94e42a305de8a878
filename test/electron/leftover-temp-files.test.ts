import { mkdir, mkdtemp, open, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicWriteFs, writeFileAtomically } from '../../electron/main/services/atomic-write';
import { removeLeftoverTempFiles } from '../../electron/main/services/leftover-temp-files';

let root: string;
const now = new Date('2026-03-02T09:00:00Z');
const twoHoursAgo = new Date(now.getTime() - 2 * 60 * 60 * 1000);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gh-leftovers-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function fileAged(path: string, at: Date, content = 'x'): Promise<void> {
  await writeFile(path, content);
  await utimes(path, at, at);
}

/** An atomic write whose process "dies" before it can clean up: the temporary file stays behind. */
async function leaveTempFileBehind(target: string): Promise<void> {
  const crashing: AtomicWriteFs = {
    open,
    rename: async () => {
      throw new Error('the computer lost power');
    },
    rm: async () => undefined,
  };
  await expect(writeFileAtomically(target, 'half a backup', crashing)).rejects.toThrow(/power/);
}

describe('temporary files left by an interrupted write', () => {
  it('are removed at the next start, and the folder keeps every real file', async () => {
    const backups = join(root, 'backups');
    await mkdir(backups);
    await fileAged(join(backups, 'Clinic 2026-03-01.age'), twoHoursAgo, 'the real backup');
    await leaveTempFileBehind(join(backups, 'Clinic 2026-03-02.age'));
    const [leftover] = (await readdir(backups)).filter((name) => name.endsWith('.partial'));
    await utimes(join(backups, leftover), twoHoursAgo, twoHoursAgo);

    expect(await removeLeftoverTempFiles([backups], now)).toBe(1);
    expect(await readdir(backups)).toEqual(['Clinic 2026-03-01.age']);
  });

  it('never touches a file that only looks similar, a folder, or anything in a subfolder', async () => {
    const folder = join(root, 'shared');
    await mkdir(join(folder, 'archive'), { recursive: true });
    const lookalikes = [
      'notes.partial',
      '.notes.partial',
      '.Clinic.age.ABCDEF123456.partial',
      '.Clinic.age.abc.partial',
      'Clinic.age.0123456789ab.partial',
    ];
    for (const name of lookalikes) await fileAged(join(folder, name), twoHoursAgo);
    await mkdir(join(folder, '.x.age.0123456789ab.partial'));
    await fileAged(join(folder, 'archive', '.old.age.0123456789ab.partial'), twoHoursAgo);

    expect(await removeLeftoverTempFiles([folder], now)).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(
      [...lookalikes, '.x.age.0123456789ab.partial', 'archive'].sort(),
    );
    expect(await readdir(join(folder, 'archive'))).toEqual(['.old.age.0123456789ab.partial']);
  });

  it('leaves a recent temporary file alone: another computer may be writing into a shared folder now', async () => {
    const recent = join(root, '.Clinic-auto.age.0123456789ab.partial');
    await fileAged(recent, new Date(now.getTime() - 5 * 60 * 1000));
    expect(await removeLeftoverTempFiles([root], now)).toBe(0);
    expect(await readdir(root)).toEqual(['.Clinic-auto.age.0123456789ab.partial']);
  });

  it('skips a folder that is missing (a USB stick not plugged in) and cleans the others', async () => {
    await fileAged(join(root, '.auto-backup.json.00ff00ff00ff.partial'), twoHoursAgo);
    expect(await removeLeftoverTempFiles([join(root, 'unplugged'), root], now)).toBe(1);
    expect(await readdir(root)).toEqual([]);
  });
});
