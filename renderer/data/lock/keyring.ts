import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import Dexie, { type EntityTable } from 'dexie';
import { DEFAULT_SCRYPT, type DeriveOptions, deriveKey, prepareKdfAgain, type ScryptParams } from './kdf';
import {
  ageIdentityOf,
  ageRecipientOf,
  formatRecoveryKey,
  newRecoverySecret,
  parseRecoveryKey,
  recoveryWrappingKey,
} from './recovery-key';
import { type LockMode, openSession, setLockMode } from './session';

// The key ring: how the data key is reached. It lives in its own IndexedDB database beside the app's
// ("<name>-keyring"), which a restore never replaces. It holds salts, parameters, the data key wrapped
// (AES-256-GCM) once per slot, and the clinic's public age recipient — never a key in the clear.
// Slots: the clinic passphrase (scrypt) and the recovery key of the sheet (HKDF: it is random already).

export interface PassphraseSlot {
  kind: 'passphrase';
  salt: Uint8Array;
  scrypt: ScryptParams;
  iv: Uint8Array;
  wrapped: Uint8Array;
}

export interface RecoverySlot {
  kind: 'recovery';
  salt: Uint8Array;
  iv: Uint8Array;
  wrapped: Uint8Array;
}

export type KeySlot = PassphraseSlot | RecoverySlot;

/** Where sealing (or unsealing) got to: the next record after `after` in `table`. */
export interface SealingProgress {
  table: string;
  after: string | null;
}

/**
 * Where erasing the sealed text got to (both the passphrase and the sheet were lost). Absent from key
 * rings written before erasing existed, and from any key ring not being erased.
 */
export interface Erasure {
  /** When the manager confirmed: names the audit entry, so a resumed erase writes it once. */
  since: string;
  /** Sealed safety copies removed (null until that step is done). */
  safetyCopiesRemoved: number | null;
}

export interface KeyRing {
  id: 'clinic';
  version: 1;
  state: Exclude<LockMode, 'off'>;
  createdAt: string;
  slots: KeySlot[];
  /** The age recipient ("age1…") automatic backups are encrypted to. Public. */
  ageRecipient: string;
  failedAttempts: number;
  lastFailedAt: string | null;
  progress: SealingProgress | null;
  erasure?: Erasure;
  /**
   * How the clinic's records are sealed: RECORD_FORMAT since schema version 25 (a record's several
   * sealed fields as one value); absent from key rings written before, whose clinic is sealed again at
   * the next unlock.
   */
  recordFormat?: number;
}

/** How this version seals records (see KeyRing.recordFormat). */
export const RECORD_FORMAT = 2;

/**
 * Kept once the sealed text was erased (both the passphrase and the recovery sheet lost, erase-all.ts):
 * the app opens with a notice that the lock is off until the manager closes it, across restarts.
 */
export interface LockErasedNote {
  id: 'lock-erased';
  /** When the erasing finished. */
  at: string;
  /** Sealed safety copies removed. */
  safetyCopiesRemoved: number;
}

class KeyRingDb extends Dexie {
  rings!: EntityTable<KeyRing, 'id'>;
  notices!: EntityTable<LockErasedNote, 'id'>;
  constructor(name: string) {
    // Strict: a new passphrase must be on the disk before the manager is told it is set.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ rings: 'id' });
    // Version 2: the notice after an erase (a new, empty store; the key ring is unchanged).
    this.version(2).stores({ rings: 'id', notices: 'id' });
  }
}

/** The notice read at start (loadLockMode) or written as an erase finished; null once closed. */
let erasedNote: LockErasedNote | null = null;

const opened = new Map<string, KeyRingDb>();

function keyRingDb(appDbName: string): KeyRingDb {
  const name = `${appDbName}-keyring`;
  let db = opened.get(name);
  if (!db) {
    db = new KeyRingDb(name);
    opened.set(name, db);
  }
  return db;
}

export class WrongPassphraseError extends Error {
  constructor(message = 'That passphrase does not open the clinic lock. Check Caps Lock and try again.') {
    super(message);
    this.name = 'WrongPassphraseError';
  }
}

export class TooManyAttemptsError extends Error {
  constructor(readonly waitSeconds: number) {
    super(
      `Too many wrong passphrases. Wait ${waitSeconds} second${waitSeconds === 1 ? '' : 's'} before trying again.`,
    );
    this.name = 'TooManyAttemptsError';
  }
}

/** Tries allowed before each wrong one adds a wait. */
export const FREE_ATTEMPTS = 5;
const MAX_WAIT_SECONDS = 15 * 60;

