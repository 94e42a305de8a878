import { type FormEvent, useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/Field';
import { type PassphraseChoice, PassphraseFields, settledChoice } from '../../ui/PassphraseFields';
import { describeBackupFailure } from './backup-errors';
import { BACKUP_FILE_FILTER, backupActions, type SafetyCopySummary } from './useBackup';

/** Turns a safety copy into an ordinary encrypted backup file, to keep it off this computer. */
export function SaveSafetyCopyForm({
  copy,
  onDone,
}: {
  copy: SafetyCopySummary;
  onDone: (message: string | null) => void;
}) {
  const { exportSafetyCopy } = backupActions;
  const [choice, setChoice] = useState<PassphraseChoice>({ passphrase: '', ready: false, problem: null });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    // Submitted while the strength is being checked: wait for the verdict rather than refuse.
    const settled = await settledChoice(choice);
    if (!settled.ready) {
      setError(settled.problem);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const file = await exportSafetyCopy(copy.id, choice.passphrase);
      const result = await getPlatform().saveAs({
        suggestedName: file.fileName,
        filters: [BACKUP_FILE_FILTER],
        data: file.bytes,
      });
      onDone(result.saved ? `The safety copy was saved as a backup file ("${file.fileName}").` : null);
    } catch (failure) {
      setError(describeBackupFailure(failure, 'saving the safety copy'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate aria-label="Save the safety copy as a backup file">
      <PassphraseFields
        related={copy.header.clinicName ? [copy.header.clinicName] : []}
        onChange={setChoice}
        showProblems={tried}
      />
      <FormError message={error} />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={busy}>
          Save backup file
        </Button>
        <Button onClick={() => onDone(null)} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
