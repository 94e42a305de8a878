import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatDisplayDate } from '../../domain/date-format';
import { Button } from '../../ui/Button';
import { FormError, TextField } from '../../ui/Field';
import { beginErasing, ERASE_PHRASE, isErasePhrase, useLostBothFacts } from './useEraseClinic';

/**
 * The way on when both the passphrase and the recovery sheet are lost, still inside the lock screen
 * (nothing of the clinic is shown): what to look for first, what is erased for good, what remains,
 * and a typed phrase before anything changes.
 */
export function LostBothForm({ onCancel }: { onCancel: () => void }) {
  const { erased, lockedSince } = useLostBothFacts();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  // The view replaces the passphrase form: reading starts at its heading.
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!isErasePhrase(typed)) {
      setProblem(`To erase the sealed text, type “${ERASE_PHRASE}” in the box. Nothing has changed.`);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      // From here the lock screen shows the erasing, which carries on even after a closed page.
      await beginErasing();
    } catch (error) {
      setProblem(
        error instanceof Error ? error.message : 'The erasing could not start. Nothing has changed.',
      );
      setBusy(false);
    }
  }

  return (
    <form className="form lost-both" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h1 id={titleId} ref={headingRef} tabIndex={-1}>
        Lost both the passphrase and the recovery sheet?
      </h1>
      <p>
        Without one of them, nobody can open the sealed text again — not this app, not its makers. That is
        what the lock is for. The app can carry on without it.
      </p>

      <h2>Look again first</h2>
      <ul>
        <li>
          <strong>The recovery sheet:</strong> a page titled “Guiding Hands — recovery sheet”
          {lockedSince ? `, printed on ${formatDisplayDate(lockedSince.slice(0, 10))}` : ''} when the lock was
          turned on (perhaps saved as a PDF too). It says where it was to be kept. With it, choose{' '}
          <em>Use the recovery sheet</em>: nothing is lost.
        </li>
        <li>
          <strong>A backup file you made yourself</strong> (Backups → Back up now): it holds the notes
          readable, under the passphrase chosen for that backup. If you have one, you can carry on here and
          then restore it (Backups → Restore): the notes it holds come back. Records written since that backup
          are replaced by the backup’s; the app keeps a safety copy of them first.
        </li>
        <li>
          <strong>Automatic backups</strong> made while the lock was on open only with the recovery sheet:
          without it, they can no longer be opened.
        </li>
      </ul>

      <h2>What is erased for good</h2>
      <ul>
        {erased.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        Safety copies that earlier restores kept while the lock was on are removed too: they can never be
        opened again.
      </p>

      <h2>What remains</h2>
      <p>
        Names, pairings and their status, programs, meeting dates and topics, training records, goals’ status
        and dates, and every count: the dashboard and the reports keep working. Questionnaire responses still
        count, without their answers.
      </p>
      <p>
        The clinic lock is then off. Turn it on again, with a new passphrase and a new recovery sheet, in
        Settings → Privacy.
      </p>

      <FormError message={problem} />
      <TextField
        label={`To confirm, type: ${ERASE_PHRASE}`}
        value={typed}
        onChange={setTyped}
        autoComplete="off"
        name="erase-confirmation"
      />
      <div className="button-row">
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? 'Starting…' : 'Erase the sealed text and open the clinic'}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
