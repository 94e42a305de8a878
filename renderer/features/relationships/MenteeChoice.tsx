import { useDeferredValue, useState } from 'react';
import type { Person } from '../../domain/types';
import { PROFESSION_LABELS } from '../../domain/types';
import { TextField } from '../../ui/Field';
import { useMenteeMatches } from './usePairingCandidates';

/** A handful to choose from; a larger clinic types more of the name. */
const MENTEES_SHOWN = 8;

interface MenteeChoiceProps {
  /** The chosen mentee, kept in view whatever is typed. */
  chosen: Person | null;
  onChange: (mentee: Person) => void;
  error: string | null;
}

/** Finds the mentee by typing (name, e-mail, specialty or tag): one radio button per match. */
export function MenteeChoice({ chosen, onChange, error }: MenteeChoiceProps) {
  const [query, setQuery] = useState('');
  const matches = useMenteeMatches(useDeferredValue(query), MENTEES_SHOWN);
  const shown = matches?.people ?? [];
  const visible = chosen && !shown.some((person) => person.id === chosen.id) ? [chosen, ...shown] : shown;
  return (
    <fieldset
      className="fieldset"
      aria-describedby={error ? 'mentee-choice-error' : undefined}
      data-field-error={error ? true : undefined}
      tabIndex={error ? -1 : undefined}
    >
      <legend>Mentee</legend>
      <TextField
        label="Find the mentee"
        type="search"
        value={query}
        onChange={setQuery}
        hint="The start of any word of a name, e-mail, specialty or interest"
      />
      <p className="muted" role="status">
        {!matches
          ? 'Looking…'
          : shown.length === 0
            ? 'No mentee matches that search.'
            : matches.more
              ? `The first ${shown.length} mentees by name. Type more of a name to narrow the list.`
              : `${shown.length} ${shown.length === 1 ? 'mentee' : 'mentees'}.`}
      </p>
      <ul className="row-list">
        {visible.map((person) => (
          <li key={person.id}>
            <label className="mentor-option">
              <input
                type="radio"
                name="mentee"
                value={person.id}
                checked={chosen?.id === person.id}
                onChange={() => onChange(person)}
              />
              <span>
                <strong>{person.name}</strong>
                <span className="muted">
                  {' '}
                  · {PROFESSION_LABELS[person.profession]}
                  {person.specialty && `, ${person.specialty}`}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id="mentee-choice-error" className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
