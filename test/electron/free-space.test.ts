import { mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicWriteFs } from '../../electron/main/services/atomic-write';
import { freeBytesIn, type SpaceFs, writeWithRoomCheck } from '../../electron/main/services/free-space';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gh-free-space-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A disk reporting this many free bytes. */
const diskWithFree = (bytes: number): SpaceFs => ({
  statfs: async () => ({ bavail: bytes / 4096, bsize: 4096 }),
});

/** Real writes that run out of space after `bytes` bytes, as a disk filling up during the write. */
function fillsUpAfter(bytes: number): AtomicWriteFs {
  return {
    rename,
    rm,
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await open(path, flags, mode);
      return Object.assign(Object.create(handle), {
        writeFile: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, bytes));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
        close: () => handle.close(),
        sync: () => handle.sync(),
      });
    }) as AtomicWriteFs['open'],
  };
}

const backup = new Uint8Array(3 * 1024 * 1024).fill(7);

describe('the backup folder’s free space', () => {
  it('is read from the real disk', async () => {
    expect(await freeBytesIn(folder)).toBeGreaterThan(0);
  });

  it('a backup that fits is written whole', async () => {
    await writeWithRoomCheck(join(folder, 'Clinic 2026-03-01.age'), backup);
    expect((await readFile(join(folder, 'Clinic 2026-03-01.age'))).byteLength).toBe(backup.byteLength);
  });

  it('a disk without room is refused before anything is written, in words that say what to do', async () => {
    await writeFile(join(folder, 'Clinic 2026-02-01.age'), 'last month');
    const refused = writeWithRoomCheck(join(folder, 'Clinic 2026-03-01.age'), backup, {
      spaceFs: diskWithFree(2 * 1024 * 1024),
    });
    await expect(refused).rejects.toMatchObject({ code: 'disk-full' });
    const message = await refused.catch((error: Error) => error.message);
    expect(message).toContain(`The disk that holds "${folder}" is full`);
    expect(message).toContain('the file needs about 4.0 MB, 2.0 MB is free');
    expect(message).toContain('nothing was half-written');
    expect(message).toContain('Free some space there or choose another folder');
    expect(await readdir(folder)).toEqual(['Clinic 2026-02-01.age']);
  });

  it('a disk that fills up during the write leaves nothing half-written and says the disk is full', async () => {
    const target = join(folder, 'Clinic 2026-03-01.age');
    await writeFile(target, 'the earlier backup of today');
    const failed = writeWithRoomCheck(target, backup, { writeFs: fillsUpAfter(64 * 1024) });
    await expect(failed).rejects.toMatchObject({ code: 'disk-full' });
    expect(await failed.catch((error: Error) => error.message)).toContain('nothing was half-written');
    expect(await readdir(folder)).toEqual(['Clinic 2026-03-01.age']);
    expect(await readFile(target, 'utf8')).toBe('the earlier backup of today');
  });

  it('a folder whose free space cannot be told (some network shares) is still written to', async () => {
    const unknown: SpaceFs = {
      statfs: async () => {
        throw Object.assign(new Error('ENOSYS'), { code: 'ENOSYS' });
      },
    };
    await writeWithRoomCheck(join(folder, 'a.age'), new Uint8Array([1]), { spaceFs: unknown });
    expect(await readdir(folder)).toEqual(['a.age']);
  });
});
