import { SMART_PROMPTS, smartSuggestions } from '../../domain/goals';
import type { GoalDraft } from './goal-draft';

/** The SMART prompts beside the goal form, and gentle suggestions as the goal is written. Never required. */
export function SmartPrompts({ draft }: { draft: GoalDraft }) {
  const suggestions = smartSuggestions({
    title: draft.title,
    details: draft.details,
    targetDate: draft.targetDate || null,
  });
  return (
    <aside className="card smart-prompts" aria-label="Writing a good goal">
      <h2>Writing a good goal</h2>
      <dl className="details">
        {SMART_PROMPTS.map((item) => (
          <div key={item.letter}>
            <dt>{item.word}</dt>
            <dd>{item.prompt}</dd>
          </div>
        ))}
      </dl>
      {draft.title.trim() !== '' && suggestions.length > 0 && (
        <>
          <p>Perhaps:</p>
          <ul>
            {suggestions.map((suggestion) => (
              <li key={suggestion}>{suggestion}</li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
