import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { PAIRING_DELETION_REASONS } from '../../domain/rules';
import type { Relationship } from '../../domain/types';
import { relationshipActions } from '../../hooks/useRelationships';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormError, SelectField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';

const REASON_OPTIONS = Object.entries(PAIRING_DELETION_REASONS).map(([value, label]) => ({ value, label }));

/**
 * Deletes a pairing that never was one (a typo, a duplicate), so it is not counted as ended early.
 * The reason comes from a short list: it goes to the audit log, which holds no free text.
 */
export function DeletePairingDialog({
  relationship,
  label,
  onClose,
}: {
  relationship: Relationship;
  label: string;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const navigate = useNavigate();
  const { showToast } = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      await relationshipActions.remove(relationship.id, reason);
      showToast(`The pairing ${label} was deleted.`);
      navigate('/relationships');
    } catch (error) {
      errors.show(error);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Delete this pairing?" onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <p>
          {label} disappears from the lists and the reports, as if it had never been entered. A pairing that
          really ended is ended instead, so the reports keep it.
        </p>
        <SelectField
          label="Why delete it?"
          value={reason}
          onChange={setReason}
          options={REASON_OPTIONS}
          placeholder="Choose a reason"
          error={errors.fields.reason}
        />
        <div className="button-row">
          <Button type="submit" variant="danger" disabled={busy}>
            Delete pairing
          </Button>
          <Button onClick={onClose} data-autofocus>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
