import type { Id, Topic } from '../../domain/types';

interface TopicChipsProps {
  topics: Topic[];
  selected: Id[];
  onChange: (selected: Id[]) => void;
}

/** Topics as toggle buttons: one press to add, one to remove; aria-pressed tells screen readers which are on. */
export function TopicChips({ topics, selected, onChange }: TopicChipsProps) {
  // Archived topics are offered only where a meeting already has them.
  const shown = topics.filter((topic) => !topic.archived || selected.includes(topic.id));
  return (
    <fieldset className="chip-field">
      <legend className="label">Topics</legend>
      <div className="chips">
        {shown.map((topic) => {
          const on = selected.includes(topic.id);
          return (
            <button
              key={topic.id}
              type="button"
              className="chip"
              aria-pressed={on}
              onClick={() =>
                onChange(on ? selected.filter((id) => id !== topic.id) : [...selected, topic.id])
              }
            >
              {topic.label}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
