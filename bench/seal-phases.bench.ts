import Dexie from 'dexie';
import { getDb, switchDatabase, TABLE_NAMES } from '../renderer/data/db';
import { sealRecordsInBulk } from '../renderer/data/lock/bulk-crypto';
import { closeKeyRings, createLock, saveProgress } from '../renderer/data/lock/keyring';
import { isSealed } from '../renderer/data/lock/seal';
import { type BatchWork, walkSealedTables } from '../renderer/data/lock/seal-all';
import { closeSession, setLockMode } from '../renderer/data/lock/session';
import { generateSampleClinic, type SampleClinic } from '../renderer/sample-clinic';
import { BENCH_TODAY } from './fill-database';
import { cpuMs, machineLoad, progress } from './suite';

// Where the time of the sealing walk goes, phase by phase, on the meeting notes of the seal suite's clinic
// (20,000; since schema version 23 in their own table, meetingNotes): each way below runs on a freshly
// filled database and walks the notes only.
// - walk: a copy of the walk's batch (read, seal in chunks overlapping the puts, commit), then the key
//   ring's progress, each phase timed; walk-async-save: the same, the progress saved beside the next batch;
// - new-walk: the app's walkSealedTables itself, at the batch size given;
// - bare: the same batches read and written back unchanged (no crypto, no progress): the floor;
//   bare-relaxed / bare-strict: the same with that durability;
// - walk-nativeread: the copy, the batch read with the object store's getAll;
// - sealed-put: the records sealed beforehand in memory, only written (the write floor of sealed records);
// - crypto: the sealing alone, in memory.
// WAYS lists those run (docs/benchmarks.md, "Where the sealing walk's time goes", has the figures).

export const name = 'seal-phases';

const SIZE = { people: 1_000, relationships: 2_000, meetings: 20_000 };
const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };
const CHUNK = 250;

const SEALING_MEETINGS: BatchWork = {
  needs: (_table, record) => typeof record.notes === 'string',
  change: (table, records) => sealRecordsInBulk(table, records),
};

let clinic: SampleClinic | null = null;
type Row = Record<string, unknown>;

async function fillMeetings(): Promise<void> {
  clinic ??= generateSampleClinic({ seed: 1, size: SIZE, today: BENCH_TODAY });
  const meetings = structuredClone(clinic.meetings) as unknown as Row[];
  const db = getDb();
  await db.transaction('rw', [...TABLE_NAMES.map((table) => db.table(table)), db.meetingNotes], () =>
    db.table('meetings').bulkAdd(meetings),
  );
}

interface Phases {
  [phase: string]: number;
}

const add = (phases: Phases, phase: string, ms: number) => {
  phases[phase] = (phases[phase] ?? 0) + ms;
};

function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
    tx.onerror = () => reject(tx.error);
  });
}

type Way =
  | 'new-walk'
  | 'walk'
  | 'walk-async-save'
  | 'walk-nativeread'
  | 'bare'
  | 'bare-relaxed'
  | 'bare-strict'
  | 'sealed-put'
  | 'crypto';

