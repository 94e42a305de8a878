import { useEffect } from 'react';
import { makeAutoBackupDocument, recordBackupSaved } from '../../data/backup';
import { getPlatform } from '../../platform/platform';
import { useToast } from '../../ui/Toast';
import { createAutoBackupResponder } from './auto-backup-responder';

/**
 * Answers the main process when an automatic backup is due (daily, or when the app closes); the rules
 * live in autoBackupResponder.ts. Mount once, in the app shell.
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
    });
    return platform.on('autoBackup:due', (reason) => void responder.respond(reason));
  }, [showToast]);
}

/** The hook as a component, for shells that mount behaviour as elements. */
export function AutoBackupResponder(): null {
  useAutoBackupResponder();
  return null;
}
