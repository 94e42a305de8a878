import 'fake-indexeddb/auto';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../renderer/data/backup';
import { TABLE_NAMES } from '../../renderer/data/db';
import { freshDatabase, loadTables, smallClinic } from './backup-fixtures';

// A clinic is never locked in: the standard `age` tool opens a backup made by the app, with the
// passphrase and the default work factor, exactly as docs/backup-format.md says.

const AGE = '/usr/bin/age';
const hasAge = existsSync(AGE) || spawnSync('age', ['--version']).status === 0;
const PASSPHRASE = 'willow-granite-lantern-63';

describe.skipIf(!hasAge)('the age command-line tool', () => {
  it('decrypts a backup made by the app, and the JSON inside has the stated counts and checksum', async () => {
    const db = freshDatabase('age-cli');
    const clinic = smallClinic();
    await loadTables(db, clinic);
    const backup = await makeBackup({ passphrase: PASSPHRASE });
    const folder = mkdtempSync(join(tmpdir(), 'gh-age-'));
    try {
      const file = join(folder, backup.fileName);
      const out = join(folder, 'backup.json.gz');
      writeFileSync(file, backup.bytes);
      // age reads the passphrase from a terminal only; `script` gives it one and feeds it our stdin.
      const command = `age -d -o '${out}' '${file}'`;
      execFileSync('script', ['-qc', command, '/dev/null'], { input: `${PASSPHRASE}\n`, timeout: 60_000 });
      const json = gunzipSync(readFileSync(out)).toString('utf8');
      const document = JSON.parse(json);

      expect(document.format).toBe('guiding-hands-backup');
      for (const name of TABLE_NAMES) {
        expect(document.counts[name]).toBe(clinic[name].length);
        expect(document.tables[name]).toHaveLength(clinic[name].length);
      }
      const hash = createHash('sha256').update(JSON.stringify(document.tables)).digest('hex');
      expect(document.sha256).toBe(hash);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

if (!hasAge) {
  describe('the age command-line tool', () => {
    it.skip('is not installed (Debian package "age"), so the interoperability check cannot run', () => {});
  });
}
