import { type FormEvent, useRef, useState } from 'react';
import { sampleDataActions, useHasSampleData } from '../../hooks/useSampleData';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { FormError, TextField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';

/**
 * Shown while the made-up sample clinic is here (dashboard and Settings): "Start for real" removes it,
 * after a confirmation, and keeps everything the manager entered herself.
 */
export function StartForRealCard() {
  const hasSample = useHasSampleData();
  const [confirming, setConfirming] = useState(false);
  if (!hasSample) return null;
  return (
    <Card title="You are looking at a sample clinic">
      <p>
        The people, pairings and meetings here are made up, to show how everything works. When you are ready,
        remove them and start with your own clinic. Anything you entered yourself stays.
      </p>
      <Button variant="primary" onClick={() => setConfirming(true)}>
        Start for real
      </Button>
      {confirming && <StartForRealDialog onClose={() => setConfirming(false)} />}
    </Card>
  );
}

function StartForRealDialog({ onClose }: { onClose: () => void }) {
  const [clinicName, setClinicName] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const { removeSampleData } = sampleDataActions;
  const { showToast } = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      const removed = await removeSampleData(clinicName);
      showToast(
        removed.keptInUse > 0
          ? `The sample clinic was removed, except ${removed.keptInUse} sample records your own pairings use.`
          : 'The sample clinic was removed. Your clinic is ready.',
      );
      onClose();
    } catch (error) {
      errors.show(error);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Remove the sample clinic?" onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <p>
          This removes the made-up people, programs, pairings and meetings, and any meeting logged on a sample
          pairing. People, programs and pairings you entered yourself stay as they are.
        </p>
        <TextField
          label="Your clinic's name"
          value={clinicName}
          onChange={setClinicName}
          error={errors.fields.clinicName}
          hint="Shown on reports, e.g. “Riverside Family Clinic”."
          autoComplete="organization"
        />
        <div className="button-row">
          <Button type="submit" variant="danger" disabled={busy}>
            Remove sample data
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
