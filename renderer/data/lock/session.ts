import { importDataKey } from './seal';

// The clinic lock's state in this page: whether the clinic has a lock, and the data key while it is
// unlocked. The key lives only here, in memory; locking zeroes it and forgets every copy made from it.
//
// Modes: 'off' (no lock: text is stored plain), 'sealing' (the lock was just turned on and existing
// text is being sealed: new writes are sealed already), 'on', 'unsealing' (the lock is being turned
// off: new writes are plain, existing sealed text is being opened), 'erasing' (both the passphrase and
// the recovery sheet were lost: every sealed value is being replaced by an empty one, with no key at
// all, and the clinic stays behind the lock screen until it is done). In 'sealing', 'on' and
// 'unsealing' the database layer opens sealed values it reads, so a half-done sealing leaves every note
// readable.

export type LockMode = 'off' | 'sealing' | 'on' | 'unsealing' | 'erasing';

export class LockedError extends Error {
  constructor() {
    super('The clinic is locked. Unlock it with the clinic passphrase to see or change notes.');
    this.name = 'LockedError';
  }
}

interface Session {
  mode: LockMode;
  key: Uint8Array | null;
  cryptoKey: Promise<CryptoKey> | null;
  /** Date.now() of the latest unlock with the passphrase or recovery sheet; null while locked. */
  unlockedAt: number | null;
}

const session: Session = { mode: 'off', key: null, cryptoKey: null, unlockedAt: null };
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Called when the lock state changes (locked, unlocked, turned on or off). Returns the unsubscribe. */
export function onLockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function lockMode(): LockMode {
  return session.mode;
}

/** True when the clinic has a lock (whatever its progress). */
export function hasLock(): boolean {
  return session.mode !== 'off';
}

/** True when the clinic has no lock, or it is unlocked. */
export function isOpen(): boolean {
  return session.mode === 'off' || session.key !== null;
}

/** The data key, or null while locked (and always null without a lock). */
export function dataKey(): Uint8Array | null {
  return session.key;
}

/** The data key for WebCrypto (bulk paths); throws while locked. */
export function dataCryptoKey(): Promise<CryptoKey> {
  if (!session.key) throw new LockedError();
  session.cryptoKey ??= importDataKey(session.key);
  return session.cryptoKey;
}

export function lastUnlockAt(): number | null {
  return session.unlockedAt;
}

/** Sets the mode read from the key ring (at start, and as the lock is turned on or off). */
export function setLockMode(mode: LockMode): void {
  if (session.mode === mode) return;
  session.mode = mode;
  // Erasing needs no key, and the clinic stays behind the lock screen until it is done.
  if (mode === 'off' || mode === 'erasing') forgetKey();
  changed();
}

/** Holds the data key: the clinic is unlocked. The caller's copy of the key is not kept. */
export function openSession(key: Uint8Array, mode: LockMode, now = Date.now()): void {
  forgetKey();
  session.key = key.slice();
  session.mode = mode;
  session.unlockedAt = now;
  changed();
}

/** Confirms the passphrase again (a confidential note asked for it): the unlock counts as recent. */
export function markReauthenticated(now = Date.now()): void {
  if (session.key) session.unlockedAt = now;
}

function forgetKey(): void {
  session.key?.fill(0);
  session.key = null;
  session.cryptoKey = null;
  session.unlockedAt = null;
}

/** Locks: zeroes and drops the key. Does nothing without a lock. */
export function closeSession(): void {
  if (session.mode === 'off' || !session.key) return;
  forgetKey();
  changed();
}
