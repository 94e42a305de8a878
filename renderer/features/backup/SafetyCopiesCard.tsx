import { useEffect, useState } from 'react';
import { formatDisplayMoment } from '../../domain/date-format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/Field';
import { describeBackupFailure } from './backup-errors';
import { ProgressBar } from './ProgressBar';
import { SaveSafetyCopyForm } from './SaveSafetyCopyForm';
import { type BackupProgress, backupActions, type SafetyCopySummary } from './useBackup';

/** The records as they were before each recent restore, so a restore by mistake can be undone. */
export function SafetyCopiesCard({ refreshKey, onRestored }: { refreshKey: number; onRestored: () => void }) {
  const { listSafetyCopies, openSafetyCopy, restoreSafetyCopy } = backupActions;
  const [copies, setCopies] = useState<SafetyCopySummary[] | null>(null);
  const [confirming, setConfirming] = useState<SafetyCopySummary | null>(null);
  const [saving, setSaving] = useState<SafetyCopySummary | null>(null);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void refreshKey;
    listSafetyCopies().then(
      (list) => current && setCopies(list),
      () => current && setCopies([]),
    );
    return () => {
      current = false;
    };
  }, [refreshKey]);

  async function putBack(copy: SafetyCopySummary) {
    setConfirming(null);
    setError(null);
    setDone(null);
    setProgress({ phase: 'checking', done: 0, total: 1 });
    try {
      await restoreSafetyCopy(await openSafetyCopy(copy.id, { onProgress: setProgress }), {
        onProgress: setProgress,
      });
      setDone(`Your records are back as they were on ${formatDisplayMoment(copy.createdAt)}.`);
      onRestored();
    } catch (failure) {
      setError(describeBackupFailure(failure, 'putting the safety copy back'));
    } finally {
      setProgress(null);
    }
  }

  if (!copies || copies.length === 0) return null;
  return (
    <Card title="Safety copies">
      <p>
        Before each restore, the records it replaced were kept here (the latest {copies.length}). If a restore
        was a mistake, put them back.
      </p>
      <ul className="safety-copies">
        {copies.map((copy) => (
          <li key={copy.id}>
            <span>
              Records before the restore of {formatDisplayMoment(copy.createdAt)}: {copy.header.counts.people}{' '}
              people, {copy.header.counts.relationships} pairs, {copy.header.counts.meetings} meetings.
            </span>{' '}
            <Button onClick={() => setConfirming(copy)} disabled={progress !== null}>
              Put these records back
            </Button>{' '}
            <Button onClick={() => setSaving(copy)} disabled={progress !== null}>
              Save as a backup file…
            </Button>
            {saving?.id === copy.id && (
              <SaveSafetyCopyForm
                copy={copy}
                onDone={(message) => {
                  setSaving(null);
                  setDone(message);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <ProgressBar progress={progress} />
      <FormError message={error} />
      {done && (
        <p className="form-success" role="status">
          {done}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Put these records back?"
          message={`This replaces every record now in the app with the ${confirming.header.counts.people} people and ${confirming.header.counts.meetings} meetings kept on ${formatDisplayMoment(confirming.createdAt)}. The records you have now are kept as a new safety copy first.`}
          confirmLabel="Put these records back"
          danger
          onConfirm={() => putBack(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Card>
  );
}
