import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { encryptWithPassphrase } from '../../electron/main/services/age-passphrase';

const hasAgeTool = spawnSync('age', ['--version']).status === 0;

describe('automatic backups encrypted by the main process', () => {
  it('open with the passphrase in the age reference implementation, and not with another', async () => {
    const plaintext = new TextEncoder().encode('{"format":"guiding-hands-backup"}');
    const file = await encryptWithPassphrase(plaintext, 'tulip-harbour-lantern-42', 10);
    expect(new TextDecoder().decode(file.subarray(0, 22))).toBe('age-encryption.org/v1\n');
    expect(new TextDecoder().decode(file.subarray(0, 200))).toMatch(/\n-> scrypt [A-Za-z0-9+/]{22} 10\n/);
    const decrypter = new Decrypter();
    decrypter.addPassphrase('tulip-harbour-lantern-42');
    expect(await decrypter.decrypt(file)).toEqual(plaintext);
    const wrong = new Decrypter();
    wrong.addPassphrase('tulip-harbour-lantern-43');
    await expect(wrong.decrypt(file)).rejects.toThrow();
  });

  it.skipIf(!hasAgeTool)('open with the standard age command-line tool', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'gh-age-'));
    try {
      const path = join(folder, 'Clinic-auto.age');
      await writeFile(
        path,
        await encryptWithPassphrase(new TextEncoder().encode('records'), 'pass word', 10),
      );
      // The age tool reads a passphrase only from a terminal; `script` gives it one.
      const run = spawnSync('script', ['-qec', `age -d "${path}"`, '/dev/null'], {
        input: 'pass word\n',
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.stdout).toContain('records');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