/** The wait after `failures` wrong passphrases: none for the first five, then 30 s, doubling. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_SECONDS, 30 * 2 ** (failures - FREE_ATTEMPTS));
}

function slotContext(kind: KeySlot['kind']): Uint8Array {
  return new TextEncoder().encode(`guiding-hands/keyring/v1/${kind}`);
}

function wrap(kek: Uint8Array, kind: KeySlot['kind'], dataKey: Uint8Array) {
  const iv = randomBytes(12);
  return { iv, wrapped: gcm(kek, iv, slotContext(kind)).encrypt(dataKey) };
}

function unwrap(kek: Uint8Array, slot: KeySlot): Uint8Array | null {
  try {
    return gcm(kek, slot.iv, slotContext(slot.kind)).decrypt(slot.wrapped);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

async function passphraseSlot(passphrase: string, dataKey: Uint8Array, scrypt: ScryptParams) {
  const salt = randomBytes(16);
  const kek = await deriveKey({ passphrase, salt, params: scrypt });
  const slot: PassphraseSlot = { kind: 'passphrase', salt, scrypt, ...wrap(kek, 'passphrase', dataKey) };
  kek.fill(0);
  return slot;
}

export async function readKeyRing(appDbName: string): Promise<KeyRing | undefined> {
  return keyRingDb(appDbName).rings.get('clinic');
}

/** Reads the key ring and sets this page's lock mode from it. Call before the app shows anything. */
export async function loadLockMode(appDbName: string): Promise<LockMode> {
  const db = keyRingDb(appDbName);
  const [ring, note] = await Promise.all([db.rings.get('clinic'), db.notices.get('lock-erased')]);
  erasedNote = note ?? null;
  const mode: LockMode = ring?.state ?? 'off';
  setLockMode(mode);
  return mode;
}

export interface NewLock {
  /** For the sheet: eight groups of four. Shown once, never stored. */
  recoveryKey: string;
  /** For the sheet: opens automatic backups with `age -d -i`. Shown once, never stored. */
  ageIdentity: string;
  ageRecipient: string;
}

/**
 * Turns the lock on: a new data key, wrapped for the passphrase and for a new recovery key. The page is
 * left unlocked in 'sealing' mode; sealClinic() then seals the text already there.
 */
export async function createLock(
  appDbName: string,
  passphrase: string,
  scrypt: ScryptParams = DEFAULT_SCRYPT,
  /** The recovery key already shown on the sheet and confirmed (parseRecoveryKey); a new one if absent. */
  recoveryKey?: string,
): Promise<NewLock> {
  const db = keyRingDb(appDbName);
  if (await db.rings.get('clinic')) throw new Error('The clinic lock is already on.');
  const dataKey = randomBytes(32);
  const recovery = recoveryKey ? parseRecoveryKey(recoveryKey) : newRecoverySecret();
  const recoverySalt = randomBytes(16);
  const ageIdentity = ageIdentityOf(recovery);
  const ageRecipient = await ageRecipientOf(ageIdentity);
  const recoverySlot: RecoverySlot = {
    kind: 'recovery',
    salt: recoverySalt,
    ...wrap(recoveryWrappingKey(recovery, recoverySalt), 'recovery', dataKey),
  };
  const ring: KeyRing = {
    id: 'clinic',
    version: 1,
    state: 'sealing',
    createdAt: new Date().toISOString(),
    slots: [await passphraseSlot(passphrase, dataKey, scrypt), recoverySlot],
    ageRecipient,
    failedAttempts: 0,
    lastFailedAt: null,
    progress: null,
    recordFormat: RECORD_FORMAT,
  };
  // A notice that an earlier lock's text was erased is over: the clinic has a lock again.
  await db.transaction('rw', db.rings, db.notices, async () => {
    await db.rings.add(ring);
    await db.notices.delete('lock-erased');
  });
  erasedNote = null;
  openSession(dataKey, 'sealing');
  dataKey.fill(0);
  const formatted = formatRecoveryKey(recovery);
  recovery.fill(0);
  return { recoveryKey: formatted, ageIdentity, ageRecipient };
}

async function requireRing(db: KeyRingDb): Promise<KeyRing> {
  const ring = await db.rings.get('clinic');
  if (!ring) throw new Error('The clinic lock is off.');
  return ring;
}

