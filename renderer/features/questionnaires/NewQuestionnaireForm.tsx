import { type FormEvent, useState } from 'react';
import type { QuestionKind } from '../../domain/questionnaires/types';
import { type QuestionDraft, RuleError } from '../../domain/rules';
import { Button } from '../../ui/Button';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { questionnaireActions } from './useQuestionnaires';

interface DraftRow {
  key: number;
  kind: QuestionKind;
  prompt: string;
  points: string;
  lowLabel: string;
  highLabel: string;
  options: string;
}

const KIND_OPTIONS = [
  { value: 'scale', label: 'A scale' },
  { value: 'choice', label: 'A choice among options' },
  { value: 'text', label: 'A short text' },
];

let nextKey = 1;
function emptyRow(): DraftRow {
  nextKey += 1;
  return { key: nextKey, kind: 'scale', prompt: '', points: '5', lowLabel: '', highLabel: '', options: '' };
}

function toDraft(row: DraftRow): QuestionDraft {
  if (row.kind === 'text') return { kind: 'text', prompt: row.prompt };
  if (row.kind === 'choice') return { kind: 'choice', prompt: row.prompt, options: row.options.split('\n') };
  return {
    kind: 'scale',
    prompt: row.prompt,
    points: row.points.trim() === '' ? Number.NaN : Number(row.points),
    lowLabel: row.lowLabel,
    highLabel: row.highLabel,
  };
}

/** The clinic's own questionnaire: a title, a few words for the person answering, simple questions. */
export function NewQuestionnaireForm({ onDone }: { onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [rows, setRows] = useState<DraftRow[]>(() => [emptyRow()]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { showToast } = useToast();

  const change = (key: number, patch: Partial<DraftRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const saved = await questionnaireActions.create({ title, intro, questions: rows.map(toDraft) });
      showToast(`"${saved.title}" is ready to hand over.`);
      onDone();
    } catch (caught) {
      if (!(caught instanceof RuleError)) throw caught;
      setError(caught.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="New questionnaire">
      <FormError message={error} />
      <TextField label="Title" value={title} onChange={setTitle} />
      <TextAreaField
        label="Introduction for the person answering"
        value={intro}
        onChange={setIntro}
        rows={2}
        hint="Why you ask, and how long it takes."
      />
      {rows.map((row, index) => (
        <fieldset key={row.key} className="question-draft">
          <legend>Question {index + 1}</legend>
          <div className="form-grid">
            <SelectField
              label={`Question ${index + 1}: kind`}
              value={row.kind}
              onChange={(kind) => change(row.key, { kind: kind as QuestionKind })}
              options={KIND_OPTIONS}
            />
            <TextField
              label={`Question ${index + 1}: words`}
              value={row.prompt}
              onChange={(prompt) => change(row.key, { prompt })}
            />
          </div>
          {row.kind === 'scale' && (
            <div className="form-grid">
              <TextField
                label={`Question ${index + 1}: points (2 to 7)`}
                type="number"
                min={2}
                max={7}
                value={row.points}
                onChange={(points) => change(row.key, { points })}
              />
              <TextField
                label={`Question ${index + 1}: lowest point means`}
                value={row.lowLabel}
                onChange={(lowLabel) => change(row.key, { lowLabel })}
              />
              <TextField
                label={`Question ${index + 1}: highest point means`}
                value={row.highLabel}
                onChange={(highLabel) => change(row.key, { highLabel })}
              />
            </div>
          )}
          {row.kind === 'choice' && (
            <TextAreaField
              label={`Question ${index + 1}: options, one per line`}
              value={row.options}
              onChange={(options) => change(row.key, { options })}
              rows={3}
            />
          )}
          {row.kind === 'text' && (
            <p className="muted">Short answers are kept private and never shown, not even in reports.</p>
          )}
          {rows.length > 1 && (
            <Button
              variant="quiet"
              onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
            >
              Remove question {index + 1}
            </Button>
          )}
        </fieldset>
      ))}
      <div className="button-row">
        <Button onClick={() => setRows((current) => [...current, emptyRow()])}>Add a question</Button>
        <Button type="submit" variant="primary" disabled={busy}>
          Save questionnaire
        </Button>
        <Button variant="quiet" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
