import { useEffect, useId, useState } from 'react';
import { measurePassphrase, type PassphraseStrength } from '../domain/passphrase-strength';
import { PasswordField } from './PasswordField';

export interface PassphraseChoice {
  passphrase: string;
  /** True when typed the same twice and strong enough. */
  ready: boolean;
  /** Why it cannot be used yet, in plain words. */
  problem: string | null;
  /**
   * Present while the strength is still being checked: waits for the verdict. A form submitted in the
   * meantime (a passphrase pasted twice, then Enter) waits for it instead of refusing.
   */
  settle?: () => Promise<PassphraseChoice>;
}

/** The choice as it stands, once the strength is known (or while it is not: `strength` null). */
function choiceFor(
  passphrase: string,
  again: string,
  strength: PassphraseStrength | null,
  purpose: string,
): PassphraseChoice {
  let problem: string | null = null;
  if (!passphrase) problem = `Choose a passphrase for ${purpose}.`;
  else if (!strength) problem = 'Checking the passphrase…';
  else if (!strength.acceptable) problem = `This passphrase is too weak. ${strength.reason}`;
  else if (again !== passphrase) problem = 'The two passphrases are not the same.';
  return { passphrase, ready: problem === null, problem };
}

/** The choice to act on: the one given, or, while its strength is being checked, the verdict. */
export async function settledChoice(choice: PassphraseChoice): Promise<PassphraseChoice> {
  return choice.settle ? choice.settle() : choice;
}

/** A new passphrase, asked twice, with a strength meter; weak ones are refused with the reason. */
export function PassphraseFields({
  related,
  onChange,
  showProblems,
  label = 'Backup passphrase',
  purpose = 'this backup',
}: {
  /** Ends "Choose a passphrase for …" ("this backup", "the clinic lock"). */
  purpose?: string;
  /** What the passphrase is for ("Backup passphrase", "Clinic passphrase"). */
  label?: string;
  related: string[];
  onChange: (choice: PassphraseChoice) => void;
  /** Show the refusal once the manager has tried to go ahead. */
  showProblems: boolean;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [strength, setStrength] = useState<PassphraseStrength | null>(null);
  const meterId = useId();
  const relatedKey = related.join('\u0000');

  useEffect(() => {
    let current = true;
    if (!passphrase) {
      setStrength(null);
      return;
    }
    measurePassphrase(passphrase, relatedKey.split('\u0000')).then((measured) => {
      if (current) setStrength(measured);
    });
    return () => {
      current = false;
    };
  }, [passphrase, relatedKey]);

  useEffect(() => {
    const choice = choiceFor(passphrase, again, strength, purpose);
    if (passphrase && !strength)
      choice.settle = async () =>
        choiceFor(
          passphrase,
          again,
          await measurePassphrase(passphrase, relatedKey.split('\u0000')),
          purpose,
        );
    onChange(choice);
  }, [passphrase, again, strength, relatedKey, onChange, purpose]);

  const mismatch = showProblems && again !== passphrase ? 'The two passphrases are not the same.' : null;
  const weak = strength && !strength.acceptable ? strength.reason : null;
  return (
    <>
      <PasswordField
        label={label}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="new-password"
        hint="Four or five unrelated words make a strong passphrase that is easy to remember. Without it the backup cannot be opened by anyone — including you — so write it down and keep it somewhere safe."
        error={showProblems && !passphrase ? `Choose a passphrase for ${purpose}.` : null}
      />
      <div className="passphrase-strength">
        <label htmlFor={meterId}>Passphrase strength</label>{' '}
        <meter
          id={meterId}
          min={0}
          max={4}
          low={2}
          high={3}
          optimum={4}
          value={strength ? strength.score : 0}
        />{' '}
        <span>{passphrase ? (strength?.label ?? '…') : 'None yet'}</span>
        {weak && (
          <p className="field__error" role={showProblems ? 'alert' : undefined}>
            Too weak: {weak}
            {strength?.suggestions.length ? ` ${strength.suggestions.join(' ')}` : ''}
          </p>
        )}
      </div>
      <PasswordField
        label="Type the passphrase again"
        value={again}
        onChange={setAgain}
        autoComplete="new-password"
        error={mismatch}
      />
    </>
  );
}
