import { type FormEvent, useRef, useState } from 'react';
import { FOCUS_LABELS, FOCUSES, type Focus, type Person, type Relationship } from '../../domain/types';
import { usePeople } from '../../hooks/usePeople';
import { usePrograms } from '../../hooks/usePrograms';
import { relationshipActions } from '../../hooks/useRelationships';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { FormError, SelectField, TextField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';
import { useLeaveGuard } from '../../ui/useLeaveGuard';

const FOCUS_OPTIONS = FOCUSES.map((value) => ({ value, label: FOCUS_LABELS[value] }));

/** Who can be chosen: people still here with that role, and whoever is on the pairing now. */
function choices(people: Person[] | undefined, role: 'isMentor' | 'isMentee', current: string) {
  return (people ?? [])
    .filter((person) => person.id === current || (person[role] && !person.archived))
    .map((person) => ({ value: person.id, label: person.name }));
}

/**
 * Corrects a pairing's focus and dates, and — while it has no meeting — a mistyped mentor, mentee or
 * program. Its status changes elsewhere.
 */
export function EditPairingDialog({
  relationship,
  hasMeetings,
  onClose,
}: {
  relationship: Relationship;
  /** A pairing that has met keeps its people and program: they are the record of those meetings. */
  hasMeetings: boolean;
  onClose: () => void;
}) {
  const people = usePeople();
  const programs = usePrograms();
  const [mentorId, setMentorId] = useState(relationship.mentorId);
  const [menteeId, setMenteeId] = useState(relationship.menteeId);
  const [programId, setProgramId] = useState(relationship.programId);
  const [focus, setFocus] = useState<Focus>(relationship.focus);
  const [startDate, setStartDate] = useState(relationship.startDate);
  const [plannedEndDate, setPlannedEndDate] = useState(relationship.plannedEndDate ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const { showToast } = useToast();
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  const changed =
    mentorId !== relationship.mentorId ||
    menteeId !== relationship.menteeId ||
    programId !== relationship.programId ||
    focus !== relationship.focus ||
    startDate !== relationship.startDate ||
    plannedEndDate !== (relationship.plannedEndDate ?? '');
  // Leaving the page or closing the window asks too, as the full-page forms do.
  const guard = useLeaveGuard(changed);

  /** Closing a half-typed dialog (Cancel, Escape, the close button) asks before discarding it. */
  function requestClose() {
    if (changed) setAskingToDiscard(true);
    else onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    try {
      await relationshipActions.update(relationship.id, {
        ...(hasMeetings ? {} : { mentorId, menteeId, programId }),
        focus,
        startDate,
        plannedEndDate: plannedEndDate || null,
      });
      guard.allowLeaving();
      showToast('The pairing was updated.');
      onClose();
    } catch (error) {
      errors.show(error);
    }
  }

  return (
    <Dialog title="Edit pairing details" onClose={requestClose}>
      {guard.prompt}
      {askingToDiscard ? (
        <ConfirmDialog
          title="Discard your changes?"
          message="What you changed in this pairing's details has not been saved. If you close now, it is lost."
          confirmLabel="Discard changes"
          danger
          onConfirm={onClose}
          onCancel={() => setAskingToDiscard(false)}
        />
      ) : null}
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        {hasMeetings ? (
          <p className="muted">
            This pairing has meetings, so its mentee, mentor and program stay as they are. To pair
            differently, end it and make a new pairing.
          </p>
        ) : (
          <>
            <SelectField
              label="Mentee"
              value={menteeId}
              onChange={setMenteeId}
              options={choices(people, 'isMentee', relationship.menteeId)}
              error={errors.fields.menteeId}
            />
            <SelectField
              label="Mentor"
              value={mentorId}
              onChange={setMentorId}
              options={choices(people, 'isMentor', relationship.mentorId)}
              error={errors.fields.mentorId}
            />
            <SelectField
              label="Program"
              value={programId}
              onChange={setProgramId}
              options={(programs ?? [])
                .filter((program) => program.id === relationship.programId || !program.archived)
                .map((program) => ({ value: program.id, label: program.name }))}
              error={errors.fields.programId}
            />
          </>
        )}
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
          <Button onClick={requestClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
