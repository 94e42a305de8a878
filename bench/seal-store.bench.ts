import { generateSampleClinic, type SampleClinic } from '../renderer/sample-clinic';
import { BENCH_TODAY } from './fill-database';
import { cpuMs, machineLoad, progress } from './suite';

// What IndexedDB's own work on a meeting record costs, by what the record carries: the meetings of the
// seal suite's clinic (20,000) written plain into a fresh database of one object store, then
// - walk: every record read in batches of 2,000 and written back with its notes replaced by a sealed
//   value made beforehand (no crypto timed: the sealing walk's IndexedDB work alone);
// - read: every record read again in pages of 2,000 (a backup's raw read of the sealed records).
// Each way is a stored shape of the sealed value, or a set of the meetings' indexes:
// - sealed: the stored format ({ $sealed, iv, ct }, two byte arrays), with the three indexes of today
//   (schema version 17 on); sealed-v16: the same with the four indexes before it;
// - bytes: one byte array in place of the field, the version, the IV and the ciphertext (a format change);
// - one-array: { $sealed, v } with the IV and the ciphertext in one byte array (a format change);
// - string: { $sealed, s } with the IV and the ciphertext as a one-byte string (a format change);
// - plain: the notes written back unchanged (the floor);
// - sealed-no-index: today's format, no index at all (the floor of the index entries' cost);
// - notes-table: today's format in a table of the notes alone ({ id, notes }, no secondary index), the
//   shape of schema version 23's meetingNotes (the same notes walked, without the rest of the meeting).
// Plain IndexedDB throughout, no Dexie; the ways alternate, the order reversed each round. Each walk and
// read is timed on the clock and in the CPU time of the browser's processes (steadier under load).
// `ways=reads` (GH_BENCH_WAYS=reads) compares the read alone instead (compareReads below).

export const name = 'seal-store';

const SIZE = { people: 1_000, relationships: 2_000, meetings: 20_000 };
const BATCH = 2000;
const ROUNDS = Number(new URLSearchParams(location.search).get('rounds') ?? 3);

type Row = Record<string, unknown>;
type Shape = 'sealed' | 'bytes' | 'one-array' | 'string' | 'plain';

interface Way {
  name: string;
  shape: Shape;
  indexes: [string, string | string[]][];
  /** The records hold the notes alone ({ id, notes }). */
  notesOnly?: boolean;
}

const ALL_INDEXES: [string, string | string[]][] = [
  ['relationshipId', 'relationshipId'],
  ['date', 'date'],
  ['[relationshipId+date]', ['relationshipId', 'date']],
  ['milestoneId', 'milestoneId'],
];

// The meetings' indexes since schema version 17 (the pairing's own index dropped).
const TODAY_INDEXES = ALL_INDEXES.slice(1);

const WAYS: Way[] = [
  { name: 'sealed', shape: 'sealed', indexes: TODAY_INDEXES },
  { name: 'bytes', shape: 'bytes', indexes: TODAY_INDEXES },
  { name: 'one-array', shape: 'one-array', indexes: TODAY_INDEXES },
  { name: 'string', shape: 'string', indexes: TODAY_INDEXES },
  { name: 'plain', shape: 'plain', indexes: TODAY_INDEXES },
  { name: 'sealed-v16', shape: 'sealed', indexes: ALL_INDEXES },
  { name: 'sealed-no-index', shape: 'sealed', indexes: [] },
  { name: 'notes-table', shape: 'sealed', indexes: [], notesOnly: true },
];

let clinic: SampleClinic | null = null;
const sealedNotes = new Map<string, { iv: Uint8Array; ct: Uint8Array }>();

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
    tx.onerror = () => reject(tx.error);
  });
}

