import { type FormEvent, useRef, useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { GOAL_STATUS_LABELS, GOAL_STATUSES, type Goal, type GoalStatus } from '../../domain/types';
import { goalActions } from '../../hooks/useGoals';
import { Button } from '../../ui/Button';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';

const STATUS_OPTIONS = GOAL_STATUSES.map((value) => ({ value, label: GOAL_STATUS_LABELS[value] }));

/** A new status for the goal outside a meeting, with a short note (and a reason to drop it). */
export function ProgressForm({ goal }: { goal: Goal }) {
  const [status, setStatus] = useState<GoalStatus>(goal.status);
  const [note, setNote] = useState('');
  const [dropReason, setDropReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const { showToast } = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!errors.beginSave()) return;
    try {
      await goalActions.recordProgress({ goalId: goal.id, status, note, dropReason }, date);
      setNote('');
      setDropReason('');
      showToast(`Progress recorded: ${GOAL_STATUS_LABELS[status]}.`);
    } catch (error) {
      errors.show(error);
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Record progress">
      <FormError message={errors.form} />
      <div className="form-grid">
        <SelectField
          label="New status"
          value={status}
          onChange={(value) => setStatus(value as GoalStatus)}
          options={STATUS_OPTIONS}
          error={errors.fields.status ?? null}
        />
        <TextField label="Date" type="date" value={date} onChange={setDate} max={todayIso()} />
      </div>
      <TextAreaField
        label="Progress note (optional)"
        value={note}
        onChange={setNote}
        rows={2}
        error={errors.fields.note ?? null}
      />
      {status === 'dropped' && (
        <TextAreaField
          label="Why is the goal dropped?"
          value={dropReason}
          onChange={setDropReason}
          rows={2}
          error={errors.fields.dropReason ?? null}
        />
      )}
      <div className="button-row">
        <Button type="submit" variant="primary">
          Record progress
        </Button>
      </div>
    </form>
  );
}
