import 'fake-indexeddb/auto';
import { Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  DiskFullError,
  exportSafetyCopy,
  listSafetyCopies,
  makeBackup,
  openBackup,
  openSafetyCopy,
  RestoreWriteError,
  restoreBackup,
  restoreBackupFile,
} from '../../renderer/data/backup';
import { getStrictDb, TABLE_SINCE_SCHEMA } from '../../renderer/data/db';
import { describeBackupFailure } from '../../renderer/features/backup/backup-errors';
import { dumpDatabase, freshDatabase, loadTables, smallClinic } from './backup-fixtures';
import { injectQuotaExceeded, type QuotaFault, recordTransactions } from './storage-faults';

// What a restore does around the swap itself: the safety copy, all-or-nothing writes, older schemas.

const PASSPHRASE = 'meadow-copper-violin-19';
const FAST_SCRYPT = 2;

async function encryptGzippedText(text: string): Promise<Uint8Array> {
  const gzipped = new Uint8Array(
    await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer(),
  );
  const encrypter = new Encrypter();
  encrypter.setPassphrase(PASSPHRASE);
  encrypter.setScryptWorkFactor(FAST_SCRYPT);
  return encrypter.encrypt(gzipped);
}

/** A backup of the small clinic, made from a database of its own. */
async function backupOfSmallClinic(sourceName: string) {
  await loadTables(freshDatabase(sourceName), smallClinic());
  return makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
}

