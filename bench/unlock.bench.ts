import Dexie from 'dexie';
import { getDb, switchDatabase } from '../renderer/data/db';
import { DEFAULT_SCRYPT, KDF_MARK, prepareKdf } from '../renderer/data/lock/kdf';
import { closeKeyRings, createLock, readKeyRing, unlockWithPassphrase } from '../renderer/data/lock/keyring';
import { sealClinic } from '../renderer/data/lock/seal-all';
import { closeSession, setLockMode } from '../renderer/data/lock/session';
import { machineLoad, measure, seconds } from './suite';

// Unlocking with the real scrypt (N = 2^18, r = 8, p = 1), and what of it is the scrypt itself: the
// derivation alone, timed inside a worker running the app's own derivation code — in WebAssembly (as the
// key worker does) and in JavaScript (its fallback, and the app's way before) — beside the whole
// unlock (key ring read and the try counted, worker, derivation, unwrapping) with the worker started
// cold at Enter and started ahead while the lock screen shows (as the app does). Rounds alternate, so
// the shared machine's load weighs on each alike; medians. Unlock time does not depend on the
// clinic's size (no record is read), so the clinic here is empty. Budget (CLINIC-LOCK.md): 1.5 s.

export const name = 'unlock';

const PASSPHRASE = 'bench clinic lock: harbour-velvet-orchard-lantern';
const ROUNDS = 5;
/** The manager typing the passphrase while the prepared worker loads. */
const TYPING_MS = 800;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The derivation alone, in a worker already started and ready (its load is not counted). */
async function scryptAloneMs(salt: Uint8Array, engine: 'webassembly' | 'javascript'): Promise<number> {
  const worker = new Worker(new URL('./kdf-timing.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<number>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<{ ready?: true; ms?: number }>) => {
        if (event.data.ready)
          worker.postMessage({ passphrase: PASSPHRASE, salt, params: DEFAULT_SCRYPT, engine });
        else resolve(event.data.ms as number);
      };
      worker.onerror = () => reject(new Error('the timing worker failed'));
    });
  } finally {
    worker.terminate();
  }
}

async function unlockMs(dbName: string, prepared: boolean): Promise<number> {
  closeSession();
  if (prepared) {
    prepareKdf();
    await new Promise((resolve) => setTimeout(resolve, TYPING_MS));
  }
  return (await measure(() => unlockWithPassphrase(dbName, PASSPHRASE))).ms;
}

export async function run(): Promise<Record<string, number | string>> {
  const dbName = `bench-unlock-${Date.now()}`;
  switchDatabase(dbName);
  try {
    await createLock(dbName, PASSPHRASE);
    await sealClinic(getDb());
    const slot = (await readKeyRing(dbName))?.slots.find((candidate) => candidate.kind === 'passphrase');
    if (!slot || slot.kind !== 'passphrase' || slot.scrypt.logN !== 18)
      throw new Error('not the real work factor');
    const loadBefore = await machineLoad();
    const alone: number[] = [];
    const aloneJs: number[] = [];
    const cold: number[] = [];
    const prepared: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // The two engines in turn, first one then the other, so neither always runs on a warmer machine.
      if (round % 2 === 0) {
        alone.push(await scryptAloneMs(slot.salt, 'webassembly'));
        aloneJs.push(await scryptAloneMs(slot.salt, 'javascript'));
      } else {
        aloneJs.push(await scryptAloneMs(slot.salt, 'javascript'));
        alone.push(await scryptAloneMs(slot.salt, 'webassembly'));
      }
      cold.push(await unlockMs(dbName, false));
      prepared.push(await unlockMs(dbName, true));
    }
    const engines = performance
      .getEntriesByName(KDF_MARK)
      .map((mark) => ((mark as PerformanceMark).detail as { engine?: string }).engine);
    if (engines.some((engine) => engine !== 'webassembly'))
      throw new Error('an unlock did not use WebAssembly');
    const scrypt = median(alone);
    return {
      [`scrypt 2^18 alone in WebAssembly, in a ready worker (s, median of ${ROUNDS})`]: seconds(scrypt),
      [`scrypt 2^18 alone in JavaScript, in a ready worker (s, median of ${ROUNDS})`]: seconds(
        median(aloneJs),
      ),
      'WebAssembly / JavaScript, scrypt alone': (scrypt / median(aloneJs)).toFixed(2),
      'WebAssembly / JavaScript, each round (the two side by side)': alone
        .map((ms, round) => (ms / (aloneJs[round] as number)).toFixed(2))
        .join(' / '),
      [`unlock, worker started at Enter (s, median of ${ROUNDS})`]: seconds(median(cold)),
      [`unlock, worker started as the lock screen shows (s, median of ${ROUNDS})`]: seconds(median(prepared)),
      'beyond the scrypt, worker started at Enter (ms)': Math.round(median(cold) - scrypt),
      'beyond the scrypt, worker started ahead (ms)': Math.round(median(prepared) - scrypt),
      'rounds, scrypt alone in WebAssembly (s)': alone.map((ms) => seconds(ms)).join(' / '),
      'rounds, scrypt alone in JavaScript (s)': aloneJs.map((ms) => seconds(ms)).join(' / '),
      'rounds, unlock at Enter (s)': cold.map((ms) => seconds(ms)).join(' / '),
      'rounds, unlock prepared (s)': prepared.map((ms) => seconds(ms)).join(' / '),
      'machine load before / after (1, 5, 15 min)': `${loadBefore} — ${await machineLoad()}`,
    };
  } finally {
    getDb().close();
    closeSession();
    setLockMode('off');
    closeKeyRings();
    await Dexie.delete(dbName);
    await Dexie.delete(`${dbName}-keyring`);
  }
}
