import { type FormEvent, useRef, useState } from 'react';
import type { Program } from '../../domain/types';
import { programActions } from '../../hooks/usePrograms';
import { Button } from '../../ui/Button';
import { FormError, TextField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';

function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function ProgramForm({ program, onDone }: { program: Program | null; onDone: () => void }) {
  const [name, setName] = useState(program?.name ?? '');
  const [cadence, setCadence] = useState(String(program?.cadenceDays ?? 14));
  const [months, setMonths] = useState(String(program?.typicalLengthMonths ?? 12));
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const { showToast } = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    const input = { name, cadenceDays: wholeNumber(cadence), typicalLengthMonths: wholeNumber(months) };
    try {
      if (program) await programActions.update(program.id, input);
      else await programActions.create(input);
      showToast(program ? 'Program saved.' : `Program "${name.trim()}" added.`);
      onDone();
    } catch (error) {
      errors.show(error);
    }
  }

  return (
    <form
      ref={formRef}
      className="form subform"
      onSubmit={submit}
      noValidate
      aria-label={program ? 'Edit program' : 'New program'}
    >
      <FormError message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Program name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoFocus
        />
        <TextField
          label="Meet every … days"
          type="number"
          min={1}
          max={366}
          value={cadence}
          onChange={setCadence}
          error={errors.fields.cadenceDays}
        />
        <TextField
          label="Typical length in months"
          type="number"
          min={1}
          max={120}
          value={months}
          onChange={setMonths}
          error={errors.fields.typicalLengthMonths}
        />
      </div>
      <div className="button-row">
        <Button type="submit" variant="primary">
          {program ? 'Save program' : 'Add program'}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
