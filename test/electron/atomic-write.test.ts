import { mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicWriteFs, writeFileAtomically } from '../../electron/main/services/atomic-write';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gh-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Real file system, except that writing stops after `bytes` bytes with a full-disk error. */
function diskFullAfter(bytes: number): AtomicWriteFs {
  return {
    rename,
    rm,
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await open(path, flags, mode);
      const failingWrite = async (data: Uint8Array | string) => {
        const all = typeof data === 'string' ? Buffer.from(data) : data;
        await handle.write(all.subarray(0, bytes));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
      return Object.assign(Object.create(handle), {
        writeFile: failingWrite,
        close: () => handle.close(),
        sync: () => handle.sync(),
      });
    }) as AtomicWriteFs['open'],
  };
}

describe('atomic file writes', () => {
  it('writes the whole file under its final name and leaves no temporary file', async () => {
    const target = join(folder, 'Clinic 2026-03-01.age');
    const data = new Uint8Array(200_000).map((_, index) => index % 251);
    await writeFileAtomically(target, data);
    expect(new Uint8Array(await readFile(target))).toEqual(data);
    expect(await readdir(folder)).toEqual(['Clinic 2026-03-01.age']);
  });

  it('a failure mid-write leaves no file with the final name', async () => {
    const target = join(folder, 'Clinic 2026-03-01.age');
    await expect(writeFileAtomically(target, new Uint8Array(10_000), diskFullAfter(4096))).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await readdir(folder)).toEqual([]);
  });

  it('a failure mid-write keeps an earlier file of the same name exactly as it was', async () => {
    const target = join(folder, 'Clinic 2026-03-01.age');
    await writeFile(target, 'the earlier backup');
    await expect(writeFileAtomically(target, 'the new backup, longer', diskFullAfter(5))).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await readFile(target, 'utf8')).toBe('the earlier backup');
    expect(await readdir(folder)).toEqual(['Clinic 2026-03-01.age']);
  });

  it('a failure at the final rename keeps the earlier file and removes the temporary one', async () => {
    const target = join(folder, 'report.csv');
    await writeFile(target, 'old');
    const failingRename: AtomicWriteFs = {
      open,
      rm,
      rename: async () => {
        throw new Error('EPERM: operation not permitted, rename');
      },
    };
    await expect(writeFileAtomically(target, 'new', failingRename)).rejects.toThrow(/EPERM/);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['report.csv']);
  });

  it('replaces an earlier file of the same name when the write succeeds', async () => {
    const target = join(folder, 'report.csv');
    await writeFile(target, 'old');
    await writeFileAtomically(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('fails plainly when the folder does not exist', async () => {
    await expect(writeFileAtomically(join(folder, 'missing', 'x.age'), 'x')).rejects.toThrow(/ENOENT/);
  });
});
