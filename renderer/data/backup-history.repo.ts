import type { IsoTimestamp } from '../domain/types';
import { getSettings, updateSettings } from './settings.repo';

// What the dashboard says about backups: when the last one of each kind was made, and, right after a
// restore, which backup the records came from. Kept in the settings record, which backups carry.

export type BackupKind = 'manual' | 'automatic';

/** Notes a backup once its file is safely written; it also ends the "restored from" notice. */
export async function recordBackupMade(kind: BackupKind, when: Date = new Date()): Promise<void> {
  const at = when.toISOString();
  await updateSettings({
    lastBackupAt: at,
    ...(kind === 'manual' ? { lastManualBackupAt: at } : { lastAutoBackupAt: at }),
    restoredFrom: null,
  });
}

/**
 * Notes, after a restore, where the records came from. Restoring a backup file also means the records
 * are in a backup made at `madeAt`, so the last backup is at least that recent; a safety copy lives on
 * this computer and is not a backup.
 */
export async function recordRestoredFrom(
  source: 'backup' | 'safety-copy',
  madeAt: IsoTimestamp,
  when: Date = new Date(),
): Promise<void> {
  const { lastBackupAt } = await getSettings();
  const backedUp = source === 'backup' && (!lastBackupAt || lastBackupAt < madeAt) ? madeAt : lastBackupAt;
  await updateSettings({
    restoredFrom: { source, madeAt, restoredAt: when.toISOString() },
    lastBackupAt: backedUp,
  });
}
