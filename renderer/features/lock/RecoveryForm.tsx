import { type FormEvent, useCallback, useState } from 'react';
import { Button } from '../../ui/Button';
import { FieldFrame, FormError } from '../../ui/Field';
import { type PassphraseChoice, PassphraseFields, settledChoice } from '../../ui/PassphraseFields';
import type { UnlockAttempt } from './useUnlock';

/**
 * The way in when the passphrase is forgotten: the recovery key printed on the clinic's recovery sheet,
 * then a new passphrase (held to the same strength as the backups'). The old passphrase stops working.
 */
export function RecoveryForm({
  attempt,
  related,
  onBack,
}: {
  attempt: UnlockAttempt;
  /** Texts an attacker would try first (the clinic's name). */
  related: string[];
  onBack: () => void;
}) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [choice, setChoice] = useState<PassphraseChoice | null>(null);
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onChoice = useCallback((next: PassphraseChoice) => setChoice(next), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (attempt.busy) return;
    setTried(true);
    setProblem(null);
    if (!recoveryKey.trim()) {
      setProblem('Type the recovery key from the recovery sheet.');
      return;
    }
    const settled = choice ? await settledChoice(choice) : null;
    if (!settled?.ready) {
      setProblem(settled?.problem ?? 'Choose a new passphrase for the clinic lock.');
      return;
    }
    await attempt.recover(recoveryKey, settled.passphrase);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h1>Unlock with the recovery sheet</h1>
      <p>
        Type the recovery key printed on the clinic’s recovery sheet, then choose a new clinic passphrase. The
        old passphrase will no longer open the clinic.
      </p>
      <FormError message={problem ?? attempt.problem} />
      <FieldFrame label="Recovery key" hint="Eight groups of four letters and digits, as on the sheet.">
        {({ inputId, describedBy }) => (
          <input
            id={inputId}
            type="text"
            value={recoveryKey}
            onChange={(event) => setRecoveryKey(event.target.value)}
            aria-describedby={describedBy}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            // biome-ignore lint/a11y/noAutofocus: the form appears in answer to the manager's own click.
            autoFocus
          />
        )}
      </FieldFrame>
      <PassphraseFields
        label="New clinic passphrase"
        purpose="the clinic lock"
        related={related}
        onChange={onChoice}
        showProblems={tried}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={attempt.busy}>
          {attempt.busy ? 'Unlocking…' : 'Unlock and set the new passphrase'}
        </Button>
        <Button variant="quiet" onClick={onBack}>
          Back to the passphrase
        </Button>
      </div>
    </form>
  );
}
