import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { settingsActions } from '../../hooks/useSettings';
import { Button } from '../../ui/Button';
import { describeError } from '../../ui/errors';
import { FormError, TextField } from '../../ui/Field';
import { MAIN_ID } from '../../ui/main-region';
import { useFormErrors } from '../../ui/useFormErrors';
import { loadSampleData } from './load-sample-data';

/**
 * First run: the manager explores a sample clinic, starts her own empty one, or restores her clinic's
 * backup on a new computer (`restore`: the backup feature's restore card, given by the app shell).
 */
export function WelcomeScreen({
  clinicName: savedName = '',
  restore,
  lockOffer,
}: {
  /** The name saved by an earlier "Start empty" whose lock offer was left unanswered (the app closed). */
  clinicName?: string;
  restore: ReactNode;
  /** The clinic lock's set-up (Settings → Privacy), given by the app shell; `done` ends the welcome. */
  lockOffer: (done: () => void) => ReactNode;
}) {
  const [clinicName, setClinicName] = useState(savedName);
  const [offeringLock, setOfferingLock] = useState(false);
  const [settingUpLock, setSettingUpLock] = useState(false);
  const nameForm = useRef<HTMLFormElement>(null);
  // A missing name is said next to the field, which takes the cursor, as on every other form.
  const nameErrors = useFormErrors(nameForm);
  const [sampleError, setSampleError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'sample' | 'empty' | null>(null);

  useEffect(() => {
    document.title = 'Welcome — Guiding Hands';
  }, []);

  async function startEmpty(event: FormEvent) {
    event.preventDefault();
    setBusy('empty');
    try {
      // The name is kept now; the welcome ends once the clinic lock is set up or skipped.
      await settingsActions.update({ clinicName });
      setOfferingLock(true);
    } catch (error) {
      nameErrors.show(error);
    } finally {
      setBusy(null);
    }
  }

  const finish = () => {
    void settingsActions.update({ onboarded: true });
  };

  if (offeringLock)
    return (
      <main className="welcome" id={MAIN_ID}>
        <h1>Keep the notes private</h1>
        <section className="card" aria-labelledby="welcome-lock">
          <h2 id="welcome-lock">The clinic lock (recommended)</h2>
          <p>
            Meeting notes are about burnout, loss and conflict. On a shared office computer, the clinic lock
            asks for a passphrase when the app opens and after a few idle minutes, and keeps every note sealed
            (encrypted) on the disk. You can also turn it on later in Settings → Privacy.
          </p>
          {settingUpLock ? (
            lockOffer(finish)
          ) : (
            <div className="form-actions">
              <Button variant="primary" onClick={() => setSettingUpLock(true)}>
                Set up the clinic lock
              </Button>
              <Button onClick={finish}>Skip for now</Button>
            </div>
          )}
        </section>
      </main>
    );

  async function loadSample() {
    setBusy('sample');
    setSampleError(null);
    try {
      await loadSampleData();
    } catch (error) {
      setSampleError(describeError(error, 'loading the sample clinic').message);
      setBusy(null);
    }
  }

  return (
    <main className="welcome" id={MAIN_ID}>
      <h1>Welcome to Guiding Hands</h1>
      <p>
        Guiding Hands keeps your clinic's mentoring program on this computer: who mentors whom, every meeting
        and its notes, and which pairs are due to meet. Nothing leaves this computer.
      </p>
      <div className="welcome__choices">
        <section className="card" aria-labelledby="welcome-sample">
          <h2 id="welcome-sample">Look around first</h2>
          <p>
            Fill the app with a small made-up clinic to see how everything works. “Start for real” removes it
            when you are ready.
          </p>
          <FormError message={sampleError} />
          <Button variant="secondary" onClick={loadSample} disabled={busy !== null}>
            {busy === 'sample' ? 'Loading sample data…' : 'Load sample data'}
          </Button>
        </section>
        <section className="card" aria-labelledby="welcome-empty">
          <h2 id="welcome-empty">Start with your clinic</h2>
          <form ref={nameForm} onSubmit={startEmpty} noValidate>
            <FormError message={nameErrors.form} />
            <TextField
              label="Clinic name"
              value={clinicName}
              onChange={(value) => {
                setClinicName(value);
                nameErrors.clear();
              }}
              error={nameErrors.fields.clinicName ?? null}
              hint="Shown on reports, e.g. “Riverside Family Clinic”."
              autoComplete="organization"
            />
            <Button type="submit" variant="primary" disabled={busy !== null}>
              Start empty
            </Button>
          </form>
        </section>
      </div>
      <div className="welcome__restore">
        <p>Moving to a new computer? Restore your clinic from its backup file instead of starting over.</p>
        {restore}
      </div>
    </main>
  );
}
