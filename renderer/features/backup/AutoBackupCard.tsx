import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { formatDisplayMoment } from '../../domain/date-format';
import { type AutoBackupStatus, DEFAULT_ROTATION, getPlatform } from '../../platform/platform';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { CheckboxField, FormError, TextField } from '../../ui/Field';
import { type PassphraseChoice, PassphraseFields, settledChoice } from '../../ui/PassphraseFields';
import { describeBackupFailure } from './backup-errors';

/** Automatic backups: off until turned on; only where the system can keep the passphrase protected. */
export function AutoBackupCard({ clinicName }: { clinicName: string }) {
  const platform = getPlatform();
  const [status, setStatus] = useState<AutoBackupStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    platform
      .getAutoBackupStatus()
      .then(setStatus, (failure) =>
        setLoadError(describeBackupFailure(failure, 'reading the automatic backup settings')),
      );
  }, [platform]);

  return (
    <Card title="Automatic backups">
      {loadError && <FormError message={loadError} />}
      {!status && !loadError && <p role="status">Reading the settings…</p>}
      {status && !status.available && (
        <p>
          <strong>Unavailable here.</strong>{' '}
          {status.unavailableReason ?? 'This computer cannot keep the passphrase protected.'} Use “Back up
          now” regularly instead.
        </p>
      )}
      {status?.available && <AutoBackupForm status={status} clinicName={clinicName} onSaved={setStatus} />}
    </Card>
  );
}

function AutoBackupForm({
  status,
  clinicName,
  onSaved,
}: {
  status: AutoBackupStatus;
  clinicName: string;
  onSaved: (status: AutoBackupStatus) => void;
}) {
  const platform = getPlatform();
  const [enabled, setEnabled] = useState(status.enabled);
  const [folder, setFolder] = useState(status.folder);
  const [onQuit, setOnQuit] = useState(status.onQuit);
  const [daily, setDaily] = useState(status.daily);
  const rotation =
    status.rotation.daily + status.rotation.weekly + status.rotation.monthly
      ? status.rotation
      : DEFAULT_ROTATION;
  const [keepDaily, setKeepDaily] = useState(String(rotation.daily));
  const [keepWeekly, setKeepWeekly] = useState(String(rotation.weekly));
  const [keepMonthly, setKeepMonthly] = useState(String(rotation.monthly));
  const [changePassphrase, setChangePassphrase] = useState(!status.hasPassphrase);
  const [choice, setChoice] = useState<PassphraseChoice>({ passphrase: '', ready: false, problem: null });
  const onPassphrase = useCallback((next: PassphraseChoice) => setChoice(next), []);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function chooseFolder() {
    const chosen = await platform.chooseBackupFolder();
    if (chosen) setFolder(chosen.folder);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setSaved(null);
    const counts = [keepDaily, keepWeekly, keepMonthly].map(Number);
    if (counts.some((count) => !Number.isInteger(count) || count < 0 || count > 366)) {
      setError('How many backups to keep must be whole numbers from 0 to 366.');
      return;
    }
    if (enabled && !folder) {
      setError('Choose the folder the automatic backups go into.');
      return;
    }
    if (enabled && !onQuit && !daily) {
      setError('Choose when to back up: when the app closes, once a day, or both.');
      return;
    }
    // With the clinic lock, backups are encrypted to the clinic's recovery key: no passphrase at all.
    const needsPassphrase = enabled && changePassphrase && !status.clinicLock;
    // Submitted while the strength is being checked: wait for the verdict rather than refuse.
    const settled = needsPassphrase ? await settledChoice(choice) : choice;
    if (needsPassphrase && !settled.ready) {
      setError(settled.problem);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const next = await platform.configureAutoBackup({
        settings: {
          enabled,
          folder,
          onQuit,
          daily,
          rotation: { daily: counts[0], weekly: counts[1], monthly: counts[2] },
        },
        passphrase: needsPassphrase ? choice.passphrase : null,
      });
      onSaved(next);
      setChangePassphrase(!next.hasPassphrase);
      setSaved(next.enabled ? 'Automatic backups are on.' : 'Automatic backups are off.');
    } catch (failure) {
      setError(describeBackupFailure(failure, 'saving the automatic backup settings'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <p>
        {status.lastAutoBackupAt
          ? `Last automatic backup: ${formatDisplayMoment(status.lastAutoBackupAt)}.`
          : 'No automatic backup has been made yet.'}
      </p>
      <CheckboxField label="Make automatic backups" checked={enabled} onChange={setEnabled} />
      <p>
        Folder: <strong>{folder ?? 'not chosen yet'}</strong>{' '}
        <Button onClick={() => void chooseFolder()}>Choose folder…</Button>
      </p>
      <CheckboxField label="When Guiding Hands closes" checked={onQuit} onChange={setOnQuit} />
      <CheckboxField label="Once a day" checked={daily} onChange={setDaily} />
      <fieldset>
        <legend>How many to keep (older ones are deleted)</legend>
        <TextField
          label="Daily backups"
          type="number"
          min={0}
          max={366}
          value={keepDaily}
          onChange={setKeepDaily}
        />
        <TextField
          label="Weekly backups"
          type="number"
          min={0}
          max={366}
          value={keepWeekly}
          onChange={setKeepWeekly}
        />
        <TextField
          label="Monthly backups"
          type="number"
          min={0}
          max={366}
          value={keepMonthly}
          onChange={setKeepMonthly}
        />
      </fieldset>
      {status.clinicLock && (
        <p>
          The clinic lock is on, so automatic backups are locked to the clinic’s recovery sheet: no passphrase
          is kept on this computer. They open in Guiding Hands with the recovery key, or with the{' '}
          <code>age -d -i</code> tool and the AGE-SECRET-KEY line of the sheet. A backup due while the clinic
          is locked is made right after the next unlock.
        </p>
      )}
      {status.hasPassphrase && !status.clinicLock && (
        <CheckboxField
          label="Use a new passphrase for automatic backups"
          checked={changePassphrase}
          onChange={setChangePassphrase}
          hint="The passphrase is kept in this computer's protected storage, never in plain text."
        />
      )}
      {enabled && changePassphrase && !status.clinicLock && (
        <PassphraseFields
          related={clinicName ? [clinicName] : []}
          onChange={onPassphrase}
          showProblems={tried}
        />
      )}
      <FormError message={error} />
      {saved && (
        <p className="form-success" role="status">
          {saved}
        </p>
      )}
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={busy}>
          Save automatic backup settings
        </Button>
      </div>
    </form>
  );
}
