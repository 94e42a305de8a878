import { type FormEvent, useState } from 'react';
import type { ClinicSettings } from '../../domain/types';
import {
  clinicLockActions,
  type SealProgress,
  type TurnedOff,
  useClinicLock,
} from '../../hooks/useClinicLock';
import { usePassphraseWorker } from '../../hooks/usePassphraseWorker';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError } from '../../ui/Field';
import { type PassphraseChoice, PassphraseFields, settledChoice } from '../../ui/PassphraseFields';
import { PasswordField } from '../../ui/PasswordField';
import { useToast } from '../../ui/Toast';
import { WorkProgress } from '../../ui/WorkProgress';
import { TurnOnLock } from './TurnOnLock';

type Open = 'none' | 'turn-on' | 'change' | 'turn-off';

function message(error: unknown, fallback: string): string {
  return error instanceof Error ? error.message : fallback;
}

/** Settings → Privacy: the clinic lock, turned on, changed or turned off. */
export function PrivacySection({ settings }: { settings: ClinicSettings }) {
  const lock = useClinicLock();
  const [open, setOpen] = useState<Open>('none');
  const on = lock.mode !== 'off';
  return (
    <Card title="Privacy and the clinic lock">
      {!on && open !== 'turn-on' && (
        <>
          <p>
            The clinic lock keeps meeting notes private on a shared computer: the app opens only with the
            clinic passphrase, locks itself when nobody uses it, and every note, action item and reason is
            sealed (encrypted) on the disk. Names, pairings and dates stay readable to the reports.
          </p>
          <Button variant="primary" onClick={() => setOpen('turn-on')}>
            Turn on the clinic lock
          </Button>
        </>
      )}
      {open === 'turn-on' && <TurnOnLock settings={settings} onClose={() => setOpen('none')} />}
      {on && open === 'none' && (
        <>
          <p>
            <strong>The clinic lock is on.</strong> Notes are sealed on this computer and the app asks for the
            clinic passphrase when it opens and after idle minutes.
          </p>
          <div className="form-actions">
            <Button onClick={() => setOpen('change')}>Change the passphrase</Button>
            <Button variant="danger" onClick={() => setOpen('turn-off')}>
              Turn off the clinic lock
            </Button>
          </div>
        </>
      )}
      {open === 'change' && <ChangePassphrase settings={settings} onClose={() => setOpen('none')} />}
      {open === 'turn-off' && <TurnOffLock onClose={() => setOpen('none')} />}
    </Card>
  );
}

function ChangePassphrase({ settings, onClose }: { settings: ClinicSettings; onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [choice, setChoice] = useState<PassphraseChoice | null>(null);
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { showToast } = useToast();
  usePassphraseWorker();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setProblem(null);
    if (!current) return setProblem('Type the current clinic passphrase.');
    const settled = choice ? await settledChoice(choice) : null;
    if (!settled?.ready) return setProblem(settled?.problem ?? 'Choose a new passphrase.');
    setBusy(true);
    try {
      await clinicLockActions.changePassphrase(current, settled.passphrase);
      showToast('The clinic passphrase is changed. The recovery sheet still works.');
      onClose();
    } catch (error) {
      setProblem(message(error, 'The passphrase could not be changed.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Change the clinic passphrase">
      <PasswordField label="Current clinic passphrase" value={current} onChange={setCurrent} autoFocus />
      <PassphraseFields
        label="New clinic passphrase"
        purpose="the clinic lock"
        related={[settings.clinicName]}
        onChange={setChoice}
        showProblems={tried}
      />
      <FormError message={problem} />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change the passphrase'}
        </Button>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The closing message of turning the lock off, with what could not be opened (damaged) counted. */
export function turnedOffMessage({ emptied, safetyCopiesRemoved: copies }: TurnedOff): string {
  const parts = ['The clinic lock is off. Notes are stored unsealed on this computer.'];
  if (emptied > 0)
    parts.push(
      `${emptied === 1 ? 'One value' : `${emptied} values`} could not be opened (damaged) and ${emptied === 1 ? 'was' : 'were'} left empty.`,
    );
  if (copies > 0)
    parts.push(
      `${copies === 1 ? 'One safety copy' : `${copies} safety copies`} kept before a restore could not be opened (damaged) and ${copies === 1 ? 'was' : 'were'} removed; your records are not affected.`,
    );
  return parts.join(' ');
}

function TurnOffLock({ onClose }: { onClose: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<SealProgress | null>(null);
  const { showToast } = useToast();
  // Held while unsealing too: the passphrase is checked after the progress shows.
  usePassphraseWorker();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!passphrase) return setProblem('Type the clinic passphrase to turn the lock off.');
    setProgress({ done: 0, total: 0 });
    try {
      showToast(turnedOffMessage(await clinicLockActions.turnOff(passphrase, setProgress)));
      onClose();
    } catch (error) {
      setProgress(null);
      setProblem(message(error, 'The clinic lock could not be turned off.'));
    }
  }

  if (progress) return <WorkProgress label="Unsealing notes" done={progress.done} total={progress.total} />;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Turn off the clinic lock">
      <p>
        Without the lock, anyone who opens the app or copies its folder can read every note. The notes are
        unsealed one batch at a time; if the app is closed half-way it finishes after the next unlock.
      </p>
      <PasswordField label="Clinic passphrase" value={passphrase} onChange={setPassphrase} autoFocus />
      <FormError message={problem} />
      <div className="form-actions">
        <Button type="submit" variant="danger">
          Turn off the clinic lock
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
