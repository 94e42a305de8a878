import Dexie from 'dexie';
import { getDb, switchDatabase, TABLE_NAMES } from '../renderer/data/db';
import { closeKeyRings, createLock } from '../renderer/data/lock/keyring';
import { isSealed } from '../renderer/data/lock/seal';
import { sealClinic } from '../renderer/data/lock/seal-all';
import { SEALED_FIELDS } from '../renderer/data/lock/sealed-fields';
import { closeSession, setLockMode } from '../renderer/data/lock/session';
import { generateSampleClinic, type SampleClinic } from '../renderer/sample-clinic';
import { BENCH_TODAY } from './fill-database';
import { formerSealClinic } from './former-seal-all';
import { machineLoad, seconds } from './suite';

// Turning the clinic lock on, side by side: the sealing walk as it was (bench/former-seal-all.ts) and as
// it is, on the same synthetic clinic (a tenth of the large one: 1,000 people, 2,000 pairs, 20,000
// meetings, with their goals, training, answers…), alternated round by round so that the shared
// machine's load weighs on both alike. Each run fills a fresh database, turns the lock on (a cheap
// scrypt: the key derivation is not what is measured) and seals every sealed field of every table; the
// notes of the meetings come first, and the time they are all sealed is read from the progress.

export const name = 'seal';

const SIZE = { people: 1_000, relationships: 2_000, meetings: 20_000 };
const ROUNDS = 3;
const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };

let clinic: SampleClinic | null = null;

/** Writes the same clinic into the open database each time (a copy: the writes must not share objects). */
async function fill(): Promise<void> {
  clinic ??= generateSampleClinic({ seed: 1, size: SIZE, today: BENCH_TODAY });
  const copy = structuredClone(clinic) as unknown as Record<string, unknown>;
  const db = getDb();
  await db.transaction('rw', [...TABLE_NAMES.map((table) => db.table(table)), db.meetingNotes], async () => {
    for (const table of TABLE_NAMES) {
      if (table === 'auditLog') continue;
      if (table === 'settings') {
        await db.settings.put(copy.settings as never);
        continue;
      }
      const records = (copy[table] as unknown[] | undefined) ?? [];
      if (records.length) await db.table(table).bulkAdd(records);
    }
  });
}

interface Run {
  notesMs: number;
  allMs: number;
  meetings: number;
  records: number;
}

async function sealOnce(way: 'former' | 'now'): Promise<Run> {
  const dbName = `bench-seal-${way}-${Date.now()}`;
  switchDatabase(dbName);
  try {
    await fill();
    const db = getDb();
    const meetings = await db.meetings.count();
    const records = (
      await Promise.all(Object.keys(SEALED_FIELDS).map((table) => db.table(table).count()))
    ).reduce((sum, count) => sum + count, 0);
    await createLock(dbName, 'bench seal: harbour-velvet-orchard-lantern', FAST_SCRYPT);
    let notesAt = Number.NaN;
    const onProgress = ({ done }: { done: number }) => {
      if (Number.isNaN(notesAt) && done >= meetings) notesAt = performance.now();
    };
    const started = performance.now();
    if (way === 'former') await formerSealClinic(db, onProgress);
    else await sealClinic(db, onProgress);
    const allMs = performance.now() - started;
    for (const table of Object.keys(SEALED_FIELDS)) {
      const plain = (await db.table(table).toCollection().raw().toArray()).filter((record) =>
        (SEALED_FIELDS as Record<string, readonly string[]>)[table]?.some((path) => {
          const value = path.split('.').reduce<unknown>((node, part) => (node as never)?.[part], record);
          return value !== null && value !== undefined && !isSealed(value);
        }),
      );
      if (plain.length) throw new Error(`${way}: ${plain.length} records of ${table} left plain`);
    }
    return { notesMs: notesAt - started, allMs, meetings, records };
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

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const former: Run[] = [];
  const now: Run[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const load = await machineLoad();
    // The order alternates too: neither side always runs first.
    const [a, b] =
      round % 2 === 1
        ? [await sealOnce('former'), await sealOnce('now')]
        : await sealOnce('now').then(async (second) => [await sealOnce('former'), second] as const);
    former.push(a);
    now.push(b);
    figures.meetings = a.meetings;
    figures['records with sealed fields, all tables'] = a.records;
    figures[`round ${round}, load at start (1 / 5 / 15 min)`] = load;
    figures[`round ${round}: notes sealed, former / now (s)`] =
      `${seconds(a.notesMs)} / ${seconds(b.notesMs)}`;
    figures[`round ${round}: every sealed field, former / now (s)`] =
      `${seconds(a.allMs)} / ${seconds(b.allMs)}`;
  }
  const notes = [median(former.map((r) => r.notesMs)), median(now.map((r) => r.notesMs))] as const;
  const all = [median(former.map((r) => r.allMs)), median(now.map((r) => r.allMs))] as const;
  figures['notes: median former / now (s)'] = `${seconds(notes[0])} / ${seconds(notes[1])}`;
  figures['notes: former ÷ now'] = ratio(notes[0], notes[1]);
  figures['every sealed field: median former / now (s)'] = `${seconds(all[0])} / ${seconds(all[1])}`;
  figures['every sealed field: former ÷ now'] = ratio(all[0], all[1]);
  return figures;
}
