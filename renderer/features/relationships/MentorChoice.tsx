import type { Id, Person } from '../../domain/types';
import { PROFESSION_LABELS } from '../../domain/types';

export interface MentorOption {
  mentor: Person;
  load: number;
  full: boolean;
}

/** Mentors who could take this mentee: those with room first, then by how few mentees they have. */
export function mentorOptions(people: Person[], loads: Map<Id, number>, menteeId: Id): MentorOption[] {
  return people
    .filter((person) => person.isMentor && !person.archived && person.id !== menteeId)
    .map((mentor) => {
      const load = loads.get(mentor.id) ?? 0;
      return { mentor, load, full: load >= mentor.mentorCapacity };
    })
    .sort(
      (a, b) =>
        Number(a.full) - Number(b.full) || a.load - b.load || a.mentor.name.localeCompare(b.mentor.name),
    );
}

interface MentorChoiceProps {
  options: MentorOption[];
  value: Id;
  onChange: (mentorId: Id) => void;
  error: string | null;
}

/** One radio button per mentor, each showing the mentor's current load against their capacity. */
export function MentorChoice({ options, value, onChange, error }: MentorChoiceProps) {
  return (
    <fieldset className="fieldset" aria-describedby={error ? 'mentor-choice-error' : undefined}>
      <legend>Choose a mentor</legend>
      <ul className="row-list mentor-list">
        {options.map(({ mentor, load, full }) => (
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
                {full && <span className="badge badge--danger">Full</span>}
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
