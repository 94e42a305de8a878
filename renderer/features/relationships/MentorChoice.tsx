import { useState } from 'react';
import { searchTerms, textsMatch } from '../../domain/people-search';
import { searchKey } from '../../domain/text';
import type { TrainingStatus } from '../../domain/training';
import type { Id, Person } from '../../domain/types';
import { PROFESSION_LABELS } from '../../domain/types';
import { TextField } from '../../ui/Field';

/** A long radio list is hard to scan and slow to tab through: past this, the manager narrows it by typing. */
const MENTORS_SHOWN = 25;

function matches(option: MentorOption, words: string[]): boolean {
  const { mentor } = option;
  return textsMatch(words, [
    mentor.name,
    mentor.email,
    mentor.specialty,
    PROFESSION_LABELS[mentor.profession],
    ...mentor.tags,
  ]);
}

export interface MentorOption {
  mentor: Person;
  load: number;
  full: boolean;
  /** The mentee's specialty and interests that this mentor shares, as a hint for a good match. */
  shared: string[];
}

function sharedWith(mentee: Person, mentor: Person): string[] {
  const mine = new Set(mentor.tags.map(searchKey));
  const shared = mentee.tags.filter((tag) => mine.has(searchKey(tag)));
  if (mentee.specialty && searchKey(mentee.specialty) === searchKey(mentor.specialty))
    shared.unshift(mentee.specialty);
  return shared;
}

/** Mentors who could take this mentee: those with room first, then the closest match, then the least busy. */
export function mentorOptions(people: Person[], loads: Map<Id, number>, mentee: Person): MentorOption[] {
  return people
    .filter((person) => person.isMentor && !person.archived && person.id !== mentee.id)
    .map((mentor) => {
      const load = loads.get(mentor.id) ?? 0;
      return { mentor, load, full: load >= mentor.mentorCapacity, shared: sharedWith(mentee, mentor) };
    })
    .sort(
      (a, b) =>
        Number(a.full) - Number(b.full) ||
        b.shared.length - a.shared.length ||
        a.load - b.load ||
        a.mentor.name.localeCompare(b.mentor.name),
    );
}

interface MentorChoiceProps {
  options: MentorOption[];
  value: Id;
  onChange: (mentorId: Id) => void;
  error: string | null;
  /** Each mentor's training on the start date (absent: none on record); undefined while loading. */
  training?: Map<Id, TrainingStatus>;
}

/** One radio button per mentor, each showing the mentor's current load against their capacity. */
export function MentorChoice({ options, value, onChange, error, training }: MentorChoiceProps) {
  const [query, setQuery] = useState('');
  const words = searchTerms(query);
  const found = options.filter((option) => matches(option, words));
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
      {options.length > MENTORS_SHOWN / 2 && (
        <TextField
          label="Find a mentor"
          type="search"
          value={query}
          onChange={setQuery}
          hint="The start of any word of a name, e-mail, profession, specialty or interest"
        />
      )}
      <p className="muted" role="status">
        {found.length === 0
          ? 'No mentor matches that search.'
          : found.length > MENTORS_SHOWN
            ? `Showing the best ${MENTORS_SHOWN} of ${found.length} mentors. Type to narrow the list.`
            : `${found.length} ${found.length === 1 ? 'mentor' : 'mentors'}, those with room first.`}
      </p>
      <ul className="row-list mentor-list">
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
                {training && <TrainingBadge status={training.get(mentor.id)} />}
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
