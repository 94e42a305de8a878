import { useCallback, useEffect, useState } from 'react';
import { clinicLockActions, lockState, type SealProgress } from '../../data/clinic-lock.repo';

export interface ResumeState {
  progress: SealProgress | null;
  /** True when the lock is being turned off (the notes are opened, not sealed). */
  unsealing: boolean;
  failed: string | null;
  retry: () => void;
}

/** Finishes the sealing or unsealing an earlier session left half-done; `onDone` once it has. */
export function useResumeSealing(onDone: () => void): ResumeState {
  const [progress, setProgress] = useState<SealProgress | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [unsealing] = useState(() => lockState.mode() === 'unsealing');

  // biome-ignore lint/correctness/useExhaustiveDependencies: each round is one more try.
  useEffect(() => {
    let current = true;
    setFailed(null);
    clinicLockActions
      .resume((next) => {
        if (current) setProgress(next);
      })
      .then(
        () => {
          if (current) onDone();
        },
        (error: unknown) => {
          if (current)
            setFailed(
              `The work stopped: ${error instanceof Error ? error.message : String(error)} Nothing is lost; try again.`,
            );
        },
      );
    return () => {
      current = false;
    };
  }, [onDone, round]);

  return { progress, unsealing, failed, retry: useCallback(() => setRound((count) => count + 1), []) };
}
