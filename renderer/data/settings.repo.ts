import { checkSettingsChanges, IDLE_LOCK_MINUTES, type SettingsChanges } from '../domain/rules';
import type { ClinicSettings } from '../domain/types';
import { recordAudit } from './audit';
import { type GuidingHandsDb, getDb } from './db';

export const DEFAULT_SETTINGS: ClinicSettings = {
  key: 'clinic',
  clinicName: '',
  paperSize: 'A4',
  backupWarnDays: 7,
  lastBackupAt: null,
  lastManualBackupAt: null,
  lastAutoBackupAt: null,
  restoredFrom: null,
  onboarded: false,
  idleLockMinutes: IDLE_LOCK_MINUTES.default,
};

/** The clinic's settings; `db` is another connection to the same database (a report worker's). */
export async function getSettings(db: GuidingHandsDb = getDb()): Promise<ClinicSettings> {
  const stored = await db.settings.get('clinic');
  return { ...DEFAULT_SETTINGS, ...stored };
}

export type { SettingsChanges };

export async function updateSettings(requested: SettingsChanges): Promise<ClinicSettings> {
  const changes = checkSettingsChanges(requested);
  const db = getDb();
  return db.transaction('rw', db.settings, db.auditLog, async () => {
    const next: ClinicSettings = { ...(await getSettings()), ...changes, key: 'clinic' };
    await db.settings.put(next);
    await recordAudit('settings', 'clinic', 'update', Object.keys(changes).sort());
    return next;
  });
}
