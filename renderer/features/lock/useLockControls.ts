import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { lockState } from '../../data/clinic-lock.repo';
import { getPlatform } from '../../platform/platform';
import { ACTIVITY_EVENTS, startIdleTimer } from './idle-timer';

/** "Lock now" for anything below the shell (the header's button). */
export const LockNowContext = createContext<() => void>(() => undefined);

export function useLockNow(): () => void {
  return useContext(LockNowContext);
}

/** Whether the clinic has a lock (so there is something to lock), kept live. */
export function useHasLock(): boolean {
  return useSyncExternalStore(lockState.onChange, lockState.hasLock);
}

/** Ctrl+L (Cmd+L on a Mac) locks, wherever the focus is. */
export function isLockShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
) {
  return (
    (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'l'
  );
}

/**
 * While the clinic is unlocked: locks on Ctrl+L / Cmd+L, on the desktop app's command (menu, the
 * computer locking or going to sleep), and after `idleMinutes` without input.
 */
export function useLockTriggers(lockNow: () => void, idleMinutes: number, hasLock: boolean): void {
  useEffect(() => {
    if (!hasLock) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      lockNow();
    };
    window.addEventListener('keydown', onKey, true);
    const unsubscribe = getPlatform().on('lock:now', () => lockNow());
    return () => {
      window.removeEventListener('keydown', onKey, true);
      unsubscribe();
    };
  }, [lockNow, hasLock]);

  useEffect(() => {
    if (!hasLock) return;
    const timer = startIdleTimer(idleMinutes, lockNow);
    const onActivity = () => timer.activity();
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      timer.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [lockNow, idleMinutes, hasLock]);
}
