import 'fake-indexeddb/auto';
import { Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { makeBackup, restoreBackupFile } from '../../renderer/data/backup';
import { TABLE_NAMES, tablesOfSchema } from '../../renderer/data/db';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { gunzipText, gzipText } from './backup-documents';
import { dumpDatabase, freshDatabase } from './backup-fixtures';

async function gunzipBackup(bytes: Uint8Array, passphrase: string): Promise<string> {
  const { Decrypter } = await import('age-encryption');
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  return gunzipText(await decrypter.decrypt(bytes));
}

/** The tables a backup of schema `version` does not have yet. */
function laterTables(version: number): string[] {
  const known = new Set<string>(tablesOfSchema(version));
  return TABLE_NAMES.filter((table) => !known.has(table));
}

// Questionnaire records travel through a backup like every other table, and a backup made before
// they existed (schema version 7) restores with them empty.

const PASSPHRASE = 'meadow-copper-violin-19';
const FAST_SCRYPT = 2;

describe('questionnaires in backups', () => {
  it('restores answers, requests for contact and the clinic’s own questionnaires exactly', async () => {
    const source = freshDatabase('questionnaires-source');
    await loadSampleClinic({ seed: 3, size: 'demo', today: '2024-06-15', asSample: true });
    expect(await source.responses.count()).toBeGreaterThan(10);
    expect(await source.supportRequests.count()).toBe(1);
    const original = await dumpDatabase(source);
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const target = freshDatabase('questionnaires-target');
    await restoreBackupFile(backup.bytes, PASSPHRASE);
    expect(await dumpDatabase(target)).toBe(original);
  });

  it('restores a backup of schema version 7, which has no questionnaire tables, with them empty', async () => {
    const source = freshDatabase('schema-3-source');
    await loadSampleClinic({ seed: 3, size: 'demo', today: '2024-06-15' });
    const people = await source.people.count();
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const document = JSON.parse(await gunzipBackup(backup.bytes, PASSPHRASE));
    document.schemaVersion = 7;
    // A version 7 app had no debrief meetings either (version 11).
    for (const meeting of document.tables.meetings) delete meeting.milestoneId;
    for (const table of laterTables(7)) {
      delete document.tables[table];
      delete document.counts[table];
    }
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    document.sha256 = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(document.tables))));
    const encrypter = new Encrypter();
    encrypter.setPassphrase(PASSPHRASE);
    encrypter.setScryptWorkFactor(FAST_SCRYPT);
    const file = await encrypter.encrypt(await gzipText(JSON.stringify(document, null, 1)));

    const target = freshDatabase('schema-3-target');
    await restoreBackupFile(file, PASSPHRASE);
    expect(await target.people.count()).toBe(people);
    expect(await target.responses.count()).toBe(0);
    expect(await target.questionnaires.count()).toBe(0);
    expect(await target.supportRequests.count()).toBe(0);
  });

  it('refuses a version 7 backup that carries a questionnaire table, rather than dropping it', async () => {
    freshDatabase('schema-3-extra');
    await loadSampleClinic({ seed: 3, size: 'demo', today: '2024-06-15' });
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const document = JSON.parse(await gunzipBackup(backup.bytes, PASSPHRASE));
    document.schemaVersion = 7;
    for (const meeting of document.tables.meetings) delete meeting.milestoneId;
    // Only the questionnaire tables are out of place: those of later versions are left out.
    for (const table of laterTables(8)) {
      delete document.tables[table];
      delete document.counts[table];
    }
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    document.sha256 = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(document.tables))));
    const encrypter = new Encrypter();
    encrypter.setPassphrase(PASSPHRASE);
    encrypter.setScryptWorkFactor(FAST_SCRYPT);
    const file = await encrypter.encrypt(await gzipText(JSON.stringify(document)));
    const target = freshDatabase('schema-3-extra-target');
    await expect(restoreBackupFile(file, PASSPHRASE)).rejects.toThrow(/questionnaires/);
    expect(await target.people.count()).toBe(0);
  });
});
