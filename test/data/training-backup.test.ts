import 'fake-indexeddb/auto';
import { Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { makeBackup, restoreBackupFile } from '../../renderer/data/backup';
import { TABLE_SINCE_SCHEMA } from '../../renderer/data/db';
import { gunzipText } from './backup-documents';
import { dumpDatabase, freshDatabase, loadTables, smallClinic } from './backup-fixtures';

// Training and recognition in backups: they travel and come back exactly; a backup made before they
// existed (schema 5) still restores, with none of them.

const PASSPHRASE = 'lantern-orchard-copper-42';
const FAST_SCRYPT = 2;

async function encryptText(text: string): Promise<Uint8Array> {
  const gzipped = new Uint8Array(
    await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
  );
  const encrypter = new Encrypter();
  encrypter.setPassphrase(PASSPHRASE);
  encrypter.setScryptWorkFactor(FAST_SCRYPT);
  return encrypter.encrypt(gzipped);
}

async function decryptText(bytes: Uint8Array): Promise<string> {
  const { Decrypter } = await import('age-encryption');
  const decrypter = new Decrypter();
  decrypter.addPassphrase(PASSPHRASE);
  return gunzipText(await decrypter.decrypt(bytes));
}

/** A clinic that surely has training and recognition records. */
function clinicWithTraining() {
  const clinic = smallClinic();
  const person = clinic.people[0];
  const stamp = '2025-01-02T03:04:05.000Z';
  clinic.trainingCourses.push({
    id: 'course-basics',
    name: 'Mentor basics',
    provider: 'Regional college',
    renewalMonths: 12,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  });
  clinic.trainingRecords.push({
    id: 'training-1',
    personId: person.id,
    courseId: 'course-basics',
    provider: 'Regional college',
    completedOn: '2024-09-01',
    hours: 7.5,
    renewBy: '2025-09-01',
    createdAt: stamp,
    updatedAt: stamp,
  });
  clinic.recognitions.push({
    id: 'thanks-1',
    personId: person.id,
    kind: 'thanks',
    date: '2024-10-01',
    text: 'Thank you for every Tuesday — “you made nights bearable”.',
    createdAt: stamp,
    updatedAt: stamp,
  });
  return clinic;
}

describe('training and recognition in a backup', () => {
  it('come back exactly as they were after a backup and a restore', async () => {
    const source = freshDatabase('training-source');
    await loadTables(source, clinicWithTraining());
    const before = await dumpDatabase(source);
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const target = freshDatabase('training-target');
    await restoreBackupFile(backup.bytes, PASSPHRASE);
    expect(await dumpDatabase(target)).toBe(before);
    expect((await target.recognitions.get('thanks-1'))?.text).toContain('you made nights bearable');
  });

  it('a backup made before training existed (schema 5) restores, with no training or recognition', async () => {
    freshDatabase('schema-5-source');
    const clinic = clinicWithTraining();
    await loadTables(freshDatabase('schema-5-source'), clinic);
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const document = JSON.parse(await decryptText(backup.bytes));
    document.schemaVersion = 5;
    for (const relationship of document.tables.relationships) delete relationship.mentorTraining;
    for (const meeting of document.tables.meetings) delete meeting.milestoneId;
    for (const table of Object.keys(TABLE_SINCE_SCHEMA)) {
      delete document.tables[table];
      delete document.counts[table];
    }
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    document.sha256 = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(document.tables))));

    const target = freshDatabase('schema-5-target');
    const outcome = await restoreBackupFile(await encryptText(JSON.stringify(document)), PASSPHRASE);
    expect(outcome.counts.people).toBe(clinic.people.length);
    expect(outcome.counts.trainingRecords).toBe(0);
    expect(await target.people.count()).toBe(clinic.people.length);
    expect(await target.trainingCourses.count()).toBe(0);
    expect(await target.trainingRecords.count()).toBe(0);
    expect(await target.recognitions.count()).toBe(0);
  });

  it('refuses a schema 5 backup that holds a table of a later version, instead of losing it quietly', async () => {
    await loadTables(freshDatabase('schema-5-odd'), clinicWithTraining());
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const document = JSON.parse(await decryptText(backup.bytes));
    document.schemaVersion = 5;
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    document.sha256 = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(document.tables))));
    freshDatabase('schema-5-odd-target');
    await expect(restoreBackupFile(await encryptText(JSON.stringify(document)), PASSPHRASE)).rejects.toThrow(
      /does not know/,
    );
  });
});
