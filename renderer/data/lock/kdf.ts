import { scrypt, scryptAsync } from '@noble/hashes/scrypt.js';

// The passphrase's key: scrypt, the primitive and cost the backups use (N = 2^18, r = 8, p = 1). It
// runs in a worker so the window never freezes for the second or so it takes, in WebAssembly there
// (kdf-wasm.ts; the JavaScript scrypt below where WebAssembly cannot be compiled); where there are no
// workers (tests in Node) it runs here in JavaScript, yielding to the event loop as it goes. The worker is started
// ahead (holdKdf, as the lock screen or another passphrase form shows), so its code is loaded and
// compiled while the manager types, not after Enter; each worker derives one key and is ended. While a
// form shows, one worker waits; once none does, or the clinic locks, the waiting worker is ended.

export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { logN: 18, r: 8, p: 1 };

export interface KdfRequest {
  passphrase: string;
  salt: Uint8Array;
  params: ScryptParams;
}

function scryptOptions({ logN, r, p }: ScryptParams) {
  return { N: 2 ** logN, r, p, dkLen: 32, maxmem: 2 ** (logN + 11) };
}

/** On the page's own thread: yields to the event loop as it goes, so nothing else waits long. */
export function deriveInline(request: KdfRequest): Promise<Uint8Array> {
  return scryptAsync(request.passphrase.normalize('NFC'), request.salt, scryptOptions(request.params));
}

/** In the worker, where nothing else waits: in one go, without the pauses of deriveInline. */
export function deriveAtOnce(request: KdfRequest): Uint8Array {
  return scrypt(request.passphrase.normalize('NFC'), request.salt, scryptOptions(request.params));
}

function startWorker(): Worker {
  return new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
}

/** A worker started ahead, waiting for the next passphrase. */
let standby: Worker | null = null;
/** Passphrase forms showing now (holdKdf): while there are none, no worker waits. */
let holders = 0;

function endStandby(): void {
  standby?.terminate();
  standby = null;
}

/**
 * Starts the worker of the next derivation now, so that loading its code does not add to the wait once
 * the passphrase is typed. Harmless to call again: one worker waits at most.
 */
export function prepareKdf(): void {
  if (standby || typeof Worker === 'undefined') return;
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return; // deriveKey starts one when needed, or says why it cannot
  }
  // A worker whose code failed to load is dropped before anyone waits on it; the next derivation (or
  // the next form shown) starts another.
  worker.onerror = () => {
    if (standby === worker) standby = null;
    worker.terminate();
  };
  standby = worker;
}

/**
 * A passphrase form shows: the worker of its derivation is started now, or the one waiting already is
 * kept for it. Returns the release, for when the form closes: once no form holds it, the waiting worker
 * is ended, so none outlives the forms. Calling the release again does nothing.
 */
export function holdKdf(): () => void {
  holders += 1;
  prepareKdf();
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holders -= 1;
    if (holders === 0) endStandby();
  };
}

/** A wrong passphrase: the form still showing will be asked again, so its next worker starts now. */
export function prepareKdfAgain(): void {
  if (holders > 0) prepareKdf();
}

/**
 * The clinic locks: the waiting worker is ended with the session. A form still showing (the lock
 * screen, drawn as the lock begins) gets a fresh one.
 */
export function dropKdf(): void {
  endStandby();
  if (holders > 0) prepareKdf();
}

/** The user-timing mark of each derivation, naming its engine (the bench and browser tests read it). */
export const KDF_MARK = 'passphrase-key';

export interface DeriveOptions {
  /**
   * Another derivation follows this one (changing the passphrase: the current one, then the new one):
   * its worker is started now, so it is loaded and ready while this one derives.
   */
  another?: boolean;
}

export async function deriveKey(request: KdfRequest, options: DeriveOptions = {}): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return deriveInline(request);
  const worker = standby ?? startWorker();
  standby = null;
  if (options.another) prepareKdf();
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<{ key?: Uint8Array; engine?: string; failed?: string }>) => {
        if (event.data.key) {
          performance.mark(KDF_MARK, { detail: { engine: event.data.engine } });
          resolve(event.data.key);
        } else reject(new Error(event.data.failed ?? 'The passphrase could not be checked.'));
      };
      worker.onerror = () => reject(new Error('The passphrase could not be checked.'));
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}
