import { type FormEvent, useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError } from '../../ui/Field';
import { PasswordField } from '../../ui/PasswordField';
import { BackupContents } from './BackupContents';
import { BackupProblems, problemsFound } from './BackupProblems';
import { describeBackupFailure } from './backup-errors';
import { secretWordsFor } from './backup-secret';
import { ProgressBar } from './ProgressBar';
import {
  BACKUP_FILE_FILTER,
  type BackupCheck,
  type BackupProgress,
  backupActions,
  MAX_BACKUP_BYTES,
} from './useBackup';

/** "Check a backup file": decrypts and checks a file exactly as a restore would, and changes nothing. */
export function CheckBackupCard() {
  const { checkBackupFile } = backupActions;
  const [file, setFile] = useState<{ name: string; data: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<BackupCheck | null>(null);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== null;

  function reset() {
    setFile(null);
    setPassphrase('');
    setResult(null);
    setError(null);
  }

  async function pickFile() {
    reset();
    try {
      const picked = await getPlatform().openFile({
        filters: [BACKUP_FILE_FILTER],
        maxBytes: MAX_BACKUP_BYTES,
      });
      if (picked) setFile(picked);
    } catch (failure) {
      setError(describeBackupFailure(failure, 'opening the file'));
    }
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (!passphrase) {
      setError(secretWordsFor(file.data, 'Passphrase of the backup to check').missing);
      return;
    }
    setError(null);
    setResult(null);
    setProgress({ phase: 'decrypting', done: 0, total: 1 });
    try {
      setResult(await checkBackupFile(file.data, passphrase, { onProgress: setProgress }));
    } catch (failure) {
      setError(describeBackupFailure(failure, 'checking the backup'));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card title="Check a backup file">
      <p>
        Opens a backup file with its passphrase and checks every record, as a restore would, without restoring
        anything: your records stay as they are.
      </p>
      {!file && (
        <div className="button-row">
          <Button onClick={() => void pickFile()} disabled={busy}>
            Check a backup file…
          </Button>
        </div>
      )}
      {file && (
        <form onSubmit={check} noValidate>
          <p>
            Backup file: <strong>{file.name}</strong>
          </p>
          <PasswordField
            label={secretWordsFor(file.data, 'Passphrase of the backup to check').label}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="off"
          />
          <div className="button-row">
            <Button type="submit" variant="primary" disabled={busy}>
              Check this backup
            </Button>
            <Button onClick={reset} disabled={busy}>
              {result ? 'Done' : 'Cancel'}
            </Button>
          </div>
        </form>
      )}
      <ProgressBar progress={progress} />
      <FormError message={error} />
      {result && (
        <section aria-label="What the check found">
          {result.problemCount === 0 ? (
            <p className="form-success" role="status">
              This backup is sound: every record can be restored.
            </p>
          ) : (
            <div className="warning" role="alert">
              <p>
                This backup needs repair. {problemsFound(result.problemCount)}, so it cannot be restored as it
                is.
              </p>
              <BackupProblems
                problems={result.problems}
                problemCount={result.problemCount}
                label="Problems found in the backup"
              />
            </div>
          )}
          <BackupContents header={result.header} caption="This backup holds" />
        </section>
      )}
    </Card>
  );
}
