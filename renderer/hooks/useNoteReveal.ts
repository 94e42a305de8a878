import { useCallback, useState } from 'react';
import { clinicLockActions, lockState } from '../data/clinic-lock.repo';
import { recordMeetingNotesViewed } from '../data/meetings.repo';
import type { Id } from '../domain/types';
import { usePassphraseWorker } from './usePassphraseWorker';

export interface NoteReveal {
  revealed: boolean;
  /** The passphrase is being asked for (the last unlock is older than two minutes). */
  asking: boolean;
  busy: boolean;
  /** A wrong passphrase, or the wait after too many, in plain words. */
  problem: string | null;
  show: () => Promise<void>;
  confirm: (passphrase: string) => Promise<void>;
  cancel: () => void;
  hide: () => void;
}

/**
 * Showing a confidential meeting's notes. With the clinic lock on and the last unlock more than two
 * minutes ago, the passphrase is asked first. Every showing is written to the audit log: the meeting,
 * never its text.
 */
export function useNoteReveal(meetingId: Id | undefined): NoteReveal {
  const [revealed, setRevealed] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  usePassphraseWorker(asking);

  const reveal = useCallback(async () => {
    if (meetingId) await recordMeetingNotesViewed(meetingId);
    setAsking(false);
    setRevealed(true);
  }, [meetingId]);

  const show = useCallback(async () => {
    if (lockState.recentlyUnlocked()) {
      await reveal();
      return;
    }
    setProblem(null);
    setAsking(true);
  }, [reveal]);

  const confirm = useCallback(
    async (passphrase: string) => {
      setBusy(true);
      setProblem(null);
      try {
        await clinicLockActions.reauthenticate(passphrase);
        await reveal();
      } catch (error) {
        setProblem(error instanceof Error ? error.message : 'The passphrase could not be checked.');
      } finally {
        setBusy(false);
      }
    },
    [reveal],
  );

  return {
    revealed,
    asking,
    busy,
    problem,
    show,
    confirm,
    cancel: useCallback(() => setAsking(false), []),
    hide: useCallback(() => setRevealed(false), []),
  };
}