describe('restore', () => {
  it('a restore that fails half-way inside the transaction changes nothing', async () => {
    const backup = await backupOfSmallClinic('halfway-source');

    const db = freshDatabase('halfway-target');
    const current = smallClinic();
    current.people = current.people.map((person) => ({ ...person, name: `Current ${person.name}` }));
    current.meetings = current.meetings.slice(1);
    await loadTables(db, current);
    const before = await dumpDatabase(db);

    // People and programs are already written when the meetings fail: the whole transaction must undo.
    let meetingsWritten = 0;
    // A restore writes through the strict connection.
    getStrictDb().meetings.hook('creating', () => {
      meetingsWritten += 1;
      if (meetingsWritten === 2) throw new Error('simulated failure while writing meetings');
    });
    const opened = await openBackup(backup.bytes, PASSPHRASE);
    const failure = restoreBackup(opened);
    await expect(failure).rejects.toBeInstanceOf(RestoreWriteError);
    await expect(failure).rejects.toThrow(/nothing was changed/);
    expect(meetingsWritten).toBe(2);
    expect(await dumpDatabase(db)).toBe(before);
  });

  it('keeps a safety copy of the current records that can be restored again', async () => {
    const backup = await backupOfSmallClinic('safety-source');

    const db = freshDatabase('safety-target');
    const current = smallClinic();
    current.people = current.people.map((person) => ({
      ...person,
      name: `Before the restore: ${person.name}`,
    }));
    await loadTables(db, current);
    const before = await dumpDatabase(db);

    const outcome = await restoreBackupFile(backup.bytes, PASSPHRASE);
    expect(await dumpDatabase(db)).not.toBe(before);
    const copies = await listSafetyCopies();
    expect(copies.map((copy) => copy.id)).toEqual([outcome.safetyCopyId]);
    expect(copies[0].header.counts.people).toBe(current.people.length);

    // It can also leave the computer as an ordinary encrypted backup file.
    const saved = await exportSafetyCopy(outcome.safetyCopyId as number, PASSPHRASE, FAST_SCRYPT);
    expect(saved.fileName).toMatch(/safety copy backup \d{4}-\d{2}-\d{2}\.age$/);
    expect((await openBackup(saved.bytes, PASSPHRASE)).header.counts).toEqual(copies[0].header.counts);

    await restoreBackup(await openSafetyCopy(outcome.safetyCopyId as number));
    expect(await dumpDatabase(db)).toBe(before);
  });

  it('keeps the records from before the first restore, however many files are tried after it', async () => {
    const backup = await backupOfSmallClinic('many-source');
    const db = freshDatabase('many-target');
    const original = smallClinic();
    original.people = original.people.map((person) => ({ ...person, name: `Original ${person.name}` }));
    await loadTables(db, original);
    const before = await dumpDatabase(db);

    const outcomes = [];
    for (let attempt = 0; attempt < 5; attempt++)
      outcomes.push(await restoreBackupFile(backup.bytes, PASSPHRASE));
    const copies = await listSafetyCopies();
    // The newest three, and the very first: the manager's own records.
    expect(copies.map((copy) => copy.id)).toEqual([
      outcomes[4].safetyCopyId,
      outcomes[3].safetyCopyId,
      outcomes[2].safetyCopyId,
      outcomes[0].safetyCopyId,
    ]);
    await restoreBackup(await openSafetyCopy(outcomes[0].safetyCopyId as number));
    expect(await dumpDatabase(db)).toBe(before);
  });

  it('a put-back that fails keeps every safety copy, the one it was putting back included', async () => {
    const backup = await backupOfSmallClinic('putback-source');
    const db = freshDatabase('putback-target');
    await loadTables(db, smallClinic());
    for (let attempt = 0; attempt < 4; attempt++) await restoreBackupFile(backup.bytes, PASSPHRASE);
    const copiesBefore = (await listSafetyCopies()).map((copy) => copy.id);
    const oldest = copiesBefore.at(-1) as number;

    getStrictDb().meetings.hook('creating', () => {
      throw new Error('simulated failure');
    });
    await expect(restoreBackup(await openSafetyCopy(oldest))).rejects.toBeInstanceOf(RestoreWriteError);
    const copiesAfter = (await listSafetyCopies()).map((copy) => copy.id);
    expect(copiesAfter).toEqual(expect.arrayContaining(copiesBefore));
    expect(copiesAfter).toHaveLength(copiesBefore.length + 1);
  });

  it('commits the replacement strictly, so the restored records survive a power cut right after "Done"', async () => {
    const backup = await backupOfSmallClinic('strict-source');
    await loadTables(freshDatabase('strict-target'), smallClinic());
    const opened = await openBackup(backup.bytes, PASSPHRASE);
    const recording = recordTransactions();
    try {
      await restoreBackup(opened);
    } finally {
      recording.stop();
    }
    const replacing = recording.transactions.filter(
      (transaction) => transaction.mode === 'readwrite' && transaction.stores.includes('meetings'),
    );
    expect(replacing).toHaveLength(1);
    expect(replacing[0].durability).toBe('strict');
    const safetyCopyWrites = recording.transactions.filter(
      (transaction) => transaction.mode === 'readwrite' && transaction.stores.includes('copies'),
    );
    expect(safetyCopyWrites.length).toBeGreaterThan(0);
    expect(safetyCopyWrites.every((transaction) => transaction.durability === 'strict')).toBe(true);
  });

  for (const fault of ['commit', 'request'] as QuotaFault[])
    it(`a full disk during the replacement (${fault}) says so in plain words and changes nothing`, async () => {
      const backup = await backupOfSmallClinic(`full-${fault}-source`);
      const db = freshDatabase(`full-${fault}-target`);
      const current = smallClinic();
      current.people = current.people.map((person) => ({ ...person, name: `Current ${person.name}` }));
      await loadTables(db, current);
      const before = await dumpDatabase(db);
      const opened = await openBackup(backup.bytes, PASSPHRASE);
      let healDisk: (() => void) | null = null;
      const failure = restoreBackup(opened, {
        // The safety copy is kept; the disk fills as the tables are replaced.
        onProgress: (progress) => {
          if (progress.phase === 'replacing' && healDisk === null) healDisk = injectQuotaExceeded(fault);
        },
      });
      try {
        await expect(failure).rejects.toBeInstanceOf(DiskFullError);
        await expect(failure).rejects.toThrow(
          /disk of this computer is full.*Nothing was changed.*Free some space on the disk.*try again/,
        );
      } finally {
        (healDisk as (() => void) | null)?.();
      }
      expect(healDisk).not.toBeNull();
      expect(await dumpDatabase(db)).toBe(before);
      // The Backups screen shows these very words.
      const shown = await failure.catch((error: unknown) => describeBackupFailure(error, 'restoring'));
      expect(shown).toMatch(
        /^The disk of this computer is full, so the backup could not be restored\. Nothing was changed/,
      );
    });

  it('keeps the records from before the first restore for 30 days after a restore, not forever', async () => {
    const backup = await backupOfSmallClinic('thirty-source');
    const opened = await openBackup(backup.bytes, PASSPHRASE);
    await loadTables(freshDatabase('thirty-target'), smallClinic());
    const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 9));
    const ids: (number | null)[] = [];
    for (let attempt = 0; attempt < 5; attempt++)
      ids.push((await restoreBackup(opened, { now: day(attempt) })).safetyCopyId);
    expect((await listSafetyCopies()).map((copy) => copy.id)).toContain(ids[0]);
    await restoreBackup(opened, { now: day(29) });
    expect((await listSafetyCopies()).map((copy) => copy.id)).toContain(ids[0]);
    await restoreBackup(opened, { now: day(31) });
    const kept = (await listSafetyCopies()).map((copy) => copy.id);
    expect(kept).not.toContain(ids[0]);
    expect(kept.length).toBeLessThanOrEqual(4);
  });

  it('puts back records from before a rule was tightened, exactly as they were', async () => {
    const backup = await backupOfSmallClinic('old-rules-source');
    const db = freshDatabase('old-rules-target');
    const old = smallClinic();
    // Kept from an older version of the app: today's forms would refuse both.
    old.people[0].mentorCapacity = 99;
    old.meetings[0].date = '0201-03-04';
    await loadTables(db, old);
    const before = await dumpDatabase(db);
    const outcome = await restoreBackupFile(backup.bytes, PASSPHRASE);
    await restoreBackup(await openSafetyCopy(outcome.safetyCopyId as number));
    expect(await dumpDatabase(db)).toBe(before);
  });

  it('an empty database needs no safety copy', async () => {
    const backup = await backupOfSmallClinic('no-safety-source');
    freshDatabase('no-safety-target');
    const outcome = await restoreBackupFile(backup.bytes, PASSPHRASE);
    expect(outcome.safetyCopyId).toBeNull();
    expect(await listSafetyCopies()).toEqual([]);
  });

  it('restores a backup laid out line by line but with its tables in another order', async () => {
    const source = freshDatabase('reordered-source');
    const clinic = smallClinic();
    await loadTables(source, clinic);
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const original = await dumpDatabase(source);
    const { Decrypter } = await import('age-encryption');
    const decrypter = new Decrypter();
    decrypter.addPassphrase(PASSPHRASE);
    const text = await new Response(
      new Blob([(await decrypter.decrypt(backup.bytes)) as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream('gzip')),
    ).text();
    const document = JSON.parse(text);
    // Action items and meetings before the pairs and people they point at.
    const order = [
      'supportRequests',
      'responses',
      'questionnaires',
      'goalProgress',
      'goals',
      'goalAreas',
      'actionItems',
      'meetings',
      'recognitions',
      'trainingRecords',
      'trainingCourses',
      'milestones',
      'milestoneTypes',
      'meetingGuides',
      'topics',
      'auditLog',
      'settings',
      'relationships',
      'programs',
      'people',
    ];
    const tables = Object.fromEntries(order.map((name) => [name, document.tables[name]]));
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    const { tables: _, sha256: __, ...header } = document;
    const lines = [`${JSON.stringify(header).slice(0, -1)},"tables":{`];
    order.forEach((name, index) => {
      lines.push(`${JSON.stringify(name)}:[`);
      const records: unknown[] = tables[name];
      for (const [at, record] of records.entries())
        lines.push(`${JSON.stringify(record)}${at < records.length - 1 ? ',' : ''}`);
      lines.push(index < order.length - 1 ? '],' : ']');
    });
    lines.push(`},"sha256":"${bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(tables))))}"}`);

    const target = freshDatabase('reordered-target');
    const outcome = await restoreBackupFile(await encryptGzippedText(`${lines.join('\n')}\n`), PASSPHRASE);
    expect(outcome.counts.meetings).toBe(clinic.meetings.length);
    expect(await dumpDatabase(target)).toBe(original);
  });

  it('brings a backup of schema version 1 up to date on the way in', async () => {
    const source = freshDatabase('schema-1');
    const clinic = smallClinic();
    await loadTables(source, clinic);
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const { Decrypter } = await import('age-encryption');
    const decrypter = new Decrypter();
    decrypter.addPassphrase(PASSPHRASE);
    const text = await new Response(
      new Blob([(await decrypter.decrypt(backup.bytes)) as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream('gzip')),
    ).text();
    // A version-1 backup: relationships had no lastMeetingDate yet.
    const document = JSON.parse(text);
    document.schemaVersion = 1;
    for (const relationship of document.tables.relationships) delete relationship.lastMeetingDate;
    // Nor the tables added later, nor a debrief's milestone.
    for (const table of Object.keys(TABLE_SINCE_SCHEMA)) {
      delete document.tables[table];
      delete document.counts[table];
    }
    for (const meeting of document.tables.meetings) delete meeting.milestoneId;
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    document.sha256 = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(document.tables))));

    const target = freshDatabase('schema-1-target');
    await restoreBackupFile(await encryptGzippedText(JSON.stringify(document, null, 2)), PASSPHRASE);
    const restored = await target.relationships.toArray();
    expect(restored).toHaveLength(clinic.relationships.length);
    for (const relationship of restored) {
      const dates = clinic.meetings
        .filter((meeting) => meeting.relationshipId === relationship.id)
        .map((meeting) => meeting.date)
        .sort();
      expect(relationship.lastMeetingDate).toBe(dates.at(-1) ?? null);
    }
    expect(await target.meetings.count()).toBe(clinic.meetings.length);
  });
});

