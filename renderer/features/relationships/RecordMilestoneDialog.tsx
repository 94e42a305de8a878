import { type FormEvent, useRef, useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { MAX_MILESTONE_DESCRIPTION_LENGTH } from '../../domain/rules';
import type { Relationship } from '../../domain/types';
import { milestoneActions, useMilestoneTypes } from '../../hooks/useMilestones';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';

/** Records a first of the pairing's mentee; this pairing is the one that should debrief it. */
export function RecordMilestoneDialog({
  relationship,
  menteeName,
  onClose,
}: {
  relationship: Relationship;
  menteeName: string;
  onClose: () => void;
}) {
  const types = useMilestoneTypes();
  const [typeId, setTypeId] = useState('');
  const [date, setDate] = useState(todayIso());
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const { showToast } = useToast();
  const offered = (types ?? []).filter((type) => !type.archived);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!errors.beginSave()) return;
    setBusy(true);
    try {
      const milestone = await milestoneActions.record({
        relationshipId: relationship.id,
        typeId,
        date,
        description,
      });
      const type = offered.find((candidate) => candidate.id === typeId);
      showToast(
        `Milestone recorded. A debrief is due within ${milestone.debriefWithinDays} days${type ? ` (${type.label})` : ''}.`,
      );
      onClose();
    } catch (error) {
      errors.show(error);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Record a milestone for ${menteeName}`} onClose={onClose}>
      {!types ? (
        <Loading />
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <FormError message={errors.form} />
          <SelectField
            label="Milestone"
            value={typeId}
            onChange={setTypeId}
            placeholder="Choose what kind of first it was"
            options={offered.map((type) => ({
              value: type.id,
              label: `${type.label} (debrief within ${type.debriefWithinDays} days)`,
            }))}
            error={errors.fields.typeId}
            hint="The clinic's list is kept in Settings → Milestones."
          />
          <TextField
            label="Date it happened"
            type="date"
            value={date}
            onChange={setDate}
            max={todayIso()}
            error={errors.fields.date}
          />
          <TextAreaField
            label="What happened, in a few words"
            value={description}
            onChange={setDescription}
            rows={3}
            hint={`At most ${MAX_MILESTONE_DESCRIPTION_LENGTH} characters. Kept private like meeting notes.`}
            error={errors.fields.description}
          />
          <div className="button-row">
            <Button type="submit" variant="primary" disabled={busy}>
              Record milestone
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