async function prepare(): Promise<void> {
  clinic ??= generateSampleClinic({ seed: 1, size: SIZE, today: BENCH_TODAY });
  if (sealedNotes.size > 0) return;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const encoder = new TextEncoder();
  await Promise.all(
    clinic.meetings.map(async (meeting) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = new Uint8Array(
        await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: encoder.encode(`meetings\u0000${meeting.id}\u0000notes`) },
          key,
          encoder.encode(JSON.stringify(meeting.notes)),
        ),
      );
      sealedNotes.set(meeting.id, { iv, ct });
    }),
  );
}

function sealedValue(shape: Shape, id: string, notes: unknown): unknown {
  const sealed = sealedNotes.get(id);
  if (!sealed || shape === 'plain') return notes;
  // Fresh arrays each time, as a sealing walk makes them.
  if (shape === 'sealed') return { $sealed: 1, iv: sealed.iv.slice(), ct: sealed.ct.slice() };
  if (shape === 'bytes') {
    const bytes = new Uint8Array(1 + sealed.iv.length + sealed.ct.length);
    bytes[0] = 2;
    bytes.set(sealed.iv, 1);
    bytes.set(sealed.ct, 1 + sealed.iv.length);
    return bytes;
  }
  const joined = new Uint8Array(sealed.iv.length + sealed.ct.length);
  joined.set(sealed.iv);
  joined.set(sealed.ct, sealed.iv.length);
  if (shape === 'one-array') return { $sealed: 1, v: joined };
  let text = '';
  for (let at = 0; at < joined.length; at += 4096)
    text += String.fromCharCode(...joined.subarray(at, at + 4096));
  return { $sealed: 1, s: text };
}

async function openStore(dbName: string, way: Way): Promise<IDBDatabase> {
  const opening = indexedDB.open(dbName, 1);
  opening.onupgradeneeded = () => {
    const store = opening.result.createObjectStore('meetings', { keyPath: 'id' });
    for (const [index, keyPath] of way.indexes) store.createIndex(index, keyPath);
  };
  return request(opening);
}

async function runWay(way: Way): Promise<{ walk: number; read: number; walkCpu: number; readCpu: number }> {
  const dbName = `bench-seal-store-${way.name}-${Date.now()}`;
  const idb = await openStore(dbName, way);
  try {
    const all = structuredClone(clinic?.meetings ?? []) as unknown as Row[];
    const meetings = way.notesOnly ? all.map((meeting) => ({ id: meeting.id, notes: meeting.notes })) : all;
    const fill = idb.transaction('meetings', 'readwrite');
    for (const meeting of meetings) fill.objectStore('meetings').add(meeting);
    await done(fill);

    const startedCpu = await cpuMs();
    const started = performance.now();
    let after: string | null = null;
    for (;;) {
      const tx = idb.transaction('meetings', 'readwrite');
      const finished = done(tx);
      const store = tx.objectStore('meetings');
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const records = (await request(store.getAll(range, BATCH))) as Row[];
      for (const record of records) {
        record.notes = sealedValue(way.shape, record.id as string, record.notes);
        store.put(record);
      }
      await finished;
      if (records.length < BATCH) break;
      after = records[records.length - 1]?.id as string;
    }
    const walk = performance.now() - started;
    const walkCpu = (await cpuMs()) - startedCpu;

    const readStartedCpu = await cpuMs();
    const readStarted = performance.now();
    after = null;
    let count = 0;
    for (;;) {
      const tx = idb.transaction('meetings', 'readonly');
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const records = (await request(tx.objectStore('meetings').getAll(range, BATCH))) as Row[];
      count += records.length;
      if (records.length < BATCH) break;
      after = records[records.length - 1]?.id as string;
    }
    const read = performance.now() - readStarted;
    const readCpu = (await cpuMs()) - readStartedCpu;
    if (count !== meetings.length) throw new Error(`read ${count} of ${meetings.length}`);
    return { walk, read, walkCpu, readCpu };
  } finally {
    idb.close();
    await request(indexedDB.deleteDatabase(dbName) as unknown as IDBRequest<unknown>);
  }
}

