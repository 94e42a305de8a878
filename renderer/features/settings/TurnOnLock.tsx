import { type FormEvent, useEffect, useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import type { ClinicSettings } from '../../domain/types';
import { usePassphraseWorker } from '../../hooks/usePassphraseWorker';
import { getPlatform } from '../../platform/platform';
import { Button } from '../../ui/Button';
import { CheckboxField, FormError, TextField } from '../../ui/Field';
import { type PassphraseChoice, PassphraseFields, settledChoice } from '../../ui/PassphraseFields';
import { PrintPortal } from '../../ui/PrintPortal';
import { WorkProgress } from '../../ui/WorkProgress';
import { RecoverySheet } from './RecoverySheet';
import { useTurnOnLock } from './useTurnOnLock';

/** Turning the clinic lock on: passphrase, recovery sheet printed and confirmed, then sealing with progress. */
export function TurnOnLock({ settings, onClose }: { settings: ClinicSettings; onClose: () => void }) {
  const flow = useTurnOnLock();
  const [choice, setChoice] = useState<PassphraseChoice | null>(null);
  const [keptAt, setKeptAt] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [tried, setTried] = useState(false);
  const [typed, setTyped] = useState<[string, string]>(['', '']);
  const [problem, setProblem] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [busy, setBusy] = useState(false);
  const madeOn = todayIso();
  // The passphrase is stretched as the sheet is confirmed: its worker waits from the first step.
  usePassphraseWorker(flow.step === 'choose' || flow.step === 'sheet');

  useEffect(() => {
    if (!printing) return;
    let live = true;
    getPlatform()
      .print()
      .catch(() => setProblem('The sheet could not be printed. Try again, or copy the key by hand.'))
      .finally(() => {
        if (live) setPrinting(false);
      });
    return () => {
      live = false;
    };
  }, [printing]);

  async function choose(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setProblem(null);
    const settled = choice ? await settledChoice(choice) : null;
    if (!settled?.ready) return setProblem(settled?.problem ?? 'Choose a passphrase for the clinic lock.');
    if (!keptAt.trim()) return setProblem('Say where the recovery sheet will be kept.');
    if (!understood) return setProblem('Tick the box to say you understand what happens if both are lost.');
    flow.start(settled.passphrase);
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!flow.groupsMatch(typed))
      return setProblem('Those groups are not the ones on the sheet. Check the numbers under each group.');
    setBusy(true);
    try {
      await flow.confirm();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The clinic lock could not be turned on.');
    } finally {
      setBusy(false);
    }
  }

  if (flow.step === 'choose')
    return (
      <form className="form" onSubmit={choose} noValidate aria-label="Turn on the clinic lock">
        <p>
          The clinic passphrase will be asked each time Guiding Hands opens, after a few idle minutes, and
          before a confidential note is shown. Choose one only you (and a deputy) know.
        </p>
        <PassphraseFields
          label="Clinic passphrase"
          purpose="the clinic lock"
          related={[settings.clinicName]}
          onChange={setChoice}
          showProblems={tried}
        />
        <TextField
          label="Where will the recovery sheet be kept?"
          hint="For example: the locked drawer of the manager's desk. It is printed on the sheet."
          value={keptAt}
          onChange={setKeptAt}
        />
        <CheckboxField
          label="I understand: if both the passphrase and the recovery sheet are lost, nobody can open the notes again."
          checked={understood}
          onChange={setUnderstood}
        />
        <FormError message={problem} />
        <div className="form-actions">
          <Button type="submit" variant="primary">
            Next: the recovery sheet
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    );

  if (flow.step === 'sheet' && flow.sheet && flow.groups)
    return (
      <form className="form" onSubmit={confirm} noValidate aria-label="Confirm the recovery sheet">
        <p>
          Print this sheet now (or save it as a PDF and print it) and put it where you said. It is shown only
          this once.
        </p>
        <RecoverySheet clinicName={settings.clinicName} madeOn={madeOn} keptAt={keptAt} {...flow.sheet} />
        <Button onClick={() => setPrinting(true)} disabled={printing}>
          Print the recovery sheet
        </Button>
        {printing && (
          <PrintPortal
            className="recovery-sheet-print"
            paperSize={settings.paperSize}
            runningHeader={settings.clinicName}
            runningFooter={`Printed ${formatDisplayDate(madeOn)} by Guiding Hands`}
          >
            <RecoverySheet clinicName={settings.clinicName} madeOn={madeOn} keptAt={keptAt} {...flow.sheet} />
          </PrintPortal>
        )}
        <p>To check the sheet is readable, type two of its groups:</p>
        <div className="form-grid">
          <TextField
            label={`Group ${flow.groups[0]}`}
            value={typed[0]}
            onChange={(value) => setTyped([value, typed[1]])}
            autoComplete="off"
          />
          <TextField
            label={`Group ${flow.groups[1]}`}
            value={typed[1]}
            onChange={(value) => setTyped([typed[0], value])}
            autoComplete="off"
          />
        </div>
        <FormError message={problem} />
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Turning the lock on…' : 'Turn on the clinic lock'}
          </Button>
          <Button onClick={flow.cancel} disabled={busy}>
            Back
          </Button>
        </div>
      </form>
    );

  if (flow.step === 'sealing')
    return (
      <div>
        <p>
          Sealing the notes already written. You can keep working in another window of your day; do not close
          the app.
        </p>
        <WorkProgress
          label="Sealing notes"
          done={flow.progress?.done ?? 0}
          total={flow.progress?.total ?? 0}
        />
        <FormError message={problem} />
      </div>
    );

  return (
    <div role="status">
      <p>
        <strong>The clinic lock is on.</strong> Every note, action item and reason is now sealed on this
        computer. Keep the recovery sheet safe.
      </p>
      <Button onClick={onClose}>Close</Button>
    </div>
  );
}
