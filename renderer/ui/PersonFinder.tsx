import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import type { Person } from '../domain/types';
import { PROFESSION_LABELS } from '../domain/types';
import { TextField } from './Field';

// Choosing one person of a clinic of any size: a search box and, below it, a handful of matches as radio
// buttons (arrow keys move between them, as in any radio group). The screen reads the matches a page at a
// time and passes them in; the chosen person stays in view whatever is typed. Enter in the search box
// chooses the only match, and never sends the form.

export interface PersonFinderProps {
  /** The group's name ("Mentee"). */
  legend: string;
  /** The search box's label ("Find the mentee"). */
  findLabel: string;
  /** What the people listed are called, one and many ("mentee", "mentees"). */
  noun: { one: string; many: string };
  /** The radio group's name, unique on the screen. */
  name: string;
  query: string;
  onQueryChange: (query: string) => void;
  /** The matches of the query; undefined while they are read. */
  matches: { people: Person[]; more: boolean } | undefined;
  /** True while the matches shown are still those of an earlier query (aria-busy; Enter chooses nobody). */
  busy?: boolean;
  chosen: Person | null;
  onChange: (person: Person) => void;
  error?: string | null;
  /** What is shown after each name; by default the profession and specialty. */
  details?: (person: Person) => ReactNode;
}

function professionOf(person: Person): ReactNode {
  return (
    <>
      {PROFESSION_LABELS[person.profession]}
      {person.specialty && `, ${person.specialty}`}
    </>
  );
}

function statusOf(matches: PersonFinderProps['matches'], noun: PersonFinderProps['noun']): string {
  if (!matches) return 'Looking…';
  const count = matches.people.length;
  if (count === 0) return `No ${noun.one} matches that search.`;
  if (matches.more) return `The first ${count} ${noun.many} by name. Type more of a name to narrow the list.`;
  return `${count} ${count === 1 ? noun.one : noun.many}.`;
}

export function PersonFinder({
  legend,
  findLabel,
  noun,
  name,
  query,
  onQueryChange,
  matches,
  busy = false,
  chosen,
  onChange,
  error,
  details = professionOf,
}: PersonFinderProps) {
  const shown = matches?.people ?? [];
  const visible = chosen && !shown.some((person) => person.id === chosen.id) ? [chosen, ...shown] : shown;
  const errorId = `${name}-choice-error`;
  // Enter in the search box never sends the form around it (that would save or hand over with whoever
  // was chosen before the search); with exactly one match of what is typed, it chooses that person. An
  // Enter pressed while the matches are still being read waits for them, for the text typed when it was
  // pressed: another key, a click on a person or leaving the box forgets it.
  const enterPendingFor = useRef<string | null>(null);
  const waiting = busy || matches === undefined;
  // The only match, unless already chosen (choosing again may reset what depends on the choice).
  const onlyMatch =
    !waiting && !matches.more && matches.people.length === 1 && matches.people[0].id !== chosen?.id
      ? matches.people[0]
      : undefined;
  useEffect(() => {
    if (waiting || enterPendingFor.current === null) return;
    const pendingQuery = enterPendingFor.current;
    enterPendingFor.current = null;
    if (onlyMatch && pendingQuery === query) onChange(onlyMatch);
  }, [waiting, onlyMatch, onChange, query]);
  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') {
      enterPendingFor.current = null;
      return;
    }
    event.preventDefault();
    if (waiting) enterPendingFor.current = query;
    else if (onlyMatch) onChange(onlyMatch);
  }
  function choose(person: Person) {
    enterPendingFor.current = null;
    onChange(person);
  }
  return (
    <fieldset
      className="fieldset"
      aria-describedby={error ? errorId : undefined}
      data-field-error={error ? true : undefined}
      tabIndex={error ? -1 : undefined}
    >
      <legend>{legend}</legend>
      <TextField
        label={findLabel}
        type="search"
        value={query}
        onChange={onQueryChange}
        onKeyDown={onSearchKey}
        onBlur={() => {
          enterPendingFor.current = null;
        }}
        hint="The start of any word of a name, e-mail, specialty or interest"
      />
      <p className="muted" role="status" aria-busy={busy || undefined}>
        {statusOf(matches, noun)}
      </p>
      <ul className="row-list" aria-busy={busy || undefined}>
        {visible.map((person) => (
          <li key={person.id}>
            <label className="mentor-option">
              <input
                type="radio"
                name={name}
                value={person.id}
                checked={chosen?.id === person.id}
                onChange={() => choose(person)}
              />
              <span>
                <strong>{person.name}</strong>
                <span className="muted"> · {details(person)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
