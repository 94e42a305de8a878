import { RuleError } from '../domain/rules';
import { type ClinicSettings, PAPER_SIZES } from '../domain/types';
import { recordAudit } from './audit';
import { getDb } from './db';

export const DEFAULT_SETTINGS: ClinicSettings = {
  key: 'clinic',
  clinicName: '',
  paperSize: 'A4',
  backupWarnDays: 7,
  lastBackupAt: null,
  onboarded: false,
};

export async function getSettings(): Promise<ClinicSettings> {
  const stored = await getDb().settings.get('clinic');
  return { ...DEFAULT_SETTINGS, ...stored };
}

export type SettingsChanges = Partial<Omit<ClinicSettings, 'key'>>;

export async function updateSettings(changes: SettingsChanges): Promise<ClinicSettings> {
  if (changes.clinicName !== undefined) {
    changes = { ...changes, clinicName: changes.clinicName.trim() };
    if (!changes.clinicName) throw new RuleError('required', 'The clinic needs a name.', 'clinicName');
    if (changes.clinicName.length > 120)
      throw new RuleError('too-long', 'The clinic name is 120 characters at most.', 'clinicName');
  }
  if (changes.paperSize !== undefined && !PAPER_SIZES.includes(changes.paperSize))
    throw new RuleError('bad-paper', 'Choose A4 or US Letter.', 'paperSize');
  if (
    changes.backupWarnDays !== undefined &&
    (!Number.isInteger(changes.backupWarnDays) || changes.backupWarnDays < 1 || changes.backupWarnDays > 365)
  )
    throw new RuleError(
      'bad-days',
      'The backup reminder must be a whole number of days from 1 to 365.',
      'backupWarnDays',
    );
  const db = getDb();
  return db.transaction('rw', db.settings, db.auditLog, async () => {
    const next: ClinicSettings = { ...(await getSettings()), ...changes, key: 'clinic' };
    await db.settings.put(next);
    await recordAudit('settings', 'clinic', 'update', Object.keys(changes).sort());
    return next;
  });
}
