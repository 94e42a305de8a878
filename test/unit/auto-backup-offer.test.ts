import { describe, expect, it } from 'vitest';
import {
  automaticBackupsRequest,
  shouldOfferAutomaticBackups,
} from '../../renderer/features/backup/auto-backup-offer';
import type { AutoBackupStatus } from '../../renderer/platform/platform';

// After a backup made by hand into a folder, automatic backups into that folder are offered.

const OFF: AutoBackupStatus = {
  enabled: false,
  folder: null,
  onQuit: false,
  daily: false,
  rotation: { daily: 10, weekly: 4, monthly: 24 },
  available: true,
  unavailableReason: null,
  hasPassphrase: false,
  clinicLock: false,
  lastAutoBackupAt: null,
};

describe('the offer of automatic backups', () => {
  it('is made while they are off, where the passphrase can be kept protected', () => {
    expect(shouldOfferAutomaticBackups(OFF)).toBe(true);
    expect(shouldOfferAutomaticBackups({ ...OFF, enabled: true })).toBe(false);
    expect(shouldOfferAutomaticBackups({ ...OFF, available: false, unavailableReason: 'No keyring.' })).toBe(
      false,
    );
  });

  it('turns them on daily and on closing, into the folder just used, with the passphrase just typed', () => {
    expect(automaticBackupsRequest(OFF, 'E:\\Clinic backups', 'orchard lantern velvet 47')).toEqual({
      settings: {
        enabled: true,
        folder: 'E:\\Clinic backups',
        onQuit: true,
        daily: true,
        rotation: { daily: 10, weekly: 4, monthly: 24 },
      },
      passphrase: 'orchard lantern velvet 47',
    });
  });
});
