import { useSyncExternalStore } from 'react';
import { isOpen, type LockMode, lockMode, onLockChange } from '../data/clinic-lock.repo';

// The clinic lock's state for the screens, kept live: whether the clinic has a lock (and where turning
// it on or off got to), and whether it is open (no lock, or unlocked) right now.

export {
  clinicLockActions,
  LockedError,
  type LockMode,
  lastUnlockAt,
  markReauthenticated,
  type NewLock,
  RecoveryKeyError,
  type RecoverySheet,
  recoveryGroups,
  type SealProgress,
  TooManyAttemptsError,
  WrongPassphraseError,
} from '../data/clinic-lock.repo';

export interface LockState {
  mode: LockMode;
  open: boolean;
}

let snapshot: LockState = { mode: lockMode(), open: isOpen() };

function current(): LockState {
  const mode = lockMode();
  const open = isOpen();
  if (snapshot.mode !== mode || snapshot.open !== open) snapshot = { mode, open };
  return snapshot;
}

export function useClinicLock(): LockState {
  return useSyncExternalStore(onLockChange, current);
}
