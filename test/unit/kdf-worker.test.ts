import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deriveAtOnce, type KdfRequest } from '../../renderer/data/lock/kdf';
import { deriveFastest } from '../../renderer/data/lock/kdf-wasm';

// The passphrase's worker, started as a passphrase form shows: one waits at most, it is kept for the
// next form, ended when the last form closes or the clinic locks, and one that fails to load is
// replaced. Node has no Worker: this stand-in answers as the app's worker does (the same derivation,
// in WebAssembly, posted back later); the browser tests run the real one.

class StandInWorker {
  static made: StandInWorker[] = [];
  /** What happened, in order: each worker made, and each answer posted (by the worker's number). */
  static events: string[] = [];
  onmessage: ((event: { data: { key?: Uint8Array; engine?: string; failed?: string } }) => void) | null =
    null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  requests = 0;

  constructor(readonly url: URL) {
    StandInWorker.made.push(this);
    StandInWorker.events.push(`made ${StandInWorker.made.length}`);
  }

  postMessage(request: KdfRequest): void {
    this.requests += 1;
    const number = StandInWorker.made.indexOf(this) + 1;
    setTimeout(async () => {
      const { key, engine } = await deriveFastest(request);
      StandInWorker.events.push(`answer ${number}`);
      if (!this.terminated) this.onmessage?.({ data: { key, engine } });
    }, 1);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Its code failed to load. */
  fail(): void {
    this.onerror?.({ type: 'error' });
  }

  static alive(): StandInWorker[] {
    return StandInWorker.made.filter((worker) => !worker.terminated);
  }
}

const FAST = { logN: 4, r: 8, p: 1 };
const request = (passphrase: string): KdfRequest => ({
  passphrase,
  salt: new Uint8Array(16).fill(7),
  params: FAST,
});
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// Each test loads the modules afresh: the waiting worker and the count of forms are the page's state.
async function load() {
  const kdf = await import('../../renderer/data/lock/kdf');
  const { clinicLockActions } = await import('../../renderer/data/clinic-lock.repo');
  const keyring = await import('../../renderer/data/lock/keyring');
  return { kdf, clinicLockActions, keyring };
}

beforeEach(() => {
  vi.resetModules();
  StandInWorker.made = [];
  StandInWorker.events = [];
  vi.stubGlobal('Worker', StandInWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the passphrase worker started ahead', () => {
  it('is started once as a form shows, kept for a second form, and ended when the last one closes', async () => {
    const { clinicLockActions } = await load();
    const releaseFirst = clinicLockActions.holdPassphraseWorker();
    expect(StandInWorker.made).toHaveLength(1);
    expect(StandInWorker.made[0]!.url.pathname).toMatch(/kdf\.worker\.ts$/);
    const releaseSecond = clinicLockActions.holdPassphraseWorker();
    expect(StandInWorker.made).toHaveLength(1);

    releaseFirst();
    releaseFirst(); // a second release of the same form counts once
    expect(StandInWorker.alive()).toHaveLength(1);
    releaseSecond();
    expect(StandInWorker.alive()).toHaveLength(0);
    expect(StandInWorker.made).toHaveLength(1);
  });

  it('is the one that derives the key at Enter, and is ended after it', async () => {
    const { kdf, clinicLockActions } = await load();
    const release = clinicLockActions.holdPassphraseWorker();
    const waiting = StandInWorker.made[0]!;
    const key = await kdf.deriveKey(request('quiet harbour'));
    expect(hex(key)).toBe(hex(deriveAtOnce(request('quiet harbour'))));
    const marks = performance.getEntriesByName(kdf.KDF_MARK) as PerformanceMark[];
    expect(marks.at(-1)?.detail).toEqual({ engine: 'webassembly' });
    expect(StandInWorker.made).toEqual([waiting]);
    expect(waiting.requests).toBe(1);
    expect(waiting.terminated).toBe(true);
    release();
    expect(StandInWorker.alive()).toHaveLength(0);
  });

  it('leaves no worker behind when the form closes unused', async () => {
    const { clinicLockActions } = await load();
    const release = clinicLockActions.holdPassphraseWorker();
    release();
    expect(StandInWorker.made).toHaveLength(1);
    expect(StandInWorker.made[0]!.requests).toBe(0);
    expect(StandInWorker.alive()).toHaveLength(0);
  });

  it('is ended as the clinic locks; a form still showing (the lock screen) gets a fresh one', async () => {
    const { clinicLockActions } = await load();
    const releaseSettingsForm = clinicLockActions.holdPassphraseWorker();
    const releaseLockScreen = clinicLockActions.holdPassphraseWorker();
    const before = StandInWorker.made[0]!;
    releaseSettingsForm();
    clinicLockActions.lockNow();
    expect(before.terminated).toBe(true);
    expect(StandInWorker.alive()).toHaveLength(1);
    expect(StandInWorker.alive()[0]).not.toBe(before);
    releaseLockScreen();
    expect(StandInWorker.alive()).toHaveLength(0);
  });

  it('is ended as the clinic locks, and none is started when no form shows', async () => {
    const { kdf, clinicLockActions } = await load();
    kdf.prepareKdf(); // started ahead without a form (as the unlock bench does)
    clinicLockActions.lockNow();
    expect(StandInWorker.made).toHaveLength(1);
    expect(StandInWorker.alive()).toHaveLength(0);
  });

  it('is replaced when its code fails to load: the derivation runs in a new worker', async () => {
    const { kdf, clinicLockActions } = await load();
    const release = clinicLockActions.holdPassphraseWorker();
    const failed = StandInWorker.made[0]!;
    failed.fail();
    expect(failed.terminated).toBe(true);
    const key = await kdf.deriveKey(request('copper lantern'));
    expect(hex(key)).toBe(hex(deriveAtOnce(request('copper lantern'))));
    expect(failed.requests).toBe(0);
    expect(StandInWorker.made).toHaveLength(2);
    expect(StandInWorker.made[1]!.requests).toBe(1);
    // A form shown after the failure gets a working one too.
    const releaseNext = clinicLockActions.holdPassphraseWorker();
    expect(StandInWorker.alive()).toHaveLength(1);
    releaseNext();
    release();
    expect(StandInWorker.alive()).toHaveLength(0);
  });

  it('after a wrong passphrase, starts the next try’s worker while the form still shows', async () => {
    const { clinicLockActions, keyring } = await load();
    const name = `kdf-worker-${crypto.randomUUID()}`;
    await keyring.createLock(name, 'the right passphrase 42', FAST);
    const release = clinicLockActions.holdPassphraseWorker();
    const first = StandInWorker.made.at(-1)!;

    await expect(keyring.confirmPassphrase(name, 'not it at all')).rejects.toBeInstanceOf(
      keyring.WrongPassphraseError,
    );
    expect(first.terminated).toBe(true);
    const next = StandInWorker.alive();
    expect(next).toHaveLength(1);
    expect(next[0]!.requests).toBe(0);

    // The right one is derived in that worker, and nothing waits after it.
    await keyring.confirmPassphrase(name, 'the right passphrase 42');
    expect(next[0]!.requests).toBe(1);
    expect(StandInWorker.alive()).toHaveLength(0);
    release();
    keyring.closeKeyRings();
  });

  it('changing the passphrase starts the new passphrase’s worker while the current one is checked', async () => {
    const { clinicLockActions, keyring } = await load();
    const name = `kdf-worker-${crypto.randomUUID()}`;
    await keyring.createLock(name, 'the right passphrase 42', FAST);
    StandInWorker.made = [];
    StandInWorker.events = [];
    const release = clinicLockActions.holdPassphraseWorker();

    await keyring.changePassphrase(name, 'the right passphrase 42', 'a brand new passphrase 7', FAST);
    // The form's worker checked the current passphrase; the second, started before that answer, derived
    // the new one's key.
    expect(StandInWorker.made).toHaveLength(2);
    expect(StandInWorker.made.map((worker) => worker.requests)).toEqual([1, 1]);
    expect(StandInWorker.events).toEqual(['made 1', 'made 2', 'answer 1', 'answer 2']);
    expect(StandInWorker.alive()).toHaveLength(0);

    await expect(keyring.confirmPassphrase(name, 'the right passphrase 42')).rejects.toBeInstanceOf(
      keyring.WrongPassphraseError,
    );
    await keyring.confirmPassphrase(name, 'a brand new passphrase 7');
    release();
    keyring.closeKeyRings();
  });
});
