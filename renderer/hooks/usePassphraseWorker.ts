import { useEffect } from 'react';
import { clinicLockActions } from '../data/clinic-lock.repo';

/**
 * For every form that asks for the clinic passphrase (the lock screen, the confidential note's question,
 * changing the passphrase, turning the lock on or off): while `showing`, the passphrase's worker is
 * started and waits, so Enter waits for the scrypt alone. It is let go as the form closes or stops
 * asking, and ended when the clinic locks.
 */
export function usePassphraseWorker(showing = true): void {
  useEffect(() => (showing ? clinicLockActions.holdPassphraseWorker() : undefined), [showing]);
}
