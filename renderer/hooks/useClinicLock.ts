import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { clinicLockActions, type LockMode, lockState } from '../data/clinic-lock.repo';

// The clinic lock for the screens, kept live: useClinicLock() says whether the clinic has a lock (and
// where turning it on or off got to) and whether it is open right now; useLockGate() decides, for the
// whole window, whether the clinic may be shown at all.

export {
  clinicLockActions,
  type LockMode,
  type RecoverySheet,
  recoveryGroups,
  type SealProgress,
  type TurnedOff,
} from '../data/clinic-lock.repo';

export interface LockState {
  mode: LockMode;
  /** No lock, or unlocked. */
  open: boolean;
}

let snapshot: LockState = { mode: lockState.mode(), open: lockState.isOpen() };

function current(): LockState {
  const mode = lockState.mode();
  const open = lockState.isOpen();
  if (snapshot.mode !== mode || snapshot.open !== open) snapshot = { mode, open };
  return snapshot;
}

export function useClinicLock(): LockState {
  return useSyncExternalStore(lockState.onChange, current);
}

export type LockView = 'loading' | 'locked' | 'open';

export interface LockGate {
  view: LockView;
  /** Counts the locks of this page: the app below is mounted afresh after each one. */
  generation: number;
  /** Could not read whether the clinic has a lock (the database would not open). */
  loadFailed: Error | null;
  /** True when sealing or unsealing was left half-done: resume it once unlocked. */
  workInterrupted: boolean;
  /** Locks at once; does nothing when the clinic has no lock. */
  lockNow: () => void;
}

/**
 * Whether the app may show the clinic. The key ring is read before anything else; until then, and
 * whenever the clinic has a lock and its key is not held, only the lock screen may be shown.
 */
export function useLockGate(): LockGate {
  const [loaded, setLoaded] = useState(false);
  const [loadFailed, setLoadFailed] = useState<Error | null>(null);
  const [curtain, setCurtain] = useState(false);
  const [generation, setGeneration] = useState(0);
  const { mode, open } = useClinicLock();
  const navigate = useNavigate();

  useEffect(() => {
    clinicLockActions.loadMode().then(
      () => setLoaded(true),
      (error: unknown) => setLoadFailed(error instanceof Error ? error : new Error(String(error))),
    );
  }, []);

  const lockNow = useCallback(() => {
    if (!lockState.hasLock()) return;
    // First the screens go (their decrypted state, dialogs and print views with them), then the key:
    // nothing still mounted can try to read a sealed value after it is gone.
    flushSync(() => {
      setCurtain(true);
      setGeneration((count) => count + 1);
    });
    clinicLockActions.lockNow();
    // The screen that was showing is replaced, so Back has nothing of it to return to.
    navigate('/', { replace: true });
    setCurtain(false);
  }, [navigate]);

  const view: LockView = !loaded ? 'loading' : curtain || !open ? 'locked' : 'open';

  // Every unlock starts on the dashboard, whatever route was asked for (or gone Back to) while locked.
  const [wasLocked, setWasLocked] = useState(false);
  useEffect(() => {
    if (view === 'locked') setWasLocked(true);
    else if (view === 'open' && wasLocked) {
      setWasLocked(false);
      navigate('/', { replace: true });
    }
  }, [view, wasLocked, navigate]);
  return {
    view,
    generation,
    loadFailed,
    lockNow,
    workInterrupted: mode === 'sealing' || mode === 'unsealing',
  };
}
