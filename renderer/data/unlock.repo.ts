import { getDb } from './db';
import {
  confirmPassphrase,
  loadLockMode,
  readKeyRing,
  recoverWithSheet,
  secondsToWait,
  unlockWithPassphrase,
} from './lock/keyring';
import { resumeSealingWork, type SealProgress } from './lock/seal-all';
import {
  closeSession,
  hasLock,
  isOpen,
  lastUnlockAt,
  lockMode,
  markReauthenticated,
  onLockChange,
} from './lock/session';

// Being locked and unlocking, for the screens: every call is bound to the app's own database.

export type { SealProgress };

/** How long a passphrase counts as just typed: a confidential note shown later asks for it again. */
export const REAUTHENTICATE_AFTER_MS = 2 * 60 * 1000;

export const unlockActions = {
  /** Reads the key ring: must run before anything of the clinic is shown. */
  loadMode: () => loadLockMode(getDb().name),
  unlock: (passphrase: string) => unlockWithPassphrase(getDb().name, passphrase),
  recover: (recoveryKey: string, newPassphrase: string) =>
    recoverWithSheet(getDb().name, recoveryKey, newPassphrase),
  /** Drops the data key: every sealed value is unreadable until the next unlock. */
  lock: closeSession,
  /** Finishes sealing or unsealing an earlier session left half-done (nothing when none was). */
  resumeSealing: (onProgress: (progress: SealProgress) => void) => resumeSealingWork(getDb(), onProgress),
  /** Checks the passphrase again for a confidential note; the unlock then counts as recent. */
  async reauthenticate(passphrase: string): Promise<void> {
    await confirmPassphrase(getDb().name, passphrase);
    markReauthenticated();
  },
  /** Seconds still to wait after too many wrong passphrases (0: may try now). */
  async secondsToWait(): Promise<number> {
    const ring = await readKeyRing(getDb().name);
    return ring ? secondsToWait(ring) : 0;
  },
};

export const lockState = {
  onChange: onLockChange,
  hasLock,
  isOpen,
  mode: lockMode,
  /** True when a confidential note may be shown without asking for the passphrase again. */
  recentlyUnlocked(now = Date.now()): boolean {
    if (!hasLock()) return true;
    const at = lastUnlockAt();
    return at !== null && now - at <= REAUTHENTICATE_AFTER_MS;
  },
};
