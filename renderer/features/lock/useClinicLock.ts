import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { lockState, unlockActions } from '../../data/unlock.repo';

export type LockView = 'loading' | 'locked' | 'open';

export interface ClinicLock {
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

const isSessionOpen = () => !lockState.hasLock() || lockState.isOpen();

/**
 * Whether the app may show the clinic. The key ring is read before anything else; until then, and
 * whenever the clinic has a lock and its key is not held, only the lock screen may be shown.
 */
export function useClinicLock(): ClinicLock {
  const [loaded, setLoaded] = useState(false);
  const [loadFailed, setLoadFailed] = useState<Error | null>(null);
  const [curtain, setCurtain] = useState(false);
  const [generation, setGeneration] = useState(0);
  const open = useSyncExternalStore(lockState.onChange, isSessionOpen);
  const navigate = useNavigate();

  useEffect(() => {
    unlockActions.loadMode().then(
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
    unlockActions.lock();
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
  const mode = lockState.mode();
  return {
    view,
    generation,
    loadFailed,
    lockNow,
    workInterrupted: mode === 'sealing' || mode === 'unsealing',
  };
}
