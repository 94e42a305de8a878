import Dexie from 'dexie';
import { type MadeBackup, makeBackup } from '../renderer/data/backup';
import type { SealedReading } from '../renderer/data/backup/make-backup';
import { getDb, switchDatabase } from '../renderer/data/db';
import { closeKeyRings, createLock, unlockWithPassphrase } from '../renderer/data/lock/keyring';
import { OPENER_MARK } from '../renderer/data/lock/open-in-worker';
import {
  isSealed,
  openSync,
  parseMany,
  readPath,
  SEALED_RECORD_FIELD,
  SEALED_RECORD_PATH,
  type SealedValue,
  sealContext,
  writePath,
} from '../renderer/data/lock/seal';
import { type BatchWork, sealClinic, walkSealedTables } from '../renderer/data/lock/seal-all';
import { SEALED_FIELDS, sealedPathsOf, sealsTogether } from '../renderer/data/lock/sealed-fields';
import { awaitsSealing } from '../renderer/data/lock/sealing';
import { closeSession, dataCryptoKey, dataKey, setLockMode } from '../renderer/data/lock/session';
import { listLatestMeetingsForRelationship } from '../renderer/data/meetings.repo';
import type { Id } from '../renderer/domain/types';
import type { SampleSize } from '../renderer/sample-clinic';
import { fillDatabase } from './fill-database';
import { type Measured, measure, megabytes, progress, seconds } from './suite';

// The clinic lock on the synthetic clinic (10,000 people, 20,000 pairs, 200,000 meetings), in one run:
// a pairing timeline with the lock off, then the lock turned on (real scrypt 2^18) and every note
// sealed, then unlocking and the same timeline with the lock on. Backups: the same clinic is then also
// written plain into a second database (the bench runs in a profile on disk, whose quota holds both), and
// backups of the plain and the sealed one alternate, round after round, so the machine's load (it is
// shared) weighs on both sides alike. `GH_BENCH_SCALE=small` runs it all on a clinic a tenth the size,
// to try a change in minutes.
// Budgets (CLINIC-LOCK.md): unlock ≤ 1.5 s; a timeline adds ≤ 5 ms; sealing 200,000 notes ≤ 90 s;
// a backup with the lock ≤ 1.3× the backup without it.

export const name = 'lock';

const CLINIC_PASSPHRASE = 'bench clinic lock: harbour-velvet-orchard-lantern';
const BACKUP_PASSPHRASE = 'bench-orchard-lantern-velvet-harbour';
const TIMELINE_ROUNDS = 15;

/** The clinic's size: the bench page's `scale` parameter (scripts/bench.mjs sets it from GH_BENCH_SCALE). */
function clinicSize(): { size: SampleSize; label: string; rounds: number } {
  const scale = new URLSearchParams(location.search).get('scale');
  if (scale === 'small')
    return { size: { people: 1_000, relationships: 2_000, meetings: 20_000 }, label: 'small', rounds: 5 };
  return { size: 'large', label: 'large', rounds: 3 };
}

/** `lock=backup` (GH_BENCH_LOCK=backup): only the backups, and where the lock-on backup's extra time goes. */
function backupOnly(): boolean {
  return new URLSearchParams(location.search).get('lock') === 'backup';
}

/** `lock=seal` (GH_BENCH_LOCK=seal): unlock, sealing and the timeline only, no plain twin and no backups. */
function sealOnly(): boolean {
  return new URLSearchParams(location.search).get('lock') === 'seal';
}

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

const spread = (values: number[]) => `${seconds(Math.min(...values))}–${seconds(Math.max(...values))}`;
const loadAverage = async () =>
  ((await window.benchLoadAverage?.()) ?? []).map((value) => value.toFixed(2)).join(' / ');

/**
 * Backups of the plain twin and of the sealed clinic, alternating: each round backs up the plain one
 * (no lock in the page) and the sealed one (unlocked) in each way of opening the notes under test, the
 * order reversed every other round. The unlock between them (scrypt) is not timed.
 */
