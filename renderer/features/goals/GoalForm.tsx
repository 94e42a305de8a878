import { type FormEvent, useRef, useState } from 'react';
import type { GoalArea } from '../../domain/types';
import { Button } from '../../ui/Button';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useFormErrors } from '../../ui/useFormErrors';
import { useLeaveGuard } from '../../ui/useLeaveGuard';
import { type GoalDraft, goalDraftChanged } from './goal-draft';
import { SmartPrompts } from './SmartPrompts';
import { StepRows } from './StepRows';

interface GoalFormProps {
  initial: GoalDraft;
  areas: GoalArea[];
  /** Saves the draft; a thrown RuleError is shown next to its field. */
  onSave: (draft: GoalDraft) => Promise<void>;
  onCancel: () => void;
  saveLabel: string;
}

export function GoalForm({ initial, areas, onSave, onCancel, saveLabel }: GoalFormProps) {
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const guard = useLeaveGuard(goalDraftChanged(draft, initial));
  const set =
    <K extends keyof GoalDraft>(key: K) =>
    (value: GoalDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  // An archived area stays on the goal that has it, but is not offered for others.
  const options = areas
    .filter((area) => !area.archived || area.id === initial.areaId)
    .map((area) => ({ value: area.id, label: area.label }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (!errors.beginSave()) return;
    setSaving(true);
    guard.allowLeaving();
    try {
      await onSave(draft);
    } catch (error) {
      guard.guardAgain();
      errors.show(error);
      setSaving(false);
    }
  }

  const fieldError = (field: string) => errors.fields[field] ?? null;
  return (
    <div className="goal-form-layout">
      {guard.prompt}
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <TextField
          label="Goal"
          value={draft.title}
          onChange={set('title')}
          error={fieldError('title')}
          hint="One sentence: what the mentee will be able to do."
          autoFocus
        />
        <SelectField
          label="Area"
          value={draft.areaId}
          onChange={set('areaId')}
          options={options}
          placeholder="Choose an area"
          error={fieldError('areaId')}
        />
        <TextAreaField
          label="How you will know it is done (optional)"
          value={draft.details}
          onChange={set('details')}
          rows={3}
          error={fieldError('details')}
          hint="Kept on this computer only, sealed like meeting notes."
        />
        <div className="form-grid">
          <TextField
            label="Set on"
            type="date"
            value={draft.setDate}
            onChange={set('setDate')}
            error={fieldError('setDate')}
          />
          <TextField
            label="Target date"
            type="date"
            value={draft.targetDate}
            onChange={set('targetDate')}
            error={fieldError('targetDate')}
            hint="Optional; with one, the dashboard lists the goal once it is overdue."
          />
        </div>
        <StepRows steps={draft.steps} onChange={set('steps')} errors={errors.fields} />
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={saving}>
            {saveLabel}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
      <SmartPrompts draft={draft} />
    </div>
  );
}
