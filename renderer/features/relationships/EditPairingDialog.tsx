import { type FormEvent, useRef, useState } from 'react';
import { FOCUS_LABELS, FOCUSES, type Focus, type Person, type Relationship } from '../../domain/types';
import { type FinderRole, useFinderMatches, usePeopleByIds } from '../../hooks/usePeople';
import { usePrograms } from '../../hooks/usePrograms';
import { relationshipActions } from '../../hooks/useRelationships';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { FormError, SelectField, TextField } from '../../ui/Field';
import { PersonFinder } from '../../ui/PersonFinder';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';
import { useLeaveGuard } from '../../ui/useLeaveGuard';

const FOCUS_OPTIONS = FOCUSES.map((value) => ({ value, label: FOCUS_LABELS[value] }));

/** A handful to choose from in the dialog; a larger clinic types more of the name. */
const PEOPLE_SHOWN = 5;

/**
 * One side of the pairing, found by typing among the people of that role who are not archived; whoever
 * is on the pairing now stays in view (even if archived since) until another is chosen.
 */
function PairedPersonFinder({
  side: role,
  chosen,
  onChange,
  error,
}: {
  side: Extract<FinderRole, 'mentee' | 'mentor'>;
  chosen: Person | null;
  onChange: (person: Person) => void;
  error: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const { matches, busy } = useFinderMatches(query, role, PEOPLE_SHOWN);
  const title = role === 'mentee' ? 'Mentee' : 'Mentor';
  return (
    <PersonFinder
      legend={title}
      findLabel={`Find the ${role}`}
      noun={{ one: role, many: `${role}s` }}
      name={`edit-${role}`}
      query={query}
      onQueryChange={setQuery}
      matches={matches}
      busy={busy}
      chosen={chosen}
      onChange={onChange}
      error={error}
    />
  );
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
  const paired = usePeopleByIds([relationship.mentorId, relationship.menteeId]);
  const programs = usePrograms();
  const [mentor, setMentor] = useState<Person | null>(null);
  const [mentee, setMentee] = useState<Person | null>(null);
  const mentorId = mentor?.id ?? relationship.mentorId;
  const menteeId = mentee?.id ?? relationship.menteeId;
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
    if (!errors.beginSave()) return;
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
            <PairedPersonFinder
              side="mentee"
              chosen={mentee ?? paired?.get(relationship.menteeId) ?? null}
              onChange={setMentee}
              error={errors.fields.menteeId}
            />
            <PairedPersonFinder
              side="mentor"
              chosen={mentor ?? paired?.get(relationship.mentorId) ?? null}
              onChange={setMentor}
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
