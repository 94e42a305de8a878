import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { MAX_MENTOR_CAPACITY } from '../../domain/rules';
import {
  CAREER_STAGE_LABELS,
  CAREER_STAGES,
  type CareerStage,
  type Person,
  PROFESSION_LABELS,
  PROFESSIONS,
  type Profession,
} from '../../domain/types';
import { personActions } from '../../hooks/usePeople';
import { Button } from '../../ui/Button';
import { CheckboxField, FormError, SelectField, TextField } from '../../ui/Field';
import { useFormErrors } from '../../ui/useFormErrors';
import { useLeaveGuard } from '../../ui/useLeaveGuard';
import { draftFromPerson, EMPTY_PERSON, inputFromDraft, type PersonDraft } from './person-draft';

const PROFESSION_OPTIONS = PROFESSIONS.map((value) => ({ value, label: PROFESSION_LABELS[value] }));
const STAGE_OPTIONS = CAREER_STAGES.map((value) => ({ value, label: CAREER_STAGE_LABELS[value] }));

interface PersonFormProps {
  /** The person being edited; null to add someone new. */
  person: Person | null;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}

export function PersonForm({ person, onSaved, onCancel }: PersonFormProps) {
  const [initial] = useState<PersonDraft>(() => (person ? draftFromPerson(person) : EMPTY_PERSON));
  const [draft, setDraft] = useState<PersonDraft>(initial);
  const guard = useLeaveGuard(JSON.stringify(draft) !== JSON.stringify(initial));
  const [saving, setSaving] = useState(false);
  // A second press of "Add person" after the duplicate warning adds the person anyway.
  const [duplicate, setDuplicate] = useState<Person | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const set =
    <K extends keyof PersonDraft>(key: K) =>
    (value: PersonDraft[K]) => {
      if (key === 'name' || key === 'email') setDuplicate(null);
      setDraft((current) => ({ ...current, [key]: value }));
    };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!errors.beginSave()) return;
    setSaving(true);
    try {
      const input = inputFromDraft(draft);
      if (!person && !duplicate) {
        const [existing] = await personActions.findDuplicates([{ name: input.name, email: input.email }]);
        if (existing) {
          setDuplicate(existing);
          setSaving(false);
          return;
        }
      }
      const saved = person ? await personActions.update(person.id, input) : await personActions.create(input);
      guard.allowLeaving();
      onSaved(saved);
    } catch (error) {
      errors.show(error);
      setSaving(false);
    }
  }

  const fieldError = (field: string) => errors.fields[field] ?? null;
  return (
    <>
      {guard.prompt}
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        {duplicate && <DuplicateWarning person={duplicate} onOpen={guard.allowLeaving} />}
        <div className="form-grid">
          <TextField
            label="Name"
            value={draft.name}
            onChange={set('name')}
            error={fieldError('name')}
            required
          />
          <TextField
            label="Email"
            type="email"
            value={draft.email}
            onChange={set('email')}
            error={fieldError('email')}
            hint="Optional"
          />
          <SelectField
            label="Profession"
            value={draft.profession}
            onChange={(value) => set('profession')(value as Profession)}
            options={PROFESSION_OPTIONS}
            error={fieldError('profession')}
          />
          <TextField
            label="Specialty or department"
            value={draft.specialty}
            onChange={set('specialty')}
            hint="For example: Emergency, Pediatrics"
          />
          <SelectField
            label="Career stage"
            value={draft.careerStage}
            onChange={(value) => set('careerStage')(value as CareerStage)}
            options={STAGE_OPTIONS}
            error={fieldError('careerStage')}
          />
          <TextField
            label="Interests and expertise"
            value={draft.tags}
            onChange={set('tags')}
            hint="Separate with commas: wound care, research"
          />
          <TextField
            label="Hire date"
            type="date"
            value={draft.hireDate}
            onChange={set('hireDate')}
            error={fieldError('hireDate')}
            hint="Optional"
          />
          <TextField
            label="Leaving date"
            type="date"
            value={draft.leavingDate}
            onChange={set('leavingDate')}
            error={fieldError('leavingDate')}
            hint="Optional"
          />
        </div>
        <fieldset
          className="fieldset"
          aria-describedby={fieldError('isMentor') ? 'person-role-error' : undefined}
          data-field-error={fieldError('isMentor') ? true : undefined}
          tabIndex={fieldError('isMentor') ? -1 : undefined}
        >
          <legend>Role in the program</legend>
          <CheckboxField label="Mentors others" checked={draft.isMentor} onChange={set('isMentor')} />
          <CheckboxField label="Is mentored" checked={draft.isMentee} onChange={set('isMentee')} />
          {fieldError('isMentor') && (
            <p id="person-role-error" className="field__error">
              {fieldError('isMentor')}
            </p>
          )}
          {draft.isMentor && (
            <TextField
              label="Mentor capacity"
              type="number"
              min={0}
              max={MAX_MENTOR_CAPACITY}
              value={draft.mentorCapacity}
              onChange={set('mentorCapacity')}
              error={fieldError('mentorCapacity')}
              hint="How many mentees they can take on at once"
            />
          )}
        </fieldset>
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={saving}>
            {person ? 'Save changes' : 'Add person'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </>
  );
}

/** Opening the record already there is the manager's answer to the warning: it leaves without asking. */
function DuplicateWarning({ person, onOpen }: { person: Person; onOpen: () => void }) {
  return (
    <div className="form-error" role="alert">
      <p>
        {person.name}
        {person.email && ` (${person.email})`} is already in your records
        {person.archived && ', archived'}.{' '}
        <Link to={`/people/${person.id}`} onClick={onOpen}>
          Open their record
        </Link>
        , or press “Add person” again to add a second person with the same name.
      </p>
    </div>
  );
}