describe('backups made before milestones existed', () => {
  /** The app's own backup of a clinic, rewritten as the version before milestones wrote it: without the newer tables. */
  async function schema6Backup(layout: 'app' | 'reformatted') {
    const source = freshDatabase('schema-6');
    await loadTables(source, smallClinic());
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });
    const { Decrypter } = await import('age-encryption');
    const decrypter = new Decrypter();
    decrypter.addPassphrase(PASSPHRASE);
    const text = await new Response(
      new Blob([(await decrypter.decrypt(backup.bytes)) as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream('gzip')),
    ).text();
    const document = JSON.parse(text);
    // The last version before milestones.
    document.schemaVersion = (TABLE_SINCE_SCHEMA.milestones ?? 0) - 1;
    for (const table of ['milestoneTypes', 'milestones', 'meetingGuides']) {
      delete document.tables[table];
      delete document.counts[table];
    }
    for (const meeting of document.tables.meetings) delete meeting.milestoneId;
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    document.sha256 = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(document.tables))));
    if (layout === 'reformatted') return encryptGzippedText(JSON.stringify(document, null, 2));
    // The app's own line layout: the header line, one line a record, tables in order.
    const { tables, sha256: hash, ...header } = document;
    const lines = [`${JSON.stringify(header).slice(0, -1)},"tables":{`];
    const names = Object.keys(tables);
    names.forEach((name, index) => {
      lines.push(`${JSON.stringify(name)}:[`);
      const records: unknown[] = tables[name];
      for (const [at, record] of records.entries())
        lines.push(`${JSON.stringify(record)}${at < records.length - 1 ? ',' : ''}`);
      lines.push(index < names.length - 1 ? '],' : ']');
    });
    lines.push(`},"sha256":"${hash}"}`);
    return encryptGzippedText(lines.join('\n'));
  }

  for (const layout of ['app', 'reformatted'] as const)
    it(`restore, with no milestones and the guides as shipped (${layout} layout)`, async () => {
      const bytes = await schema6Backup(layout);
      const target = freshDatabase(`schema-6-target-${layout}`);
      await restoreBackupFile(bytes, PASSPHRASE);
      expect(await target.milestones.count()).toBe(0);
      expect(await target.milestoneTypes.count()).toBe(0);
      expect(await target.meetingGuides.count()).toBe(0);
      expect(await target.meetings.count()).toBeGreaterThan(0);
    });
});

describe('restore and the dashboard indexes', () => {
  it('a restored clinic is listed on the dashboard exactly as before the backup', async () => {
    const { loadDashboard } = await import('../../renderer/data/dashboard.repo');
    const { loadSampleClinic } = await import('../../renderer/sample-clinic/load-sample-clinic');
    freshDatabase('dashboard-source');
    await loadSampleClinic({ seed: 1, size: 'demo', today: '2024-06-15' });
    const before = await loadDashboard('2024-06-15');
    expect(before.overdue.length + before.pastDueActions.length).toBeGreaterThan(0);
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT });

    // The backup carries no index field (its schema refuses unknown fields); the restore computes them.
    freshDatabase('dashboard-target');
    await restoreBackupFile(backup.bytes, PASSPHRASE);
    expect(await loadDashboard('2024-06-15')).toEqual(before);
  });
});
