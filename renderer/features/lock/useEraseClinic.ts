import { useCallback, useEffect, useState } from 'react';
import {
  clinicLockActions,
  type ErasedClinic,
  lockState,
  type SealProgress,
} from '../../data/clinic-lock.repo';

/** The phrase the manager types to confirm; compared without regard to capitals or extra spaces. */
export const ERASE_PHRASE = 'erase the sealed text';

export function isErasePhrase(typed: string): boolean {
  return typed.trim().replace(/\s+/g, ' ').toLowerCase() === ERASE_PHRASE;
}

export interface LostBothFacts {
  /** What erasing loses for good, one line a sealed field. */
  erased: string[];
  /** When the lock was turned on (the day the recovery sheet was printed); null until read. */
  lockedSince: string | null;
}

/** What the "lost both" view tells the manager before anything is erased. */
export function useLostBothFacts(): LostBothFacts {
  const [erased] = useState(() => clinicLockActions.erasedFields());
  const [lockedSince, setLockedSince] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    clinicLockActions.createdAt().then(
      (at) => {
        if (current) setLockedSince(at);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return { erased, lockedSince };
}

/** The manager confirmed: the clinic is being erased from now on (the lock screen shows the progress). */
export function beginErasing(): Promise<unknown> {
  return clinicLockActions.beginErasing();
}

export interface ErasingState {
  progress: SealProgress | null;
  failed: string | null;
  retry: () => void;
}

/** Erases the sealed text, or carries on where a closed page stopped; the app opens once it is done. */
export function useErasing(): ErasingState {
  const [progress, setProgress] = useState<SealProgress | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each round is one more try.
  useEffect(() => {
    let current = true;
    setFailed(null);
    clinicLockActions
      .erase((next) => {
        if (current) setProgress(next);
      })
      .catch((error: unknown) => {
        if (current)
          setFailed(
            `The erasing stopped: ${error instanceof Error ? error.message : String(error)} What is done stays done; try again.`,
          );
      });
    return () => {
      current = false;
    };
  }, [round]);

  return { progress, failed, retry: useCallback(() => setRound((count) => count + 1), []) };
}

export interface ErasedNotice {
  erased: ErasedClinic | null;
  dismiss: () => void;
  /** A plain message when closing the notice failed (it stays). */
  problem: string | null;
}

/** Once the sealed text was erased: the notice the app opens with, after restarts too, until it is closed. */
export function useErasedNotice(): ErasedNotice {
  const [erased, setErased] = useState(() => lockState.erasedNotice());
  const [problem, setProblem] = useState<string | null>(null);
  const dismiss = useCallback(() => {
    setProblem(null);
    lockState.dismissErasedNotice().then(
      () => setErased(null),
      () => setProblem('This message could not be closed. Try again.'),
    );
  }, []);
  return { erased, dismiss, problem };
}
