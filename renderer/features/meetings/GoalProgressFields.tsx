import { GOAL_STATUS_LABELS, GOAL_STATUSES, type Goal, type GoalStatus, type Id } from '../../domain/types';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import type { GoalProgressDraft } from './meeting-draft';

interface GoalProgressFieldsProps {
  goals: Goal[];
  progress: Record<Id, GoalProgressDraft>;
  onChange: (progress: Record<Id, GoalProgressDraft>) => void;
  /** Errors by field name, e.g. "goalProgress.0.dropReason" (the index among the goals updated). */
  errors: Record<string, string>;
}

/** Progress on the pair's goals at this meeting: for each goal, a new status and a short note. */
export function GoalProgressFields({ goals, progress, onChange, errors }: GoalProgressFieldsProps) {
  const update = (goalId: Id, changes: Partial<GoalProgressDraft>) => {
    const current = progress[goalId] ?? { status: '', note: '', dropReason: '' };
    onChange({ ...progress, [goalId]: { ...current, ...changes } });
  };
  // Errors are numbered by the goals that were updated, in the order shown.
  const updated = goals.filter((goal) => progress[goal.id]?.status);
  const errorOf = (goal: Goal, field: string) => {
    const index = updated.indexOf(goal);
    return index < 0 ? null : (errors[`goalProgress.${index}.${field}`] ?? null);
  };
  return (
    <fieldset className="fieldset">
      <legend>Progress on goals</legend>
      {goals.length === 0 ? (
        <p className="muted">
          This pair has no open goals. Add them to the development plan on the pairing's page.
        </p>
      ) : (
        goals.map((goal, index) => {
          const draft = progress[goal.id] ?? { status: '', note: '', dropReason: '' };
          return (
            <div key={goal.id} className={index > 0 ? 'goal-progress-row' : undefined}>
              <p>
                <strong>{goal.title}</strong>{' '}
                <span className="muted">(now {GOAL_STATUS_LABELS[goal.status]})</span>
              </p>
              <SelectField
                label={
                  <>
                    Status after this meeting<span className="visually-hidden">: {goal.title}</span>
                  </>
                }
                value={draft.status}
                onChange={(status) => update(goal.id, { status: status as GoalStatus | '' })}
                options={GOAL_STATUSES.map((value) => ({ value, label: GOAL_STATUS_LABELS[value] }))}
                placeholder="No update"
                error={errorOf(goal, 'status')}
              />
              {draft.status && (
                <TextField
                  label={
                    <>
                      Progress note<span className="visually-hidden">: {goal.title}</span>
                    </>
                  }
                  value={draft.note}
                  onChange={(note) => update(goal.id, { note })}
                  error={errorOf(goal, 'note')}
                />
              )}
              {draft.status === 'dropped' && (
                <TextAreaField
                  label={`Why is "${goal.title}" dropped?`}
                  value={draft.dropReason}
                  onChange={(dropReason) => update(goal.id, { dropReason })}
                  rows={2}
                  error={errorOf(goal, 'dropReason')}
                />
              )}
            </div>
          );
        })
      )}
    </fieldset>
  );
}
