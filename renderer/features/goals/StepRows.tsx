import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { emptyStep, type StepDraft } from './goal-draft';

interface StepRowsProps {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  /** Errors by field name, e.g. "steps.0.text". */
  errors: Record<string, string>;
}

/** Optional steps towards the goal, added and removed as rows. */
export function StepRows({ steps, onChange, errors }: StepRowsProps) {
  const update = (index: number, text: string) =>
    onChange(steps.map((step, at) => (at === index ? { ...step, text } : step)));
  return (
    <fieldset className="fieldset">
      <legend>Steps (optional)</legend>
      {steps.length === 0 && (
        <p className="muted">No steps. Break a larger goal into a few steps if it helps.</p>
      )}
      {errors.steps && <p className="field__error">{errors.steps}</p>}
      {steps.map((step, index) => (
        <div key={step.key} className="action-row">
          <TextField
            label={`Step ${index + 1}`}
            value={step.text}
            onChange={(text) => update(index, text)}
            error={errors[`steps.${index}.text`]}
          />
          <Button
            variant="quiet"
            className="button--small action-row__remove"
            onClick={() => onChange(steps.filter((_, at) => at !== index))}
            aria-label={`Remove step ${index + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button className="button--small" onClick={() => onChange([...steps, emptyStep()])}>
        Add a step
      </Button>
    </fieldset>
  );
}
