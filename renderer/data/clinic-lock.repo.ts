import { getDb } from './db';
import {
  beginTurningOff,
  changePassphrase,
  confirmPassphrase,
  createLock,
  loadLockMode,
  type NewLock,
  readKeyRing,
  recoverWithSheet,
  unlockWithPassphrase,
} from './lock/keyring';
import { ageIdentityOf, formatRecoveryKey, newRecoverySecret, parseRecoveryKey } from './lock/recovery-key';
import { resumeSealingWork, type SealProgress, sealClinic, unsealClinic } from './lock/seal-all';
import { closeSession } from './lock/session';

// The clinic lock for the screens: each action on the app's own database. See lock/ for how it works.

export { TooManyAttemptsError, WrongPassphraseError } from './lock/keyring';
export { RecoveryKeyError, recoveryGroups } from './lock/recovery-key';
export type { LockMode } from './lock/session';
export {
  hasLock,
  isOpen,
  LockedError,
  lastUnlockAt,
  lockMode,
  markReauthenticated,
  onLockChange,
} from './lock/session';
export type { NewLock, SealProgress };

/** What the recovery sheet shows before the lock exists: nothing is stored until it is confirmed. */
export interface RecoverySheet {
  recoveryKey: string;
  ageIdentity: string;
}

export const clinicLockActions = {
  loadMode: () => loadLockMode(getDb().name),
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
  resume: (onProgress: (progress: SealProgress) => void) => resumeSealingWork(getDb(), onProgress),
  unlock: (passphrase: string) => unlockWithPassphrase(getDb().name, passphrase),
  confirm: (passphrase: string) => confirmPassphrase(getDb().name, passphrase),
  recover: (recoveryKey: string, newPassphrase: string) =>
    recoverWithSheet(getDb().name, recoveryKey, newPassphrase),
  changePassphrase: (current: string, next: string) => changePassphrase(getDb().name, current, next),
  async turnOff(passphrase: string, onProgress: (progress: SealProgress) => void): Promise<void> {
    await beginTurningOff(getDb().name, passphrase);
    await unsealClinic(getDb(), onProgress);
  },
  lockNow: () => closeSession(),
  async createdAt(): Promise<string | null> {
    return (await readKeyRing(getDb().name))?.createdAt ?? null;
  },
};
