import { type FormEvent, useState } from 'react';
import { formatDisplayMoment } from '../../domain/date-format';
import { getPlatform } from '../../platform/platform';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError } from '../../ui/Field';
import { PasswordField } from '../../ui/PasswordField';
import { BackupContents } from './BackupContents';
import { describeBackupFailure } from './backup-errors';
import { secretWordsFor } from './backup-secret';
import { ProgressBar } from './ProgressBar';
import {
  BACKUP_FILE_FILTER,
  type BackupProgress,
  backupActions,
  MAX_BACKUP_BYTES,
  type OpenedBackup,
  type TableCounts,
} from './useBackup';

interface PickedFile {
  name: string;
  data: Uint8Array;
}

/**
 * "Restore from a backup…": pick the file, give its passphrase, see what it holds, confirm. Nothing
 * changes until the confirmation, and then only after the whole file has been checked.
 */
export function RestoreCard({ onRestored }: { onRestored: () => void }) {
  const { countCurrentRecords, openBackup, restoreBackup } = backupActions;
  const [file, setFile] = useState<PickedFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [opened, setOpened] = useState<OpenedBackup | null>(null);
  const [current, setCurrent] = useState<TableCounts | null>(null);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = progress !== null;

  function reset() {
    setFile(null);
    setPassphrase('');
    setOpened(null);
    setCurrent(null);
    setError(null);
  }

  async function pickFile() {
    setError(null);
    setDone(null);
    try {
      const picked = await getPlatform().openFile({
        filters: [BACKUP_FILE_FILTER],
        maxBytes: MAX_BACKUP_BYTES,
      });
      if (!picked) return;
      setFile(picked);
      setOpened(null);
    } catch (failure) {
      setError(describeBackupFailure(failure, 'opening the file'));
    }
  }

  async function open(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (!passphrase) {
      setError(secretWordsFor(file.data, 'Passphrase of this backup').missing);
      return;
    }
    setError(null);
    setProgress({ phase: 'decrypting', done: 0, total: 1 });
    try {
      const checked = await openBackup(file.data, passphrase, { onProgress: setProgress });
      setCurrent(await countCurrentRecords());
      setOpened(checked);
    } catch (failure) {
      setError(describeBackupFailure(failure, 'opening the backup'));
    } finally {
      setProgress(null);
    }
  }

  async function restore() {
    if (!opened) return;
    setError(null);
    setProgress({ phase: 'safety-copy', done: 0, total: 1 });
    try {
      const outcome = await restoreBackup(opened, { onProgress: setProgress });
      const when = formatDisplayMoment(opened.header.createdAt);
      reset();
      setDone(
        `Restored. Your records are now those of the backup made on ${when}.${outcome.safetyCopyId === null ? '' : ' The records you had before were kept as a safety copy (see below).'}`,
      );
      onRestored();
    } catch (failure) {
      setError(describeBackupFailure(failure, 'restoring'));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card title="Restore from a backup">
      <p>
        Replaces every record in the app with those in a backup file. Your current records are kept as a
        safety copy first, and nothing changes until the whole file has been checked.
      </p>
      {!file && (
        <div className="button-row">
          <Button onClick={() => void pickFile()} disabled={busy}>
            Restore from a backup…
          </Button>
        </div>
      )}
      {file && !opened && (
        <form onSubmit={open} noValidate>
          <p>
            Backup file: <strong>{file.name}</strong>
          </p>
          <PasswordField
            label={secretWordsFor(file.data, 'Passphrase of this backup').label}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="off"
            autoFocus
          />
          <div className="button-row">
            <Button type="submit" variant="primary" disabled={busy}>
              Open backup
            </Button>
            <Button onClick={reset} disabled={busy}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {opened && (
        <section aria-label="What this backup holds">
          <BackupContents header={opened.header} caption="This backup holds" />
          {current && (
            <p className="warning">
              Restoring replaces everything now in the app ({current.people.toLocaleString()} people,{' '}
              {current.relationships.toLocaleString()} mentoring pairs, {current.meetings.toLocaleString()}{' '}
              meetings) with the records above.
            </p>
          )}
          <div className="button-row">
            <Button variant="danger" onClick={() => void restore()} disabled={busy}>
              Replace my records with this backup
            </Button>
            <Button onClick={reset} disabled={busy}>
              Cancel
            </Button>
          </div>
        </section>
      )}
      <ProgressBar progress={progress} />
      <FormError message={error} />
      {done && (
        <p className="form-success" role="status">
          {done}
        </p>
      )}
    </Card>
  );
}
