import Dexie from 'dexie';
import { type MadeBackup, makeBackup } from '../renderer/data/backup';
import type { SealedReading } from '../renderer/data/backup/make-backup';
import { getDb, switchDatabase } from '../renderer/data/db';
import { closeKeyRings, createLock, unlockWithPassphrase } from '../renderer/data/lock/keyring';
import { sealClinic } from '../renderer/data/lock/seal-all';
import { SEALED_FIELDS } from '../renderer/data/lock/sealed-fields';
import { closeSession, setLockMode } from '../renderer/data/lock/session';
import { listLatestMeetingsForRelationship } from '../renderer/data/meetings.repo';
import type { Id } from '../renderer/domain/types';
import { fillDatabase } from './fill-database';
import { type Measured, measure, seconds } from './suite';

// The clinic lock on the synthetic clinic (10,000 people, 20,000 pairs, 200,000 meetings), in one run:
// a pairing timeline with the lock off, then the lock turned on (real scrypt 2^18) and every note
// sealed, then unlocking and the same timeline with the lock on. Backups: the same clinic is also kept
// plain in a second database, and backups of the plain and the sealed one alternate, so the machine's
// load (it is shared) weighs on both sides alike.
// Budgets (CLINIC-LOCK.md): unlock ≤ 1.5 s; a timeline adds ≤ 5 ms; sealing 200,000 notes ≤ 90 s;
// a backup with the lock ≤ 1.3× the backup without it.

export const name = 'lock';

const CLINIC_PASSPHRASE = 'bench clinic lock: harbour-velvet-orchard-lantern';
const BACKUP_PASSPHRASE = 'bench-orchard-lantern-velvet-harbour';
const TIMELINE_ROUNDS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timelineMs(pairId: Id): Promise<{ median: number; min: number; max: number }> {
  await listLatestMeetingsForRelationship(pairId, 20); // warm-up
  const times: number[] = [];
  for (let round = 0; round < TIMELINE_ROUNDS; round += 1) {
    const started = performance.now();
    const { meetings } = await listLatestMeetingsForRelationship(pairId, 20);
    if (meetings.length === 0 || typeof meetings[0]?.notes !== 'string')
      throw new Error('the timeline did not read its notes');
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const ms = (value: number) => Math.round(value * 10) / 10;
const fastest = <T>(runs: Measured<T>[]) => runs.reduce((best, run) => (run.ms < best.ms ? run : best));

async function backups(rounds: number, openSealed: SealedReading = 'bulk'): Promise<Measured<MadeBackup>> {
  const runs: Measured<MadeBackup>[] = [];
  for (let round = 0; round < rounds; round += 1)
    runs.push(await measure(() => makeBackup({ passphrase: BACKUP_PASSPHRASE, openSealed })));
  return fastest(runs);
}

export async function run(): Promise<Record<string, number | string>> {
  const dbName = `bench-lock-${Date.now()}`;
  switchDatabase(dbName);
  try {
    await fillDatabase('large');
    const db = getDb();
    const counts = new Map<Id, number>();
    await db.meetings.orderBy('relationshipId').eachKey((key) => {
      counts.set(key as Id, (counts.get(key as Id) ?? 0) + 1);
    });
    const [busiestPairId] = [...counts].sort((a, b) => b[1] - a[1])[0] as [Id, number];
    const meetings = await db.meetings.count();

    const timelineOff = await timelineMs(busiestPairId);
    // The backups without the lock, on this very clinic before it is sealed (a second, plain copy of
    // the clinic does not fit in the browser's storage quota beside it any more).
    const backupOff = await backups(2, 'reading-hook');
    const db2 = getDb();

    const turnOn = await measure(() => createLock(dbName, CLINIC_PASSPHRASE));
    // The notes come first in the walk (SEALED_FIELDS' order): when the count of records done passes the
    // meetings, every note is sealed; the rest of the walk seals the other tables' text and answers.
    const sealedRecords = (
      await Promise.all(Object.keys(SEALED_FIELDS).map((table) => db2.table(table).count()))
    ).reduce((sum, count) => sum + count, 0);
    const sealingStarted = performance.now();
    let notesSealedAt = Number.NaN;
    const sealing = await measure(() =>
      sealClinic(db2, ({ done }) => {
        if (Number.isNaN(notesSealedAt) && done >= meetings) notesSealedAt = performance.now();
      }),
    );
    const sealedSample = await db2.meetings.limit(1).raw().toArray();
    if (typeof sealedSample[0]?.notes === 'string') throw new Error('sealClinic left a note plain');

    closeSession();
    const unlock = await measure(() => unlockWithPassphrase(dbName, CLINIC_PASSPHRASE));
    const timelineOn = await timelineMs(busiestPairId);
    const backupOn = await backups(2);
    // The file must hold the notes opened: the lock-on backup is about as large as the lock-off one.
    if (backupOn.result.bytes.length < backupOff.result.bytes.length * 0.9)
      throw new Error('the lock-on backup is much smaller: were the notes left sealed?');

    return {
      meetings,
      'unlock, real scrypt 2^18 (s)': seconds(unlock.ms),
      'turn the lock on: new key, passphrase slot (s)': seconds(turnOn.ms),
      'seal the notes of every meeting (s)': seconds(notesSealedAt - sealingStarted),
      'records with sealed fields, all tables': sealedRecords,
      'seal every sealed field of every table (s)': seconds(sealing.ms),
      'timeline, busiest pair, latest 20, lock off (ms, median of 15)': ms(timelineOff.median),
      '  range off (ms)': `${ms(timelineOff.min)}–${ms(timelineOff.max)}`,
      'timeline, lock on (ms, median of 15)': ms(timelineOn.median),
      '  range on (ms)': `${ms(timelineOn.min)}–${ms(timelineOn.max)}`,
      'timeline: lock adds (ms)': ms(timelineOn.median - timelineOff.median),
      'backup, lock off (s) [best of 2, before sealing]': seconds(backupOff.ms),
      'backup, lock on (s) [best of 2]': seconds(backupOn.ms),
      'backup on ÷ off': Math.round((backupOn.ms / backupOff.ms) * 100) / 100,
      'backup file, lock off / on (MB)': `${(backupOff.result.bytes.length / 2 ** 20).toFixed(1)} / ${(backupOn.result.bytes.length / 2 ** 20).toFixed(1)}`,
    };
  } finally {
    getDb().close();
    closeSession();
    setLockMode('off');
    closeKeyRings();
    await Dexie.delete(dbName);
    await Dexie.delete(`${dbName}-keyring`);
    await Dexie.delete(`${dbName}-safety`);
  }
}