async function readAll(idb: IDBDatabase): Promise<number> {
  const started = performance.now();
  let after: string | null = null;
  for (;;) {
    const tx = idb.transaction('meetings', 'readonly');
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const records = (await request(tx.objectStore('meetings').getAll(range, BATCH))) as Row[];
    if (records.length < BATCH) break;
    after = records[records.length - 1]?.id as string;
  }
  return performance.now() - started;
}

const SHAPES: Shape[] = ['sealed', 'bytes', 'one-array', 'string', 'plain'];

/**
 * `ways=reads`: the read alone, each shape written once (added, never rewritten: the same history for
 * all) into a database of its own with today's indexes, then every database read in turn, round after
 * round, the order reversed each round.
 */
async function compareReads(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const dbs = new Map<Shape, { name: string; idb: IDBDatabase }>();
  const times = new Map<Shape, number[]>(SHAPES.map((shape) => [shape, []]));
  try {
    for (const shape of SHAPES) {
      const name = `bench-seal-store-read-${shape}-${Date.now()}`;
      const idb = await openStore(name, { name: shape, shape, indexes: TODAY_INDEXES });
      dbs.set(shape, { name, idb });
      const meetings = structuredClone(clinic?.meetings ?? []) as unknown as Row[];
      const fill = idb.transaction('meetings', 'readwrite');
      for (const record of meetings) {
        record.notes = sealedValue(shape, record.id as string, record.notes);
        fill.objectStore('meetings').add(record);
      }
      await done(fill);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      const load = await machineLoad();
      progress(`seal-store: reads, round ${round}`);
      const line: string[] = [];
      for (const shape of round % 2 === 1 ? SHAPES : [...SHAPES].reverse()) {
        const ms = await readAll(dbs.get(shape)?.idb as IDBDatabase);
        times.get(shape)?.push(ms);
        line.push(`${shape} ${Math.round(ms)}`);
      }
      figures[`reads r${round}`] = `${line.join(', ')} ms (load ${load})`;
    }
  } finally {
    for (const { name, idb } of dbs.values()) {
      idb.close();
      await request(indexedDB.deleteDatabase(name) as unknown as IDBRequest<unknown>);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  for (const [shape, values] of times) figures[`reads median ${shape}`] = Math.round(median(values));
  return figures;
}

export async function run(): Promise<Record<string, number | string>> {
  await prepare();
  const only = new URLSearchParams(location.search).get('ways');
  if (only === 'reads') return compareReads();
  const ways = only ? WAYS.filter((way) => only.split(',').includes(way.name)) : WAYS;
  const figures: Record<string, number | string> = {};
  const totals: Record<string, { walk: number[]; read: number[]; walkCpu: number[]; readCpu: number[] }> = {};
  for (let round = 1; round <= ROUNDS; round++) {
    for (const way of round % 2 === 1 ? ways : [...ways].reverse()) {
      const load = await machineLoad();
      progress(`seal-store: round ${round}, ${way.name}`);
      const { walk, read, walkCpu, readCpu } = await runWay(way);
      totals[way.name] ??= { walk: [], read: [], walkCpu: [], readCpu: [] };
      totals[way.name]?.walk.push(walk);
      totals[way.name]?.read.push(read);
      totals[way.name]?.walkCpu.push(walkCpu);
      totals[way.name]?.readCpu.push(readCpu);
      figures[`r${round} ${way.name}`] =
        `walk ${Math.round(walk)} ms (cpu ${walkCpu}), read ${Math.round(read)} ms (cpu ${readCpu}) (load ${load})`;
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  for (const [wayName, { walk, read, walkCpu, readCpu }] of Object.entries(totals))
    figures[`median ${wayName}`] =
      `walk ${Math.round(median(walk))} ms (cpu ${median(walkCpu)}), read ${Math.round(median(read))} ms (cpu ${median(readCpu)})`;
  return figures;
}
