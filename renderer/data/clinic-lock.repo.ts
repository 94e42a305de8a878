import { getDb } from './db';
import {
  dismissErasedNotice,
  type ErasedClinic,
  eraseClinic,
  erasedFieldDescriptions,
  erasedNotice,
  startErasing,
} from './lock/erase-all';
import { dropKdf, holdKdf } from './lock/kdf';
import {
  beginTurningOff,
  changePassphrase,
  confirmPassphrase,
  createLock,
  loadLockMode,
  type NewLock,
  readKeyRing,
  recoverWithSheet,
  secondsToWait,
  unlockWithPassphrase,
} from './lock/keyring';
import { ageIdentityOf, formatRecoveryKey, newRecoverySecret, parseRecoveryKey } from './lock/recovery-key';
import { resumeSealingWork, type SealProgress, sealClinic, unsealClinic } from './lock/seal-all';
import {
  closeSession,
  hasLock,
  isOpen,
  type LockMode,
  lastUnlockAt,
  lockMode,
  markReauthenticated,
  onLockChange,
} from './lock/session';

// The clinic lock for the screens: turning it on and off, unlocking, locking, and its state, each action
// bound to the app's own database. See lock/ for how it works.

export { recoveryGroups } from './lock/recovery-key';
export type { ErasedClinic, LockMode, NewLock, SealProgress };

/** What turning the lock off could not open (damaged): values left empty, safety copies removed. */
export interface TurnedOff {
  emptied: number;
  safetyCopiesRemoved: number;
}

/** How long a passphrase counts as just typed: a confidential note shown later asks for it again. */
export const REAUTHENTICATE_AFTER_MS = 2 * 60 * 1000;

/** What the recovery sheet shows before the lock exists: nothing is stored until it is confirmed. */
export interface RecoverySheet {
  recoveryKey: string;
  ageIdentity: string;
}

/** The key ring's reading begun as the page started (preloadMode), for the app's first loadMode(). */
let preloaded: ReturnType<typeof loadLockMode> | null = null;
/** Whether the app has asked for the lock's mode: a reading begun after that would be an old one later. */
let modeAsked = false;

export const clinicLockActions = {
  /** Reads the key ring: must run before anything of the clinic is shown. */
  loadMode: () => {
    modeAsked = true;
    const early = preloaded;
    preloaded = null;
    const read = () => loadLockMode(getDb().name);
    // An early reading that failed is read again: the app's own reading is the one whose failure it shows.
    return early ? early.catch(read) : read();
  },
  /**
   * Begins reading the key ring as the page starts; the app's first loadMode() takes it over. Refused
   * once the app has asked for itself: a reading kept then would answer a later loadMode() with an old
   * mode, and one begun then could set the mode behind a change made meanwhile.
   */
  preloadMode: () => {
    if (modeAsked) return Promise.reject(new Error("The app has read the lock's mode itself."));
    preloaded = loadLockMode(getDb().name);
    return preloaded;
  },
  /** A new recovery key and the age line it stands for, for the sheet. */
  draftRecoverySheet(): RecoverySheet {
    const secret = newRecoverySecret();
    const sheet = { recoveryKey: formatRecoveryKey(secret), ageIdentity: ageIdentityOf(secret) };
    secret.fill(0);
    return sheet;
  },
  /** True when what was typed is this sheet's key (spaces, dashes, capitals and O/0, I/1 forgiven). */
  sameRecoveryKey(sheet: RecoverySheet, typed: string): boolean {
    try {
      return formatRecoveryKey(parseRecoveryKey(typed)) === sheet.recoveryKey;
    } catch {
      return false;
    }
  },
  turnOn: (passphrase: string, sheet: RecoverySheet): Promise<NewLock> =>
    createLock(getDb().name, passphrase, undefined, sheet.recoveryKey),
  sealAll: (onProgress: (progress: SealProgress) => void) => sealClinic(getDb(), onProgress),
  /** Finishes sealing or unsealing an earlier session left half-done (nothing when none was). */
  resume: (onProgress: (progress: SealProgress) => void) => resumeSealingWork(getDb(), onProgress),
  /**
   * A passphrase form shows: its worker starts now, so Enter waits for the scrypt alone. Returns the
   * release, for when the form closes (the last release ends the waiting worker).
   */
  holdPassphraseWorker: holdKdf,
  unlock: (passphrase: string) => unlockWithPassphrase(getDb().name, passphrase),
  confirm: (passphrase: string) => confirmPassphrase(getDb().name, passphrase),
  /** Checks the passphrase again for a confidential note; the unlock then counts as recent. */
  async reauthenticate(passphrase: string): Promise<void> {
    await confirmPassphrase(getDb().name, passphrase);
    markReauthenticated();
  },
  recover: (recoveryKey: string, newPassphrase: string) =>
    recoverWithSheet(getDb().name, recoveryKey, newPassphrase),
  changePassphrase: (current: string, next: string) => changePassphrase(getDb().name, current, next),
  /**
   * Returns how many damaged values could not be opened and were emptied, and how many damaged safety
   * copies were removed (each named in the audit log).
   */
  async turnOff(passphrase: string, onProgress: (progress: SealProgress) => void): Promise<TurnedOff> {
    await beginTurningOff(getDb().name, passphrase);
    const unsealed = await unsealClinic(getDb(), onProgress);
    return { emptied: unsealed.emptied.length, safetyCopiesRemoved: unsealed.safetyCopiesRemoved };
  },
  /** What erasing the sealed text loses for good, in plain words (one line a sealed field). */
  erasedFields: erasedFieldDescriptions,
  /**
   * Both the passphrase and the recovery sheet are lost and the manager confirmed: from now on the
   * clinic is being erased (the lock screen shows the progress), whatever happens to the page.
   */
  beginErasing: () => startErasing(getDb()),
  /** Erases every sealed value (or carries on after a closed page); the lock is off once done. */
  erase: (onProgress: (progress: SealProgress) => void) => eraseClinic(getDb(), onProgress),
  /**
   * Drops the data key: every sealed value is unreadable until the next unlock. A passphrase worker
   * waiting for a form of the unlocked session is ended with it.
   */
  lockNow: () => {
    closeSession();
    dropKdf();
  },
  /** Seconds still to wait after too many wrong passphrases (0: may try now). */
  async secondsToWait(): Promise<number> {
    const ring = await readKeyRing(getDb().name);
    return ring ? secondsToWait(ring) : 0;
  },
  async createdAt(): Promise<string | null> {
    return (await readKeyRing(getDb().name))?.createdAt ?? null;
  },
};

export const lockState = {
  /** Called when the lock state changes (locked, unlocked, turned on or off). Returns the unsubscribe. */
  onChange: onLockChange,
  /** True when the clinic has a lock (whatever its progress). */
  hasLock,
  /** True when the clinic has no lock, or it is unlocked. */
  isOpen,
  mode: lockMode,
  /** Set once the sealed text was erased (the lock is off), until the manager closes the notice. */
  erasedNotice,
  /** The manager closed the notice: it stays closed after a restart. */
  dismissErasedNotice: () => dismissErasedNotice(getDb().name),
  /** True when a confidential note may be shown without asking for the passphrase again. */
  recentlyUnlocked(now = Date.now()): boolean {
    if (!hasLock()) return true;
    const at = lastUnlockAt();
    return at !== null && now - at <= REAUTHENTICATE_AFTER_MS;
  },
};
