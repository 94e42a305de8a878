import { useEffect, useState } from 'react';
import { type MentorOption, optionMatchesSearch } from '../../domain/mentor-ranking';
import { searchTerms } from '../../domain/people-search';
import type { TrainingStatus } from '../../domain/training';
import type { Id } from '../../domain/types';
import { PROFESSION_LABELS } from '../../domain/types';
import { TextField } from '../../ui/Field';

/** A long radio list is hard to scan and slow to tab through: past this, the manager narrows it by typing. */
export const MENTORS_SHOWN = 25;

interface MentorChoiceProps {
  /**
   * The mentors, ranked: at least the first MENTORS_SHOWN (with a search, of those matching `searched`),
   * or every one when `complete`; the chosen one among them.
   */
  options: MentorOption[];
  /** How many mentors there are in all. */
  total: number;
  complete: boolean;
  /** The search the options answer. */
  searched: string;
  /** How many mentors match the search the options answer. */
  matching: number;
  /** Asks for the mentors who may match what is typed, at each change. */
  onSearch: (query: string) => void;
  value: Id;
  onChange: (mentorId: Id) => void;
  error: string | null;
  /** Each mentor's training on the start date (a mentor absent: not read yet); undefined while loading. */
  training?: Map<Id, TrainingStatus>;
}

/** One radio button per mentor, each showing the mentor's current load against their capacity. */
export function MentorChoice({
  options,
  total,
  complete,
  searched,
  matching,
  onSearch,
  value,
  onChange,
  error,
  training,
}: MentorChoiceProps) {
  const [query, setQuery] = useState('');
  const words = searchTerms(query);
  const searching = words.length > 0;
  // A search looks through every mentor: those who may match are read at each change of what is typed.
  useEffect(() => onSearch(query), [query, onSearch]);
  const sameSearch = searchTerms(searched).join(' ') === words.join(' ');
  const answered = complete || sameSearch;
  const found = options.filter((option) => optionMatchesSearch(option, words));
  // The options of another search hold every mentor only when complete: then they are counted here.
  const foundCount = searching ? (sameSearch ? matching : found.length) : total;
  const visible = found.slice(0, MENTORS_SHOWN);
  // The chosen mentor stays in view while the manager types another search.
  const chosen = options.find((option) => option.mentor.id === value);
  if (chosen && !visible.includes(chosen)) visible.unshift(chosen);
  return (
    <fieldset
      className="fieldset"
      aria-describedby={error ? 'mentor-choice-error' : undefined}
      data-field-error={error ? true : undefined}
      tabIndex={error ? -1 : undefined}
    >
      <legend>Choose a mentor</legend>
      {total > MENTORS_SHOWN / 2 && (
        <TextField
          label="Find a mentor"
          type="search"
          value={query}
          onChange={setQuery}
          hint="The start of any word of a name, e-mail, profession, specialty or interest"
        />
      )}
      <p className="muted" role="status" aria-busy={!answered || undefined}>
        {/* Also after a search is cleared: the options still answer it until every mentor is back. */}
        {!answered
          ? 'Looking through every mentor…'
          : foundCount === 0
            ? 'No mentor matches that search.'
            : foundCount > MENTORS_SHOWN
              ? `Showing the best ${MENTORS_SHOWN} of ${foundCount} mentors. Type to narrow the list.`
              : `${foundCount} ${foundCount === 1 ? 'mentor' : 'mentors'}, those with room first.`}
      </p>
      <ul className="row-list mentor-list" aria-busy={!answered || undefined}>
        {visible.map(({ mentor, load, full, shared }) => (
          <li key={mentor.id}>
            <label className="mentor-option">
              <input
                type="radio"
                name="mentor"
                value={mentor.id}
                checked={value === mentor.id}
                onChange={() => onChange(mentor.id)}
              />
              <span>
                <strong>{mentor.name}</strong>
                <span className="muted">
                  {' '}
                  · {PROFESSION_LABELS[mentor.profession]}
                  {mentor.specialty && `, ${mentor.specialty}`}
                  {mentor.tags.length > 0 && ` · ${mentor.tags.join(', ')}`}
                </span>
                <br />
                <span>
                  Mentors {load} of {mentor.mentorCapacity}
                </span>{' '}
                {full && <span className="badge badge--danger">Full</span>}{' '}
                {training?.has(mentor.id) && <TrainingBadge status={training.get(mentor.id)} />}
                {shared.length > 0 && <span className="muted"> · In common: {shared.join(', ')}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id="mentor-choice-error" className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The mentor's training on the start date, as a badge: lapsed stands out, none is only mentioned. */
function TrainingBadge({ status }: { status: TrainingStatus | undefined }) {
  if (!status || status.state === 'none') return <span className="muted">No training on record</span>;
  if (status.state === 'lapsed') return <span className="badge badge--warn">Training lapsed</span>;
  return null;
}