/** Seconds the manager must still wait before the next try (0: may try now). */
export function secondsToWait(
  ring: Pick<KeyRing, 'failedAttempts' | 'lastFailedAt'>,
  now = Date.now(),
): number {
  const wait = waitAfter(ring.failedAttempts);
  if (wait === 0 || !ring.lastFailedAt) return 0;
  const left = Date.parse(ring.lastFailedAt) + wait * 1000 - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/**
 * Counts a try before its passphrase is checked, in one transaction with the check of the wait, so that
 * tries made at the same moment (two windows, or a second form) each count, and none starts while
 * another's count imposes a wait. A right passphrase then clears the count.
 */
async function countTry(db: KeyRingDb): Promise<KeyRing> {
  return db.transaction('rw', db.rings, async () => {
    const ring = await requireRing(db);
    const wait = secondsToWait(ring);
    if (wait > 0) throw new TooManyAttemptsError(wait);
    const failedAttempts = ring.failedAttempts + 1;
    const lastFailedAt = new Date().toISOString();
    await db.rings.update('clinic', { failedAttempts, lastFailedAt });
    return { ...ring, failedAttempts, lastFailedAt };
  });
}

/** A try that could not be checked (the derivation failed) is not a wrong passphrase: uncounted. */
async function uncountTry(db: KeyRingDb): Promise<void> {
  await db.rings
    .where(':id')
    .equals('clinic')
    .modify((ring) => {
      ring.failedAttempts = Math.max(0, ring.failedAttempts - 1);
      if (ring.failedAttempts === 0) ring.lastFailedAt = null;
    });
}

/**
 * Checks the passphrase and returns the data key, counting wrong tries (every form that asks for the
 * clinic passphrase shares the count: the lock screen, the confidential notes' re-ask, changing the
 * passphrase, turning the lock off). Changes nothing else.
 */
async function dataKeyFromPassphrase(
  db: KeyRingDb,
  passphrase: string,
  options: DeriveOptions = {},
): Promise<{ key: Uint8Array; ring: KeyRing }> {
  const ring = await countTry(db);
  let key: Uint8Array | null = null;
  try {
    for (const slot of ring.slots) {
      if (slot.kind !== 'passphrase') continue;
      key = unwrap(await deriveKey({ passphrase, salt: slot.salt, params: slot.scrypt }, options), slot);
      if (key) break;
    }
  } catch (error) {
    await uncountTry(db);
    throw error;
  }
  if (key) {
    await db.rings.update('clinic', { failedAttempts: 0, lastFailedAt: null });
    return { key, ring: { ...ring, failedAttempts: 0, lastFailedAt: null } };
  }
  prepareKdfAgain();
  // The wait runs from the end of the wrong try, not its start.
  const lastFailedAt = new Date().toISOString();
  const counted = await db.transaction('rw', db.rings, async () => {
    const now = await requireRing(db);
    await db.rings.update('clinic', { lastFailedAt });
    return now.failedAttempts;
  });
  const nextWait = waitAfter(counted);
  throw nextWait > 0 ? new TooManyAttemptsError(nextWait) : new WrongPassphraseError();
}

/**
 * The state an unlock opens in. A clinic sealed before this version's way of sealing records (schema
 * version 25) is sealed again, by the same resumable walk as turning the lock on, from the start: the
 * walk needs the key the unlock has just given. Once started, the key ring records the new way, so a
 * walk interrupted then carries on from its place.
 */
async function stateAfterUnlock(db: KeyRingDb, ring: KeyRing): Promise<KeyRing['state']> {
  if ((ring.state !== 'on' && ring.state !== 'sealing') || ring.recordFormat === RECORD_FORMAT)
    return ring.state;
  await db.rings.update('clinic', { state: 'sealing', progress: null, recordFormat: RECORD_FORMAT });
  return 'sealing';
}

/** Unlocks with the clinic passphrase. */
export async function unlockWithPassphrase(appDbName: string, passphrase: string): Promise<LockMode> {
  const db = keyRingDb(appDbName);
  const { key, ring } = await dataKeyFromPassphrase(db, passphrase);
  const state = await stateAfterUnlock(db, ring);
  openSession(key, state);
  key.fill(0);
  return state;
}

/** Checks the passphrase again (a confidential note asked for it) without changing the session. */
export async function confirmPassphrase(appDbName: string, passphrase: string): Promise<void> {
  const { key } = await dataKeyFromPassphrase(keyRingDb(appDbName), passphrase);
  key.fill(0);
}

/**
 * Unlocks with the recovery key of the sheet and sets a new passphrase at once (only the data key is
 * wrapped again: instant). The old passphrase no longer opens the lock.
 */
export async function recoverWithSheet(
  appDbName: string,
  recoveryKey: string,
  newPassphrase: string,
  scrypt: ScryptParams = DEFAULT_SCRYPT,
): Promise<LockMode> {
  const db = keyRingDb(appDbName);
  const ring = await requireRing(db);
  const secret = parseRecoveryKey(recoveryKey);
  const slot = ring.slots.find((candidate) => candidate.kind === 'recovery');
  const key = slot ? unwrap(recoveryWrappingKey(secret, slot.salt), slot) : null;
  secret.fill(0);
  if (!key)
    throw new WrongPassphraseError(
      'That recovery key does not open the clinic lock. Check each group against the sheet.',
    );
  const passphrase = await passphraseSlot(newPassphrase, key, scrypt);
  await db.rings.update('clinic', {
    slots: [passphrase, ...ring.slots.filter((other) => other.kind !== 'passphrase')],
    failedAttempts: 0,
    lastFailedAt: null,
  });
  const state = await stateAfterUnlock(db, ring);
  openSession(key, state);
  key.fill(0);
  return state;
}

/** Changes the clinic passphrase: the current one is asked first. */
export async function changePassphrase(
  appDbName: string,
  currentPassphrase: string,
  newPassphrase: string,
  scrypt: ScryptParams = DEFAULT_SCRYPT,
): Promise<void> {
  const db = keyRingDb(appDbName);
  // The new passphrase's derivation follows: its worker loads while the current one is checked.
  const { key, ring } = await dataKeyFromPassphrase(db, currentPassphrase, { another: true });
  const passphrase = await passphraseSlot(newPassphrase, key, scrypt);
  key.fill(0);
  await db.rings.update('clinic', {
    slots: [passphrase, ...ring.slots.filter((other) => other.kind !== 'passphrase')],
  });
}

/** The mode the key ring records; the page's mode follows. */
export async function setKeyRingState(appDbName: string, state: KeyRing['state']): Promise<void> {
  await keyRingDb(appDbName).rings.update('clinic', { state, progress: null });
  setLockMode(state);
}

export async function saveProgress(appDbName: string, progress: SealingProgress | null): Promise<void> {
  await keyRingDb(appDbName).rings.update('clinic', { progress });
}

/** Checks the passphrase before the lock is turned off (unsealing starts after). */
export async function beginTurningOff(appDbName: string, passphrase: string): Promise<void> {
  const db = keyRingDb(appDbName);
  const { key } = await dataKeyFromPassphrase(db, passphrase);
  openSession(key, 'unsealing');
  key.fill(0);
  await db.rings.update('clinic', { state: 'unsealing', progress: null });
}

/**
 * Both the passphrase and the recovery sheet are lost: the sealed text will be erased (erase-all.ts). No
 * key is asked for or held; the state is kept here so a page closed half-way finishes at the next start.
 */
export async function beginErasing(appDbName: string, now = new Date()): Promise<Erasure> {
  const db = keyRingDb(appDbName);
  const ring = await requireRing(db);
  if (ring.state === 'erasing' && ring.erasure) {
    // Begun already (a page closed half-way): carry on from where it got to.
    setLockMode('erasing');
    return ring.erasure;
  }
  // Whatever sealing or unsealing was half-done, erasing walks every record from the first.
  const erasure: Erasure = { since: now.toISOString(), safetyCopiesRemoved: null };
  await db.rings.update('clinic', { state: 'erasing', progress: null, erasure });
  setLockMode('erasing');
  return erasure;
}

export async function saveErasure(appDbName: string, erasure: Erasure): Promise<void> {
  await keyRingDb(appDbName).rings.update('clinic', { erasure });
}

/** Removes the key ring once every sealed value is plain again: the lock is off. */
export async function deleteKeyRing(appDbName: string): Promise<void> {
  await keyRingDb(appDbName).rings.delete('clinic');
  setLockMode('off');
}

/**
 * The erasing is done: the key ring goes and the notice for the manager is kept, in one write, so a
 * page closed at any moment either carries on erasing at the next start or opens with the notice.
 */
export async function finishErasing(appDbName: string, note: Omit<LockErasedNote, 'id'>): Promise<void> {
  const db = keyRingDb(appDbName);
  const stored: LockErasedNote = { id: 'lock-erased', ...note };
  await db.transaction('rw', db.rings, db.notices, async () => {
    await db.rings.delete('clinic');
    await db.notices.put(stored);
  });
  // Known before the lock goes off, so the app opening at that moment finds it.
  erasedNote = stored;
  setLockMode('off');
}

/** The notice that the sealed text was erased, while the manager has not closed it (null otherwise). */
export function lockErasedNote(): LockErasedNote | null {
  return erasedNote;
}

/** The manager closed the notice: it is not shown again, after a restart either. */
export async function closeLockErasedNote(appDbName: string): Promise<void> {
  await keyRingDb(appDbName).notices.delete('lock-erased');
  erasedNote = null;
}

/** The public age recipient of automatic backups, or null without a lock. */
export async function clinicAgeRecipient(appDbName: string): Promise<string | null> {
  return (await readKeyRing(appDbName))?.ageRecipient ?? null;
}

/** Tests: forget the open connections (the databases themselves are deleted by name). */
export function closeKeyRings(): void {
  for (const db of opened.values()) db.close();
  opened.clear();
  erasedNote = null;
}
