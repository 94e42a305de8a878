import { type FormEvent, useState } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { FormError } from './Field';
import { PasswordField } from './PasswordField';

/** Asks for the clinic passphrase again before something confidential is shown. */
export function PassphrasePrompt({
  what,
  busy,
  problem,
  onConfirm,
  onCancel,
}: {
  /** What will be shown ("the notes of this meeting"). */
  what: string;
  busy: boolean;
  problem: string | null;
  onConfirm: (passphrase: string) => void | Promise<void>;
  onCancel: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [empty, setEmpty] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!passphrase) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    await onConfirm(passphrase);
    setPassphrase('');
  }

  return (
    <Dialog title="Confirm the clinic passphrase" onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <p>These notes are confidential. Type the clinic passphrase again to show {what}.</p>
        <FormError message={empty ? 'Type the clinic passphrase.' : problem} />
        <PasswordField
          label="Clinic passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          autoFocus
        />
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Checking…' : 'Show the notes'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
