import { useEffect } from 'react';
import {
  autoBackupRecipient,
  isClinicOpen,
  makeAutoBackupDocument,
  onClinicLockChange,
  onClinicUnlock,
  recordBackupSaved,
} from '../../data/backup';
import { getPlatform } from '../../platform/platform';
import { useToast } from '../../ui/Toast';
import { createAutoBackupResponder } from './auto-backup-responder';

/**
 * Answers the main process when an automatic backup is due (daily, or when the app closes); the rules
 * live in autoBackupResponder.ts. Also tells the main process the clinic lock's public age recipient
 * (at start and whenever the lock is turned on or off), so automatic backups are encrypted to it.
 * Mount once, in the app shell.
 */
export function useAutoBackupResponder(): void {
  const { showToast } = useToast();
  useEffect(() => {
    const platform = getPlatform();
    const responder = createAutoBackupResponder({
      platform,
      makeDocument: makeAutoBackupDocument,
      recordSaved: (now) => recordBackupSaved(now, 'automatic'),
      notify: showToast,
      lock: { isOpen: isClinicOpen, onUnlock: onClinicUnlock },
    });
    const tellRecipient = () =>
      void autoBackupRecipient()
        .then((ageRecipient) => platform.setAutoBackupRecipient({ ageRecipient }))
        .catch(() => undefined);
    tellRecipient();
    const stopTelling = onClinicLockChange(tellRecipient);
    const stopListening = platform.on('autoBackup:due', (reason) => void responder.respond(reason));
    return () => {
      stopListening();
      stopTelling();
      responder.dispose();
    };
  }, [showToast]);
}

/** The hook as a component, for shells that mount behaviour as elements. */
export function AutoBackupResponder(): null {
  useAutoBackupResponder();
  return null;
}
