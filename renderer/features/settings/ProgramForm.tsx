import { useState } from 'react';
import type { Program } from '../../domain/types';
import { programActions } from '../../hooks/usePrograms';
import { FormError, TextField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { SaveOrCancel } from './SettingsButtons';
import { useSaveForm } from './useSaveForm';

function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function ProgramForm({ program, onDone }: { program: Program | null; onDone: () => void }) {
  const [name, setName] = useState(program?.name ?? '');
  const [cadence, setCadence] = useState(String(program?.cadenceDays ?? 14));
  const [months, setMonths] = useState(String(program?.typicalLengthMonths ?? 12));
  const { showToast } = useToast();
  const { formRef, errors, submit } = useSaveForm(async () => {
    const input = { name, cadenceDays: wholeNumber(cadence), typicalLengthMonths: wholeNumber(months) };
    if (program) await programActions.update(program.id, input);
    else await programActions.create(input);
    showToast(program ? 'Program saved.' : `Program "${name.trim()}" added.`);
    onDone();
  });

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
      <SaveOrCancel label={program ? 'Save program' : 'Add program'} onCancel={onDone} />
    </form>
  );
}
