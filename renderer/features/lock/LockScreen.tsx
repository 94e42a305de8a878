import './lock.css';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useClinicLock } from '../../hooks/useClinicLock';
import { usePassphraseWorker } from '../../hooks/usePassphraseWorker';
import { useSettings } from '../../hooks/useSettings';
import { Button } from '../../ui/Button';
import { FieldFrame, FormError } from '../../ui/Field';
import { MAIN_ID } from '../../ui/main-region';
import { ErasingClinic } from './ErasingClinic';
import { LostBothForm } from './LostBothForm';
import { RecoveryForm } from './RecoveryForm';
import { type UnlockAttempt, useUnlock } from './useUnlock';

/** "1:05" for a wait in seconds. */
export function formatWait(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

type Way = 'passphrase' | 'recovery' | 'lost-both';

/**
 * All the window shows while the clinic is locked: the clinic's name, the passphrase, the way in with
 * the recovery sheet, and the way on without the sealed text when both are lost (and its progress). No
 * person, pairing or screen of the app is drawn behind it.
 */
export function LockScreen() {
  const settings = useSettings();
  const attempt = useUnlock();
  const { mode } = useClinicLock();
  const [way, setWay] = useState<Way>('passphrase');
  // The passphrase's worker loads while the manager types (the passphrase, or the new one after the
  // recovery key), not after Enter.
  usePassphraseWorker(mode !== 'erasing' && way !== 'lost-both');

  // The window title may have named a person on the screen that was showing.
  useEffect(() => {
    document.title = 'Locked — Guiding Hands';
  }, []);

  return (
    <main className="lock-screen" id={MAIN_ID}>
      <div className="lock-screen__panel">
        <p className="lock-screen__app">Guiding Hands</p>
        {settings?.clinicName && <p className="lock-screen__clinic">{settings.clinicName}</p>}
        {mode === 'erasing' ? (
          <ErasingClinic />
        ) : way === 'recovery' ? (
          <RecoveryForm
            attempt={attempt}
            related={settings?.clinicName ? [settings.clinicName] : []}
            onBack={() => setWay('passphrase')}
          />
        ) : way === 'lost-both' ? (
          <LostBothForm onCancel={() => setWay('passphrase')} />
        ) : (
          <PassphraseForm
            attempt={attempt}
            onRecover={() => setWay('recovery')}
            onLostBoth={() => setWay('lost-both')}
          />
        )}
      </div>
    </main>
  );
}

function PassphraseForm({
  attempt,
  onRecover,
  onLostBoth,
}: {
  attempt: UnlockAttempt;
  onRecover: () => void;
  onLostBoth: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [empty, setEmpty] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const waiting = attempt.waitSeconds > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (attempt.busy || waiting) return;
    if (!passphrase) {
      setEmpty(true);
      inputRef.current?.focus();
      return;
    }
    setEmpty(false);
    const unlocked = await attempt.unlock(passphrase);
    if (!unlocked) {
      setPassphrase('');
      inputRef.current?.focus();
    }
  }

  const problem = empty ? 'Type the clinic passphrase.' : attempt.problem;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h1>This clinic is locked</h1>
      <p>Type the clinic passphrase to see its records.</p>
      <FormError message={problem} />
      {waiting && (
        <p className="form-error" role="status">
          Too many wrong passphrases. You can try again in {formatWait(attempt.waitSeconds)}.
        </p>
      )}
      <FieldFrame label="Clinic passphrase">
        {({ inputId, describedBy }) => (
          <input
            id={inputId}
            ref={inputRef}
            type="password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={problem ? true : undefined}
            autoComplete="current-password"
            spellCheck={false}
            // biome-ignore lint/a11y/noAutofocus: the lock screen has one thing to do; the field is it.
            autoFocus
          />
        )}
      </FieldFrame>
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={attempt.busy || waiting}>
          {attempt.busy ? 'Unlocking…' : 'Unlock'}
        </Button>
        <Button variant="quiet" onClick={onRecover}>
          Use the recovery sheet
        </Button>
        <Button variant="quiet" onClick={onLostBoth}>
          Lost both the passphrase and the recovery sheet?
        </Button>
      </div>
    </form>
  );
}
