import { type FormEvent, useMemo, useState } from 'react';
import type { Id } from '../../domain/types';
import { Button, ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { SelectField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { usePeopleById } from '../people/usePeople';
import { pairLabel, useRelationships } from '../relationships/useRelationships';

/** When "Log a meeting" is opened from the menu, the manager first says which pair met. */
export function PairingPicker({ onPick }: { onPick: (relationshipId: Id) => void }) {
  const relationships = useRelationships();
  const peopleById = usePeopleById();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const options = useMemo(() => {
    if (!relationships || !peopleById) return [];
    return relationships
      .filter((relationship) => relationship.status === 'active' || relationship.status === 'paused')
      .map((relationship) => ({ value: relationship.id, label: pairLabel(relationship, peopleById) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [relationships, peopleById]);

  if (!relationships || !peopleById) return <Loading />;
  if (options.length === 0)
    return (
      <EmptyState
        title="There is no active pairing to log a meeting for."
        action={<ButtonLink to="/relationships/new">New pairing</ButtonLink>}
      >
        Pair a mentee with a mentor first.
      </EmptyState>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) setError('Choose the pair that met.');
    else onPick(chosen);
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <SelectField
        label="Which pair met?"
        value={chosen}
        onChange={(value) => {
          setChosen(value);
          setError(null);
        }}
        options={options}
        placeholder="Choose a pair"
        error={error}
      />
      <Button type="submit" variant="primary">
        Continue
      </Button>
    </form>
  );
}
