import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { type MadeBackup, makeBackup, openBackup, restoreBackup } from '../renderer/data/backup';
import { encryptBytes } from '../renderer/data/backup/encryption';
import { CLEAR_ORDER } from '../renderer/data/backup/restore-backup';
import type { BackupTables } from '../renderer/data/backup/schemas';
import { getDb, switchDatabase, TABLE_NAMES } from '../renderer/data/db';
import { generateSampleClinic } from '../renderer/sample-clinic';
import { type Measured, measure, megabytes, peakSoFar, seconds } from './suite';

// Backup and restore of a synthetic clinic (10,000 people, 20,000 pairs, 200,000 meetings with notes),
// each beside a baseline on the same data in the same run:
//   backup  vs. dexie-export-import's plain, unencrypted export;
//   restore vs. a bare clear + bulkAdd of the same rows in one transaction.
// Aims: backup no slower than the export; restore within 1.5× the bulkAdd; peak memory under 4× the data.

export const name = 'backup';

const PASSPHRASE = 'bench-orchard-lantern-velvet-harbour';

function clinicTables(): BackupTables {
  const clinic = generateSampleClinic({ seed: 1, size: 'large', today: '2026-01-15' });
  return {
    people: clinic.people,
    programs: clinic.programs,
    relationships: clinic.relationships,
    meetings: clinic.meetings,
    actionItems: clinic.actionItems,
    topics: clinic.topics,
    questionnaires: clinic.questionnaires,
    responses: clinic.responses,
    supportRequests: clinic.supportRequests,
    milestoneTypes: clinic.milestoneTypes ?? [],
    milestones: clinic.milestones ?? [],
    meetingGuides: [],
    goalAreas: clinic.goalAreas,
    goals: clinic.goals,
    goalProgress: clinic.goalProgress,
    settings: [clinic.settings],
    trainingCourses: clinic.trainingCourses ?? [],
    trainingRecords: clinic.trainingRecords ?? [],
    recognitions: clinic.recognitions ?? [],
    auditLog: [],
  };
}

/** The size of the data: its records as compact JSON, in UTF-8 bytes. */
function dataSize(tables: BackupTables): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const table of TABLE_NAMES)
    for (const record of tables[table]) bytes += encoder.encode(JSON.stringify(record)).length;
  return bytes;
}

/** The restore baseline: what any restore must at least do. */
async function bareClearAndBulkAdd(tables: BackupTables): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [...TABLE_NAMES.map((table) => db.table(table)), db.meetingNotes], async () => {
    // The restore's order: tables holding summaries of others are emptied before what they summarise.
    for (const table of CLEAR_ORDER) await db.table(table).clear();
    for (const table of TABLE_NAMES) await db.table(table).bulkAdd(tables[table]);
  });
}

export async function run(): Promise<Record<string, number | string>> {
  const dbName = `bench-backup-${Date.now()}`;
  const db = switchDatabase(dbName);
  try {
    let tables: BackupTables | null = clinicTables();
    const counts = Object.fromEntries(
      TABLE_NAMES.map((table) => [table, (tables as BackupTables)[table].length]),
    );
    const dataBytes = dataSize(tables);

    await bareClearAndBulkAdd(tables); // fills the database; the timed run below replaces full tables
    const bulkAdd = await measure(() => bareClearAndBulkAdd(tables as BackupTables));
    tables = null; // from here on the records live only in IndexedDB, as in the app

    // The machine is shared: each side runs twice, alternating, and the faster run counts.
    const fastest = <T>(runs: Measured<T>[]) => runs.reduce((best, run) => (run.ms < best.ms ? run : best));
    const exports: Measured<Blob>[] = [];
    const backups: Measured<MadeBackup>[] = [];
    for (let round = 0; round < 2; round += 1) {
      exports.push(await measure(() => exportDB(db)));
      backups.push(await measure(() => makeBackup({ passphrase: PASSPHRASE })));
    }
    const plainExport = fastest(exports);
    const exportBytes = plainExport.result.size;
    const backup = fastest(backups);
    const file = backup.result.bytes;
    const scryptStarted = performance.now();
    await encryptBytes(new Uint8Array(0), PASSPHRASE);
    const scryptMs = performance.now() - scryptStarted;

    let replaceStarted = 0;
    let openedAt = 0;
    let openPeak: number | null = null;
    const restore = await measure(async () => {
      const opened = await openBackup(file, PASSPHRASE);
      openedAt = performance.now();
      openPeak = await peakSoFar();
      await restoreBackup(opened, {
        onProgress: (progress) => {
          if (progress.phase === 'replacing' && replaceStarted === 0) replaceStarted = performance.now();
        },
      });
      return performance.now();
    });
    const restoreStarted = restore.result - restore.ms;
    const openMs = openedAt - restoreStarted;
    const safetyMs = replaceStarted - openedAt;
    const replaceMs = restore.result - replaceStarted;

    const restoredMeetings = await db.meetings.count();
    if (restoredMeetings !== counts.meetings)
      throw new Error(`restore left ${restoredMeetings} meetings, expected ${counts.meetings}`);

    const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;
    return {
      people: counts.people,
      pairs: counts.relationships,
      meetings: counts.meetings,
      actionItems: counts.actionItems,
      'data size (MB, JSON)': megabytes(dataBytes),
      'plain export (s) [backup baseline, best of 2]': seconds(plainExport.ms),
      'plain export size (MB)': megabytes(exportBytes),
      'plain export peak memory (MB)': megabytes(plainExport.peakBytes),
      'backup (s) [best of 2]': seconds(backup.ms),
      'backup ÷ plain export': ratio(backup.ms, plainExport.ms),
      'scrypt key derivation (s) [runs in the worker, overlapped]': seconds(scryptMs),
      'backup file size (MB)': megabytes(file.length),
      'backup peak memory (MB)': megabytes(backup.peakBytes),
      'backup peak ÷ data size': backup.peakBytes === null ? 'n/a' : ratio(backup.peakBytes, dataBytes),
      'clear+bulkAdd (s) [restore baseline]': seconds(bulkAdd.ms),
      'clear+bulkAdd peak memory (MB)': megabytes(bulkAdd.peakBytes),
      'restore (s)': seconds(restore.ms),
      'restore ÷ clear+bulkAdd': ratio(restore.ms, bulkAdd.ms),
      '  open: decrypt, parse, check (s)': seconds(openMs),
      '  safety copy of current data (s)': seconds(safetyMs),
      '  replace in one transaction (s)': seconds(replaceMs),
      'restore without safety copy ÷ clear+bulkAdd': ratio(restore.ms - safetyMs, bulkAdd.ms),
      '  peak memory while opening (MB)': megabytes(openPeak),
      'restore peak memory (MB)': megabytes(restore.peakBytes),
      'restore peak ÷ data size': restore.peakBytes === null ? 'n/a' : ratio(restore.peakBytes, dataBytes),
    };
  } finally {
    db.close();
    await Dexie.delete(dbName);
    await Dexie.delete(`${dbName}-safety`);
  }
}
