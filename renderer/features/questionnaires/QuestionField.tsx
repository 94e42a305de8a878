import { useId } from 'react';
import type { Answer, Question } from '../../domain/questionnaires/types';

interface QuestionFieldProps {
  question: Question;
  number: number;
  value: Answer;
  onChange: (value: Answer) => void;
  error?: string;
}

/** One question: a group of radio buttons (a scale or a choice), or a short text box. */
export function QuestionField({ question, number, value, onChange, error }: QuestionFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  if (question.kind === 'text') {
    return (
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>
          {number}. {question.prompt}
        </label>
        <textarea
          id={id}
          rows={3}
          maxLength={500}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
        />
        {error && (
          <p id={errorId} className="field__error">
            {error}
          </p>
        )}
      </div>
    );
  }
  const options =
    question.kind === 'choice'
      ? question.options.map((label, index) => ({ value: index + 1, label }))
      : Array.from({ length: question.points }, (_, index) => ({
          value: index + 1,
          label:
            index === 0
              ? `1 – ${question.lowLabel}`
              : index === question.points - 1
                ? `${question.points} – ${question.highLabel}`
                : String(index + 1),
        }));
  return (
    <fieldset
      className={`question question--${question.kind}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        {number}. {question.prompt}
      </legend>
      <div className="question__options">
        {options.map((option) => (
          <label key={option.value} className="question__option">
            <input
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