async function runWay(way: Way, batch: number): Promise<Phases> {
  const dbName = `bench-phases-${way}-${Date.now()}`;
  switchDatabase(dbName);
  const phases: Phases = {};
  try {
    await fillMeetings();
    const db = getDb();
    await createLock(dbName, 'bench seal: harbour-velvet-orchard-lantern', FAST_SCRYPT);
    const startedCpu = await cpuMs();
    const started = performance.now();
    if (way === 'new-walk') {
      await walkSealedTables(db, SEALING_MEETINGS, () => {}, batch);
      phases['left plain'] = (await db.meetingNotes.toCollection().raw().toArray()).filter(
        (record) => !isSealed(record.notes),
      ).length;
    } else if (way === 'crypto') {
      const all = (await db.meetingNotes.toCollection().raw().toArray()) as unknown as Row[];
      const t = performance.now();
      for (let at = 0; at < all.length; at += batch) {
        const slice = all.slice(at, at + batch);
        const chunks: Promise<void>[] = [];
        for (let c = 0; c < slice.length; c += CHUNK)
          chunks.push(sealRecordsInBulk('meetingNotes', slice.slice(c, c + CHUNK)));
        await Promise.all(chunks);
      }
      add(phases, 'crypto', performance.now() - t);
    } else if (way === 'sealed-put') {
      const all = (await db.meetingNotes.toCollection().raw().toArray()) as unknown as Row[];
      await sealRecordsInBulk('meetingNotes', all);
      const t = performance.now();
      const idb = db.backendDB();
      for (let at = 0; at < all.length; at += batch) {
        const tx = idb.transaction('meetingNotes', 'readwrite');
        const store = tx.objectStore('meetingNotes');
        for (const record of all.slice(at, at + batch)) store.put(record);
        await done(tx);
      }
      add(phases, 'put+commit', performance.now() - t);
    } else if (way.startsWith('bare')) {
      const idb = db.backendDB();
      const durability = way === 'bare-relaxed' ? 'relaxed' : way === 'bare-strict' ? 'strict' : 'default';
      let after: string | null = null;
      for (;;) {
        const t0 = performance.now();
        const tx = idb.transaction('meetingNotes', 'readwrite', { durability });
        const finished = done(tx);
        const store = tx.objectStore('meetingNotes');
        const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
        const records = (await idbRequest(store.getAll(range, batch))) as Row[];
        const t1 = performance.now();
        add(phases, 'read', t1 - t0);
        for (const record of records) store.put(record);
        const t2 = performance.now();
        add(phases, 'put (issue)', t2 - t1);
        await finished;
        add(phases, 'commit', performance.now() - t2);
        if (records.length === 0) break;
        after = records[records.length - 1]?.id as string;
        if (records.length < batch) break;
      }
    } else {
      // The walk's batch as in renderer/data/lock/seal-all.ts, each phase timed.
      const table = db.table<Row, string>('meetingNotes');
      let after: string | null = null;
      let saving: Promise<void> | null = null;
      for (;;) {
        const tTx = performance.now();
        let tCommitStart = 0;
        const ids = await db.transaction('rw', table, async (tx) => {
          const t0 = performance.now();
          add(phases, 'tx start', t0 - tTx);
          let records: Row[];
          if (way === 'walk-nativeread') {
            const store = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore(
              'meetingNotes',
            );
            const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
            records = (await Dexie.waitFor(idbRequest(store.getAll(range, batch)))) as Row[];
          } else {
            const collection = after === null ? table.orderBy(':id') : table.where(':id').above(after);
            records = (await collection.limit(batch).raw().toArray()) as Row[];
          }
          const t1 = performance.now();
          add(phases, 'read', t1 - t0);
          const chunks: Row[][] = [];
          for (let at = 0; at < records.length; at += CHUNK) chunks.push(records.slice(at, at + CHUNK));
          const changing = chunks.map((chunk) => sealRecordsInBulk('meetingNotes', chunk));
          const t2 = performance.now();
          add(phases, 'crypto (start)', t2 - t1);
          const store = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore('meetingNotes');
          let waited = 0;
          let putting = 0;
          for (const [at, chunk] of chunks.entries()) {
            const w = performance.now();
            await Dexie.waitFor(changing[at] as Promise<void>);
            const p = performance.now();
            waited += p - w;
            for (const record of chunk) store.put(record);
            putting += performance.now() - p;
          }
          add(phases, 'crypto wait', waited);
          add(phases, 'put (issue)', putting);
          tCommitStart = performance.now();
          return records.map((record) => record.id as string);
        });
        add(phases, 'commit', performance.now() - tCommitStart);
        if (ids.length === 0) break;
        after = ids[ids.length - 1] as string;
        const tp = performance.now();
        if (way === 'walk-async-save') {
          // Saved while the next batch runs; the one before waited for first.
          if (saving) await saving;
          saving = saveProgress(dbName, { table: 'meetingNotes', after });
        } else await saveProgress(dbName, { table: 'meetingNotes', after });
        add(phases, 'save progress', performance.now() - tp);
        if (ids.length < batch) break;
      }
      if (saving) await saving;
    }
    phases.total = performance.now() - started;
    // The CPU time of every browser process over the way (the page, IndexedDB's work, WebCrypto).
    phases.cpu = (await cpuMs()) - startedCpu;
    return phases;
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

// The walk as it was (its own copy below, every phase timed), the walk as it is at three batch sizes,
// and the floor (the same records read and written back unchanged), in an order reversed each round.
const WAYS: [Way, number][] = [
  ['walk', 2000],
  ['walk-async-save', 2000],
  ['new-walk', 2000],
  ['bare', 2000],
  ['new-walk', 5000],
  ['new-walk', 10000],
];
const ROUNDS = Number(new URLSearchParams(location.search).get('rounds') ?? 2);

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const only = new URLSearchParams(location.search).get('ways');
  // `way:batch` (e.g. new-walk:1000) runs that way at that batch size; a bare name, at the sizes of WAYS.
  const sized = only?.includes(':')
    ? only.split(',').map((entry) => {
        const [way, batch] = entry.split(':');
        return [way as Way, Number(batch ?? 2000)] as [Way, number];
      })
    : null;
  const ways = sized ?? WAYS.filter(([way]) => !only || only.split(',').includes(way));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [way, batch] of round % 2 === 1 ? ways : [...ways].reverse()) {
      const load = await machineLoad();
      progress(`seal-phases: round ${round}, ${way} ×${batch}`);
      const phases = await runWay(way, batch);
      figures[`r${round} ${way} ×${batch}`] = `${Object.entries(phases)
        .map(([phase, ms]) => `${phase} ${Math.round(ms)}`)
        .join(', ')} ms (load ${load})`;
    }
  }
  return figures;
}
