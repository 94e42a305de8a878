import { type FormEvent, useRef, useState } from 'react';
import { FOCUS_LABELS, FOCUSES, type Focus, type Relationship } from '../../domain/types';
import { useRelationshipActions } from '../../hooks/useRelationships';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormError, SelectField, TextField } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { useFormErrors } from '../../ui/useFormErrors';

const FOCUS_OPTIONS = FOCUSES.map((value) => ({ value, label: FOCUS_LABELS[value] }));

/** Corrects a pairing's focus and dates; who is paired and its status change elsewhere. */
export function EditPairingDialog({
  relationship,
  onClose,
}: {
  relationship: Relationship;
  onClose: () => void;
}) {
  const [focus, setFocus] = useState<Focus>(relationship.focus);
  const [startDate, setStartDate] = useState(relationship.startDate);
  const [plannedEndDate, setPlannedEndDate] = useState(relationship.plannedEndDate ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const { showToast } = useToast();
  const relationshipActions = useRelationshipActions();

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    try {
      await relationshipActions.update(relationship.id, {
        focus,
        startDate,
        plannedEndDate: plannedEndDate || null,
      });
      showToast('The pairing was updated.');
      onClose();
    } catch (error) {
      errors.show(error);
    }
  }

  return (
    <Dialog title="Edit pairing details" onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <SelectField
          label="Focus"
          value={focus}
          onChange={(value) => setFocus(value as Focus)}
          options={FOCUS_OPTIONS}
          error={errors.fields.focus}
        />
        <TextField
          label="Start date"
          type="date"
          value={startDate}
          onChange={setStartDate}
          error={errors.fields.startDate}
        />
        <TextField
          label="Planned end"
          type="date"
          value={plannedEndDate}
          onChange={setPlannedEndDate}
          error={errors.fields.plannedEndDate}
          hint="Optional"
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            Save details
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