async function compareBackups(
  sealedName: string,
  plainName: string,
  rounds: number,
  readings: SealedReading[],
  timelinePair: Id | null = null,
  rewrittenTwin: string | null = null,
): Promise<{
  off: Measured<MadeBackup>[];
  offRewritten: Measured<MadeBackup>[];
  on: Map<SealedReading, Measured<MadeBackup>[]>;
  timelines: { off: number[]; on: number[] };
}> {
  const off: Measured<MadeBackup>[] = [];
  const offRewritten: Measured<MadeBackup>[] = [];
  const on = new Map<SealedReading, Measured<MadeBackup>[]>(readings.map((reading) => [reading, []]));
  // The timeline too, in the same alternation: the plain twin's before its backup, the sealed clinic's
  // (unlocked) before its backups, each the median of its 15 opens.
  const timelines = { off: [] as number[], on: [] as number[] };
  // The last round's backups, each profiled alone when the bench asks (GH_BENCH_CONSOLE_PROFILE).
  const profiled = async <T>(round: number, title: string, operation: () => Promise<T>): Promise<T> => {
    if (round !== rounds - 1) return operation();
    console.profile(title);
    try {
      return await operation();
    } finally {
      console.profileEnd(title);
    }
  };
  let round = 0;
  // The two plain twins in turn, the rewritten one first every other round.
  const backupOff = async (rewrittenFirst: boolean) => {
    closeSession();
    setLockMode('off');
    const writtenOnce = async () => {
      switchDatabase(plainName);
      if (timelinePair) timelines.off.push((await timelineMs(timelinePair)).median);
      off.push(
        await profiled(round, 'backup, lock off', () =>
          measure(() => makeBackup({ passphrase: BACKUP_PASSPHRASE })),
        ),
      );
    };
    const rewritten = async () => {
      if (!rewrittenTwin) return;
      switchDatabase(rewrittenTwin);
      offRewritten.push(await measure(() => makeBackup({ passphrase: BACKUP_PASSPHRASE })));
    };
    for (const backup of rewrittenFirst ? [rewritten, writtenOnce] : [writtenOnce, rewritten]) await backup();
  };
  const backupsOn = async (order: SealedReading[]) => {
    switchDatabase(sealedName);
    await unlockWithPassphrase(sealedName, CLINIC_PASSPHRASE);
    if (timelinePair) timelines.on.push((await timelineMs(timelinePair)).median);
    for (const reading of order) {
      performance.clearMarks(OPENER_MARK);
      on.get(reading)?.push(
        await profiled(round, `backup, lock on, ${reading}`, () =>
          measure(() => makeBackup({ passphrase: BACKUP_PASSPHRASE, openSealed: reading })),
        ),
      );
      // A worker that did not start would leave the page to open the values: those figures are not the worker's.
      const ways = performance
        .getEntriesByName(OPENER_MARK)
        .map((mark) => (mark as PerformanceMark).detail?.way);
      if (reading === 'worker' && ways.join() !== 'worker')
        throw new Error(
          `the backup meant to open its values in a worker opened them in: ${ways.join() || 'none'}`,
        );
    }
  };
  for (round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      await backupOff(false);
      await backupsOn(readings);
    } else {
      await backupsOn([...readings].reverse());
      await backupOff(true);
    }
  }
  return { off, offRewritten, on, timelines };
}

/**
 * Rewrites every record of the sealed tables once, unchanged, with the sealing walk's own batches: a plain
 * twin given the storage history the sealing walk gives the sealed clinic (each such record written,
 * then written again). A twin written once is the most compact database there can be; the sealed clinic
 * read beside it pays for its rewrite as well as for its lock.
 */
const REWRITE_UNCHANGED: BatchWork = {
  needs: (table, record) =>
    sealedPathsOf(table).some((path) => {
      const value = readPath(record, path);
      return value !== null && value !== undefined;
    }),
  change: async () => {},
};

const PROFILE_PAGE = 2000;

/** Calls `visit` with each page of a table's stored records, as stored (sealed values not opened). */
async function eachRawPage(table: string, visit: (page: Record<string, unknown>[]) => void): Promise<void> {
  const db = getDb();
  await db.transaction('r', db.table(table), async () => {
    let lastKey: unknown;
    for (let first = true; ; first = false) {
      const collection = first ? db.table(table).toCollection() : db.table(table).where(':id').above(lastKey);
      const page: Record<string, unknown>[] = await collection.limit(PROFILE_PAGE).raw().toArray();
      if (page.length === 0) break;
      visit(page);
      lastKey = page[page.length - 1]?.id;
      if (page.length < PROFILE_PAGE) break;
    }
  });
}

