import { useCallback, useMemo, useState } from 'react';
import { clinicLockActions, type RecoverySheet, type SealProgress } from '../../hooks/useClinicLock';

// Turning the clinic lock on, step by step. Nothing is stored until the manager has typed two groups of
// the recovery sheet back: the sheet is drafted first, the key ring written only after.

export type TurnOnStep = 'choose' | 'sheet' | 'sealing' | 'done';

/** Two different groups (1-based) to type back, picked at random so the whole sheet is looked at. */
function pickGroups(count: number): [number, number] {
  const first = 1 + Math.floor(Math.random() * count);
  let second = 1 + Math.floor(Math.random() * (count - 1));
  if (second >= first) second += 1;
  return first < second ? [first, second] : [second, first];
}

export function useTurnOnLock() {
  const [step, setStep] = useState<TurnOnStep>('choose');
  const [passphrase, setPassphrase] = useState('');
  const [sheet, setSheet] = useState<RecoverySheet | null>(null);
  const [progress, setProgress] = useState<SealProgress | null>(null);
  const groups = useMemo(() => (sheet ? pickGroups(sheet.recoveryKey.split('-').length) : null), [sheet]);

  const start = useCallback((chosen: string) => {
    setPassphrase(chosen);
    setSheet(clinicLockActions.draftRecoverySheet());
    setStep('sheet');
  }, []);

  /** True when both typed groups match the sheet. */
  const groupsMatch = useCallback(
    (typed: [string, string]): boolean => {
      if (!sheet || !groups) return false;
      const all = sheet.recoveryKey.split('-');
      const normal = (text: string) =>
        text
          .replace(/[\s-]+/g, '')
          .toUpperCase()
          .replace(/O/g, '0')
          .replace(/[IL]/g, '1');
      return groups.every((group, index) => normal(typed[index] ?? '') === all[group - 1]);
    },
    [sheet, groups],
  );

  const confirm = useCallback(async () => {
    if (!sheet) return;
    await clinicLockActions.turnOn(passphrase, sheet);
    setPassphrase('');
    setStep('sealing');
    setProgress({ done: 0, total: 0 });
    await clinicLockActions.sealAll(setProgress);
    setSheet(null);
    setStep('done');
  }, [passphrase, sheet]);

  const cancel = useCallback(() => {
    setPassphrase('');
    setSheet(null);
    setStep('choose');
  }, []);

  return { step, sheet, groups, progress, start, groupsMatch, confirm, cancel };
}
