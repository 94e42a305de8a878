import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBackup, openBackup, restoreBackupFile } from '../../renderer/data/backup';
import { BACKUP_FORMAT_VERSION } from '../../renderer/data/backup/format';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../renderer/data/db';
import {
  clinicArbitrary,
  documentRecords,
  dumpDatabase,
  freshDatabase,
  loadTables,
  sortedLikeIndexedDb,
} from './backup-fixtures';

// A backup restored into an empty database gives back exactly the records that went in.

const PASSPHRASE = 'tulip-harbour-quietly-47';
/** Tests only: the app always uses the age default of 18. */
const FAST_SCRYPT = 2;

describe('backup round trip', () => {
  it('restores random clinics (unicode notes, dates, empty tables) exactly as they were', async () => {
    await fc.assert(
      fc.asyncProperty(clinicArbitrary, async (clinic) => {
        const source = freshDatabase('source');
        await loadTables(source, clinic);
        const sourceDump = await dumpDatabase(source);
        const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });

        const target = freshDatabase('target');
        await restoreBackupFile(backup.bytes, PASSPHRASE);

        const restored = Object.fromEntries(
          await Promise.all(TABLE_NAMES.map(async (name) => [name, await documentRecords(target, name)])),
        );
        expect(restored).toEqual(sortedLikeIndexedDb(clinic));
        expect(await dumpDatabase(target)).toBe(sourceDump);
        source.close();
        target.close();
      }),
      { numRuns: 30 },
    );
  });

  it('restores tables larger than a page of reading and a batch of writing, in key order, without gaps or repeats', async () => {
    const [clinic] = fc.sample(clinicArbitrary, { numRuns: 1, seed: 3 });
    const topics = Array.from({ length: 4321 }, (_, index) => ({
      id: `topic-${String(index).padStart(5, '0')}-${index % 7 === 0 ? 'ü' : 'u'}`,
      label: `Topic ${index} 🌿`,
      builtIn: false,
      archived: index % 2 === 0,
    }));
    // More than two batches of writing (10,000 records), read ahead while the ones before are stored.
    const auditLog = Array.from({ length: 24_003 }, (_, index) => ({
      seq: index * 3 + 1,
      at: '2026-01-01T00:00:00.000Z',
      table: 'topics' as const,
      recordId: topics[index % topics.length].id,
      action: 'create' as const,
      fields: ['label'],
    }));
    const big = { ...clinic, topics, auditLog };
    const source = freshDatabase('paged-source');
    await loadTables(source, big);
    const sourceDump = await dumpDatabase(source);
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const target = freshDatabase('paged-target');
    await restoreBackupFile(backup.bytes, PASSPHRASE);
    expect(await target.topics.count()).toBe(topics.length);
    expect(await target.auditLog.count()).toBe(auditLog.length);
    expect(await dumpDatabase(target)).toBe(sourceDump);
  });

  it('restores a clinic with long notes (more bytes than the writer lets wait for the compressor)', async () => {
    const [clinic] = fc.sample(
      clinicArbitrary.filter((candidate) => candidate.relationships.length > 0),
      { numRuns: 1, seed: 11 },
    );
    // 4 KiB per note that gzip cannot shrink.
    const longNote = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(3 * 1024))));
    // Ordinary meetings: none debriefs a milestone (the first one drawn might).
    const { milestoneId: _debriefed, ...first } = clinic.meetings[0] ?? {};
    const meetings = Array.from({ length: 3000 }, (_, index) => ({
      ...first,
      id: `long-${String(index).padStart(5, '0')}`,
      relationshipId: clinic.relationships[index % clinic.relationships.length].id,
      date: '2025-06-01',
      durationMinutes: 30,
      format: 'video' as const,
      topics: [],
      notes: `${index} ${longNote()}`,
      confidential: false,
      createdAt: '2025-06-01T10:00:00.000Z',
      updatedAt: '2025-06-01T10:00:00.000Z',
    }));
    // The meetings are replaced, so nothing may point at the old ones (action items, goal progress).
    const big = { ...clinic, meetings, actionItems: [], goalProgress: [] };
    const source = freshDatabase('long-notes-source');
    await loadTables(source, big);
    const sourceDump = await dumpDatabase(source);
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    // About 12 MiB of text went through the writer (base64 compresses to three quarters).
    expect(backup.bytes.length).toBeGreaterThan(8 * 1024 * 1024);
    const target = freshDatabase('long-notes-target');
    await restoreBackupFile(backup.bytes, PASSPHRASE);
    expect(await dumpDatabase(target)).toBe(sourceDump);
  });

  it('describes what the backup holds before anything is restored', async () => {
    const [clinic] = fc.sample(
      clinicArbitrary.filter((candidate) => candidate.meetings.length > 0 && candidate.settings.length > 0),
      { numRuns: 1, seed: 7 },
    );
    const db = freshDatabase('describe');
    await loadTables(db, clinic);
    const now = new Date('2026-03-01T09:30:00Z');
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT, now });
    const opened = await openBackup(backup.bytes, PASSPHRASE);
    expect(opened.header).toMatchObject({
      format: 'guiding-hands-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt: '2026-03-01T09:30:00.000Z',
      clinicName: clinic.settings[0].clinicName,
    });
    for (const name of TABLE_NAMES) expect(opened.header.counts[name]).toBe(clinic[name].length);
    expect(backup.fileName).toMatch(/ backup 2026-03-01\.age$/);
    db.close();
  });
});
