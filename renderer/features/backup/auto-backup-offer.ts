import type { AutoBackupStatus, PlatformApi } from '../../platform/platform';

// Right after a backup made by hand into a folder, the manager is offered automatic backups into that
// same folder, with the passphrase just typed: a clinic that never turns them on is one disk failure
// from losing everything.

/** Offered where the system can keep the passphrase protected and automatic backups are still off. */
export function shouldOfferAutomaticBackups(status: AutoBackupStatus): boolean {
  return status.available && !status.enabled;
}

/** Turns automatic backups on into `folder`: every day and when the app closes, the rotation kept. */
export function automaticBackupsRequest(
  status: AutoBackupStatus,
  folder: string,
  passphrase: string,
): Parameters<PlatformApi['configureAutoBackup']>[0] {
  return {
    settings: { enabled: true, folder, onQuit: true, daily: true, rotation: status.rotation },
    passphrase,
  };
}
