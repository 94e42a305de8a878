import { storedLine, storedText } from '../text';
import { type ClinicSettings, PAPER_SIZES } from '../types';
import { isWholeNumberIn } from './fields';
import { RuleError } from './rule-error';

export type SettingsChanges = Partial<Omit<ClinicSettings, 'key'>>;

export const MAX_CLINIC_NAME_LENGTH = 120;
export const BACKUP_WARN_DAYS = { min: 1, max: 365 } as const;
/** Minutes without input before the clinic lock locks the app. */
export const IDLE_LOCK_MINUTES = { min: 1, max: 30, default: 5 } as const;

/** A support contact: a name, a phone number, opening hours, perhaps a web address. */
export const MAX_SUPPORT_CONTACT_LENGTH = 300;

/** Checks a change of the clinic's settings and returns it tidied (the name trimmed). */
export function checkSettingsChanges(changes: SettingsChanges): SettingsChanges {
  let clean = changes;
  if (changes.clinicName !== undefined) {
    clean = { ...changes, clinicName: storedLine(changes.clinicName) };
    if (!clean.clinicName) throw new RuleError('required', 'The clinic needs a name.', 'clinicName');
    if (clean.clinicName.length > MAX_CLINIC_NAME_LENGTH)
      throw new RuleError(
        'too-long',
        `The clinic name is ${MAX_CLINIC_NAME_LENGTH} characters at most.`,
        'clinicName',
      );
  }
  if (changes.paperSize !== undefined && !PAPER_SIZES.includes(changes.paperSize))
    throw new RuleError('bad-paper', 'Choose A4 or US Letter.', 'paperSize');
  if (
    changes.backupWarnDays !== undefined &&
    !isWholeNumberIn(changes.backupWarnDays, BACKUP_WARN_DAYS.min, BACKUP_WARN_DAYS.max)
  )
    throw new RuleError(
      'bad-days',
      `The backup reminder must be a whole number of days from ${BACKUP_WARN_DAYS.min} to ${BACKUP_WARN_DAYS.max}.`,
      'backupWarnDays',
    );
  if (
    changes.idleLockMinutes !== undefined &&
    !isWholeNumberIn(changes.idleLockMinutes, IDLE_LOCK_MINUTES.min, IDLE_LOCK_MINUTES.max)
  )
    throw new RuleError(
      'bad-minutes',
      `The lock wait must be a whole number of minutes from ${IDLE_LOCK_MINUTES.min} to ${IDLE_LOCK_MINUTES.max}.`,
      'idleLockMinutes',
    );
  if (changes.supportContacts !== undefined) {
    const contacts = {
      assistanceProgram: storedText(changes.supportContacts.assistanceProgram),
      occupationalHealth: storedText(changes.supportContacts.occupationalHealth),
      crisisLine: storedText(changes.supportContacts.crisisLine),
    };
    for (const [field, value] of Object.entries(contacts))
      if (value.length > MAX_SUPPORT_CONTACT_LENGTH)
        throw new RuleError(
          'too-long',
          `Each contact is ${MAX_SUPPORT_CONTACT_LENGTH} characters at most (a name, a phone number, hours).`,
          `supportContacts.${field}`,
        );
    clean = { ...clean, supportContacts: contacts };
  }
  return clean;
}
