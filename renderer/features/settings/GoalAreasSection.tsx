import { type FormEvent, useRef, useState } from 'react';
import type { GoalArea } from '../../domain/types';
import { goalAreaActions, useGoalAreas } from '../../hooks/useGoals';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useFormErrors } from '../../ui/useFormErrors';
import { useToastOnFailure } from '../../ui/useToastOnFailure';

/** The areas a development-plan goal is filed under: the built-in list plus the clinic's own. */
export function GoalAreasSection() {
  const areas = useGoalAreas();
  const toastOnFailure = useToastOnFailure();

  async function toggleArchive(area: GoalArea) {
    await toastOnFailure(() => goalAreaActions.archive(area.id, !area.archived));
  }

  return (
    <Card title="Goal areas">
      <p className="muted">Archived areas stay on existing goals but are not offered for new ones.</p>
      <NewAreaForm />
      {!areas ? (
        <Loading />
      ) : (
        <ul className="row-list" aria-label="Goal areas">
          {areas.map((area) => (
            <li key={area.id}>
              <span>
                {area.label} {area.builtIn && <span className="badge">Built in</span>}{' '}
                {area.archived && <span className="badge">Archived</span>}
              </span>
              <Button
                variant="quiet"
                className="button--small"
                onClick={() => toggleArchive(area)}
                aria-label={`${area.archived ? 'Restore' : 'Archive'} ${area.label}`}
              >
                {area.archived ? 'Restore' : 'Archive'}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function NewAreaForm() {
  const [label, setLabel] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    try {
      await goalAreaActions.add(label);
      setLabel('');
    } catch (error) {
      errors.show(error);
    }
  }

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate>
      <TextField
        label="New goal area"
        value={label}
        onChange={setLabel}
        error={errors.fields.label ?? errors.form}
      />
      <Button type="submit">Add area</Button>
    </form>
  );
}
