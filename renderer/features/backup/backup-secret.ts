import { isRecoverySheetBackup } from './useBackup';

// What a backup file opens with: its passphrase, or (an automatic backup of a clinic with the clinic
// lock) the recovery key printed on the recovery sheet. The field and its words follow the file.

export interface SecretWords {
  label: string;
  missing: string;
}

export function secretWordsFor(file: Uint8Array, labelForPassphrase: string): SecretWords {
  return isRecoverySheetBackup(file)
    ? {
        label: 'Recovery key from the recovery sheet (automatic backup of a locked clinic)',
        missing:
          'This automatic backup opens with the recovery key printed on the recovery sheet. Type it (eight groups of four).',
      }
    : { label: labelForPassphrase, missing: 'Type the passphrase this backup was made with.' };
}
