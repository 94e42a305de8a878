import { useState } from 'react';
import type { GoalArea } from '../../domain/types';
import { goalAreaActions, useGoalAreas } from '../../hooks/useGoals';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { ArchiveButton } from './SettingsButtons';
import { useSaveForm } from './useSaveForm';

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
              <ArchiveButton
                archived={area.archived}
                name={area.label}
                onToggle={() => toggleArchive(area)}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function NewAreaForm() {
  const [label, setLabel] = useState('');
  const { formRef, errors, submit } = useSaveForm(async () => {
    await goalAreaActions.add(label);
    setLabel('');
  });

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