/** Every record of a table, read raw a page at a time as the backup reads it, and the time it took. */
async function readRawPages(table: string): Promise<{ pages: Record<string, unknown>[][]; ms: number }> {
  const pages: Record<string, unknown>[][] = [];
  const started = performance.now();
  await eachRawPage(table, (page) => pages.push(page));
  return { pages, ms: performance.now() - started };
}

/**
 * Every record of every sealed table as stored: how many values the lock stores sealed are plain. A table
 * with one sealed field leaves an empty value plain; a table whose fields are sealed together seals every
 * non-null one, empty or not, so any plain one there counts. After the sealing walk the suite stops unless
 * it is none.
 */
async function valuesLeftPlain(): Promise<number> {
  let left = 0;
  for (const table of Object.keys(SEALED_FIELDS)) {
    const isPlain = sealsTogether(table)
      ? (_path: string, value: unknown) => value !== null && value !== undefined && !isSealed(value)
      : (path: string, value: unknown) => awaitsSealing(table, path, value);
    await eachRawPage(table, (page) => {
      for (const record of page)
        for (const path of sealedPathsOf(table)) if (isPlain(path, readPath(record, path))) left += 1;
    });
  }
  return left;
}

/**
 * Where the lock-on backup's extra time goes, step by step over every sealed table (the sealed clinic
 * unlocked, the plain twin beside it): the raw read of each, the contexts, the WebCrypto decrypts (a
 * page's at once), the UTF-8 decode and JSON parse of the plaintexts, the JSON of the records, and the
 * synchronous AES-GCM the reading hook uses, for comparison.
 */
async function profileBackupSteps(
  sealedName: string,
  plainName: string,
  withSync = false,
): Promise<Record<string, number>> {
  const times = {
    readSealed: 0,
    readPlain: 0,
    contexts: 0,
    decrypt: 0,
    decryptOnly: 0,
    decode: 0,
    parse: 0,
    stringifyOpened: 0,
    stringifyPlain: 0,
    openSync: 0,
    parseMany: 0,
    values: 0,
  };
  const decoder = new TextDecoder();
  for (const table of Object.keys(SEALED_FIELDS)) {
    // A table with several sealed fields keeps them as one value (schema version 25), bound to its own path.
    const paths = sealsTogether(table)
      ? [SEALED_RECORD_FIELD]
      : (SEALED_FIELDS[table as keyof typeof SEALED_FIELDS] as readonly string[]);
    const boundTo = (path: string) => (path === SEALED_RECORD_FIELD ? SEALED_RECORD_PATH : path);
    closeSession();
    setLockMode('off');
    switchDatabase(plainName);
    const plain = await readRawPages(table);
    times.readPlain += plain.ms;
    let started = performance.now();
    for (const page of plain.pages) for (const record of page) JSON.stringify(record);
    times.stringifyPlain += performance.now() - started;
    switchDatabase(sealedName);
    await unlockWithPassphrase(sealedName, CLINIC_PASSPHRASE);
    const sealed = await readRawPages(table);
    times.readSealed += sealed.ms;
    const key = await dataCryptoKey();
    const rawKey = dataKey() as Uint8Array;
    for (const page of sealed.pages) {
      started = performance.now();
      const items: {
        context: Uint8Array;
        value: SealedValue;
        record: Record<string, unknown>;
        path: string;
      }[] = [];
      for (const record of page)
        for (const path of paths) {
          const value = readPath(record, path);
          if (!isSealed(value)) continue;
          items.push({
            context: sealContext(table, record.id as string, boundTo(path)),
            value,
            record,
            path,
          });
        }
      times.contexts += performance.now() - started;
      times.values += items.length;
      started = performance.now();
      const plaintexts = await Promise.all(
        items.map(({ context, value }) =>
          crypto.subtle.decrypt(
            {
              name: 'AES-GCM',
              iv: value.iv as Uint8Array<ArrayBuffer>,
              additionalData: context as Uint8Array<ArrayBuffer>,
            },
            key,
            value.ct as Uint8Array<ArrayBuffer>,
          ),
        ),
      );
      times.decrypt += performance.now() - started;
      started = performance.now();
      const texts = plaintexts.map((bytes) => decoder.decode(bytes));
      times.decode += performance.now() - started;
      started = performance.now();
      const opened = texts.map((text) => JSON.parse(text));
      times.parse += performance.now() - started;
      started = performance.now();
      parseMany(plaintexts.map((bytes) => new Uint8Array(bytes)));
      times.parseMany += performance.now() - started;
      if (withSync) {
        started = performance.now();
        for (const item of items) openSync(rawKey, item.context, item.value);
        times.openSync += performance.now() - started;
      }
      items.forEach((item, index) => {
        writePath(item.record, item.path, opened[index]);
      });
      started = performance.now();
      for (const record of page) JSON.stringify(record);
      times.stringifyOpened += performance.now() - started;
    }
    // The decrypts alone, the page's calls issued together, nothing else in the loop.
    const again = await readRawPages(table);
    for (const page of again.pages) {
      const items = page.flatMap((record) =>
        paths
          .map((path) => ({
            context: sealContext(table, record.id as string, boundTo(path)),
            value: readPath(record, path),
          }))
          .filter((item): item is { context: Uint8Array; value: SealedValue } => isSealed(item.value)),
      );
      started = performance.now();
      await Promise.all(
        items.map(({ context, value }) =>
          crypto.subtle.decrypt(
            {
              name: 'AES-GCM',
              iv: value.iv as Uint8Array<ArrayBuffer>,
              additionalData: context as Uint8Array<ArrayBuffer>,
            },
            key,
            value.ct as Uint8Array<ArrayBuffer>,
          ),
        ),
      );
      times.decryptOnly += performance.now() - started;
    }
  }
  const figures: Record<string, number> = {};
  for (const [step, value] of Object.entries(times))
    figures[`  step: ${step}${step === 'values' ? '' : ' (ms)'}`] = Math.round(value);
  return figures;
}

