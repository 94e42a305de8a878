import { useCallback, useEffect, useState } from 'react';
import { clinicLockActions } from '../../data/clinic-lock.repo';
import { TooManyAttemptsError, WrongPassphraseError } from '../../data/lock/keyring';

export interface UnlockAttempt {
  /** Checking a passphrase takes a second or so. */
  busy: boolean;
  /** A plain message after a wrong passphrase or recovery key. */
  problem: string | null;
  /** Seconds still to wait after too many wrong tries (0: may try now). */
  waitSeconds: number;
  unlock: (passphrase: string) => Promise<boolean>;
  recover: (recoveryKey: string, newPassphrase: string) => Promise<boolean>;
}

/** Words for a failed try; anything but a wrong passphrase or the wait is shown as it is. */
function problemOf(error: unknown): string {
  if (error instanceof WrongPassphraseError) return error.message;
  if (error instanceof Error) return error.message;
  return 'The clinic could not be unlocked.';
}

/** Unlocking from the lock screen: the passphrase, or the recovery sheet and a new passphrase. */
export function useUnlock(): UnlockAttempt {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  // A page opened during the wait shows it too.
  useEffect(() => {
    let current = true;
    clinicLockActions.secondsToWait().then((seconds) => {
      if (current && seconds > 0) setWaitUntil(Date.now() + seconds * 1000);
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waitUntil]);

  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const attempt = useCallback(async (run: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      await run();
      return true;
    } catch (error) {
      if (error instanceof TooManyAttemptsError) {
        setNow(Date.now());
        setWaitUntil(Date.now() + error.waitSeconds * 1000);
        setProblem(null);
      } else setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const unlock = useCallback(
    (passphrase: string) => attempt(() => clinicLockActions.unlock(passphrase)),
    [attempt],
  );
  const recover = useCallback(
    (recoveryKey: string, newPassphrase: string) =>
      attempt(() => clinicLockActions.recover(recoveryKey, newPassphrase)),
    [attempt],
  );
  return { busy, problem, waitSeconds, unlock, recover };
}
