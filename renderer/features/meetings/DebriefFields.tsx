import { DEBRIEF_QUESTIONS, type DebriefAnswers } from '../../domain/milestones';
import type { Id } from '../../domain/types';
import { SelectField, TextAreaField } from '../../ui/Field';

export interface DebriefChoice {
  milestoneId: Id;
  /** The kind of milestone, e.g. "First resuscitation": the heading of the debrief in the notes. */
  typeLabel: string;
  /** How the choice reads: the kind, the date and where its debrief stands. */
  label: string;
}

interface DebriefFieldsProps {
  choices: DebriefChoice[];
  milestoneId: Id | '';
  onChoose: (milestoneId: Id | '') => void;
  answers: DebriefAnswers;
  onAnswer: (answers: DebriefAnswers) => void;
  errors: Record<string, string>;
  /** Editing a saved debrief: its answers are in the notes already, and what it debriefs stays. */
  saved: boolean;
}

/** "This is a debrief of…": one of the pair's milestones still waiting, and the short debrief form. */
export function DebriefFields({
  choices,
  milestoneId,
  onChoose,
  answers,
  onAnswer,
  errors,
  saved,
}: DebriefFieldsProps) {
  if (saved) {
    const chosen = choices.find((choice) => choice.milestoneId === milestoneId);
    return (
      <p>
        This meeting is the debrief of <strong>{chosen?.label ?? 'a milestone'}</strong>. Its answers are in
        the notes.
      </p>
    );
  }
  if (choices.length === 0) return null;
  return (
    <fieldset className="debrief-fields">
      <legend className="label">Debrief</legend>
      <SelectField
        label="This is a debrief of…"
        value={milestoneId}
        onChange={onChoose}
        placeholder="Not a debrief"
        options={choices.map((choice) => ({ value: choice.milestoneId, label: choice.label }))}
        error={errors.milestoneId}
        hint="A milestone of this pair still waiting for its debrief. The answers below go into the meeting's notes."
      />
      {milestoneId &&
        DEBRIEF_QUESTIONS.map((question) => (
          <TextAreaField
            key={question.key}
            label={question.label}
            value={answers[question.key]}
            onChange={(value) => onAnswer({ ...answers, [question.key]: value })}
            rows={2}
            error={errors[question.key]}
          />
        ))}
    </fieldset>
  );
}