export async function run(): Promise<Record<string, number | string>> {
  if (backupOnly()) return runBackupsOnly();
  const dbName = `bench-lock-${Date.now()}`;
  const plainName = `${dbName}-plain`;
  const { size, label, rounds } = clinicSize();
  switchDatabase(dbName);
  try {
    await fillDatabase(size);
    const db = getDb();
    const counts = new Map<Id, number>();
    await db.meetings.orderBy('relationshipId').eachKey((key) => {
      counts.set(key as Id, (counts.get(key as Id) ?? 0) + 1);
    });
    const [busiestPairId] = [...counts].sort((a, b) => b[1] - a[1])[0] as [Id, number];
    const meetings = await db.meetings.count();

    const timelineOff = await timelineMs(busiestPairId);
    const db2 = getDb();

    const turnOn = await measure(() => createLock(dbName, CLINIC_PASSPHRASE));
    // The notes come first in the walk (SEALED_FIELDS' order): when the count of records done passes the
    // meetings, every note is sealed; the rest of the walk seals the other tables' text and answers.
    const sealedRecords = (
      await Promise.all(Object.keys(SEALED_FIELDS).map((table) => db2.table(table).count()))
    ).reduce((sum, count) => sum + count, 0);
    // The same count before the sealing: every value there is to seal, so the count after means something.
    const plainBefore = await valuesLeftPlain();
    if (plainBefore === 0)
      throw new Error('no plain value found before the sealing: the count reads nothing');
    const sealingStarted = performance.now();
    let notesSealedAt = Number.NaN;
    const sealing = await measure(() =>
      sealClinic(db2, ({ done }) => {
        if (Number.isNaN(notesSealedAt) && done >= meetings) notesSealedAt = performance.now();
      }),
    );
    const leftPlain = await valuesLeftPlain();
    if (leftPlain > 0) throw new Error(`the sealing walk left ${leftPlain} values plain`);

    closeSession();
    const unlock = await measure(() => unlockWithPassphrase(dbName, CLINIC_PASSPHRASE));
    const timelineOn = await timelineMs(busiestPairId);
    const lockFigures = {
      clinic: label,
      meetings,
      'unlock, real scrypt 2^18 (s)': seconds(unlock.ms),
      'turn the lock on: new key, passphrase slot (s)': seconds(turnOn.ms),
      'seal the notes of every meeting (s)': seconds(notesSealedAt - sealingStarted),
      'records with sealed fields, all tables': sealedRecords,
      'seal every sealed field of every table (s)': seconds(sealing.ms),
      'plain values before the sealing (every record read)': plainBefore,
      'values left plain after the sealing (every record read)': leftPlain,
      'timeline, busiest pair, latest 20, lock off (ms, median of 15)': ms(timelineOff.median),
      '  range off (ms)': `${ms(timelineOff.min)}–${ms(timelineOff.max)}`,
      'timeline, lock on (ms, median of 15)': ms(timelineOn.median),
      '  range on (ms)': `${ms(timelineOn.min)}–${ms(timelineOn.max)}`,
      'timeline: lock adds (ms)': ms(timelineOn.median - timelineOff.median),
    };
    if (sealOnly())
      return { ...lockFigures, 'load average at the end (1 / 5 / 15 min)': await loadAverage() };

    // The plain twin: the same clinic (same seed and day), written with no lock in the page.
    closeSession();
    setLockMode('off');
    switchDatabase(plainName);
    await fillDatabase(size);
    const loadBefore = await loadAverage();
    // The app's way (a worker opens each page's values) and the page's own, side by side.
    const readings: SealedReading[] = ['worker', 'page'];
    const { off, on, timelines } = await compareBackups(dbName, plainName, rounds, readings, busiestPairId);
    const loadAfter = await loadAverage();
    const offMs = off.map((run) => run.ms);
    const backupFigures: Record<string, number | string> = {
      [`timeline alternated, plain twin / sealed clinic (ms, median of ${rounds} rounds' medians)`]: `${ms(median(timelines.off))} / ${ms(median(timelines.on))}`,
      '  timeline alternated: lock adds (ms)': ms(median(timelines.on) - median(timelines.off)),
      "  timeline alternated, each round's off / on (ms)": timelines.off
        .map((value, index) => `${ms(value)}/${ms(timelines.on[index] ?? Number.NaN)}`)
        .join(' '),
      [`backup, lock off (s) [median of ${rounds}]`]: seconds(median(offMs)),
      '  range off (s)': spread(offMs),
    };
    for (const [reading, runs] of on) {
      const onMs = runs.map((run) => run.ms);
      // The file must hold the notes opened: the lock-on backup is about as large as the lock-off one.
      if ((runs[0]?.result.bytes.length ?? 0) < (off[0]?.result.bytes.length ?? 0) * 0.9)
        throw new Error('the lock-on backup is much smaller: were the notes left sealed?');
      const ratios = onMs.map((value, index) => value / (offMs[index] as number));
      Object.assign(backupFigures, {
        [`backup, lock on, ${reading} (s) [median of ${rounds}]`]: seconds(median(onMs)),
        [`  range on, ${reading} (s)`]: spread(onMs),
        [`backup on ÷ off, ${reading} (medians)`]: Math.round((median(onMs) / median(offMs)) * 100) / 100,
        [`  each round's on ÷ off, ${reading}`]: `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
        [`  peak memory on, ${reading} (MB)`]: megabytes(Math.max(...runs.map((run) => run.peakBytes ?? 0))),
      });
    }
    Object.assign(backupFigures, {
      '  peak memory off (MB)': megabytes(Math.max(...off.map((run) => run.peakBytes ?? 0))),
      'backup file, lock off / on (MB)': `${((off[0]?.result.bytes.length ?? 0) / 2 ** 20).toFixed(1)} / ${((on.get('worker')?.[0]?.result.bytes.length ?? 0) / 2 ** 20).toFixed(1)}`,
      'load average during the backups, before (1 / 5 / 15 min)': loadBefore,
      'load average during the backups, after': loadAfter,
    });

    return { ...lockFigures, ...backupFigures };
  } finally {
    getDb().close();
    closeSession();
    setLockMode('off');
    closeKeyRings();
    await Dexie.delete(dbName);
    await Dexie.delete(`${dbName}-keyring`);
    await Dexie.delete(`${dbName}-safety`);
    await Dexie.delete(plainName);
    await Dexie.delete(`${plainName}-safety`);
  }
}

/** The backups alone (GH_BENCH_LOCK=backup): the clinic sealed untimed, then where the time goes and the comparison. */
async function runBackupsOnly(): Promise<Record<string, number | string>> {
  const dbName = `bench-lock-${Date.now()}`;
  const plainName = `${dbName}-plain`;
  const rewrittenName = `${dbName}-plain-rewritten`;
  const { size, label, rounds } = clinicSize();
  switchDatabase(dbName);
  try {
    await fillDatabase(size);
    await createLock(dbName, CLINIC_PASSPHRASE);
    await sealClinic(getDb(), () => undefined);
    closeSession();
    setLockMode('off');
    switchDatabase(plainName);
    await fillDatabase(size);
    // A second plain twin, rewritten once as the sealing walk rewrote the sealed clinic.
    switchDatabase(rewrittenName);
    await fillDatabase(size);
    await walkSealedTables(getDb(), REWRITE_UNCHANGED, () => undefined);
    const ways = (new URLSearchParams(location.search).get('ways') ?? 'steps,worker,page').split(',');
    progress('lock (backups only): the clinic and its plain twins are ready');
    const steps = ways.includes('steps') ? await profileBackupSteps(dbName, plainName) : {};
    if (ways.includes('steps')) progress(`lock (backups only): steps ${JSON.stringify(steps)}`);
    const loadBefore = await loadAverage();
    const readings = (['worker', 'page'] as SealedReading[]).filter((way) => ways.includes(way));
    const { off, offRewritten, on } = await compareBackups(
      dbName,
      plainName,
      rounds,
      readings,
      null,
      rewrittenName,
    );
    const loadAfter = await loadAverage();
    const offMs = off.map((made) => made.ms);
    const rewrittenMs = offRewritten.map((made) => made.ms);
    const figures: Record<string, number | string> = {
      clinic: label,
      ...steps,
      [`backup, lock off, twin written once (s) [median of ${rounds}]`]: seconds(median(offMs)),
      '  range off (s)': spread(offMs),
      [`backup, lock off, twin rewritten once by the walk (s) [median of ${rounds}]`]: seconds(
        median(rewrittenMs),
      ),
      '  range off, rewritten (s)': spread(rewrittenMs),
    };
    for (const [reading, runs] of on) {
      const onMs = runs.map((made) => made.ms);
      const ratios = onMs.map((value, index) => value / (offMs[index] as number));
      const rewrittenRatios = onMs.map((value, index) => value / (rewrittenMs[index] as number));
      Object.assign(figures, {
        [`backup, lock on, ${reading} (s) [median of ${rounds}]`]: seconds(median(onMs)),
        [`  range on, ${reading} (s)`]: spread(onMs),
        [`backup on ÷ off (twin written once), ${reading} (medians)`]:
          Math.round((median(onMs) / median(offMs)) * 100) / 100,
        [`  each round's on ÷ off, ${reading}`]: ratios.map((ratio) => ratio.toFixed(2)).join(' '),
        [`backup on ÷ off (twin rewritten once), ${reading} (medians)`]:
          Math.round((median(onMs) / median(rewrittenMs)) * 100) / 100,
        [`  each round's on ÷ off rewritten, ${reading}`]: rewrittenRatios
          .map((ratio) => ratio.toFixed(2))
          .join(' '),
      });
    }
    return {
      ...figures,
      'load average during the backups, before (1 / 5 / 15 min)': loadBefore,
      'load average during the backups, after': loadAfter,
    };
  } finally {
    getDb().close();
    closeSession();
    setLockMode('off');
    closeKeyRings();
    await Dexie.delete(dbName);
    await Dexie.delete(`${dbName}-keyring`);
    await Dexie.delete(`${dbName}-safety`);
    await Dexie.delete(plainName);
    await Dexie.delete(`${plainName}-safety`);
    await Dexie.delete(rewrittenName);
    await Dexie.delete(`${rewrittenName}-keyring`);
    await Dexie.delete(`${rewrittenName}-safety`);
  }
}
