import { type FormEvent, useRef, useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { MAX_RECOGNITION_LENGTH } from '../../domain/rules';
import {
  type Person,
  RECOGNITION_KIND_LABELS,
  RECOGNITION_KINDS,
  type Recognition,
  type RecognitionKind,
} from '../../domain/types';
import { recognitionActions, useRecognitionFor } from '../../hooks/useTraining';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';
import { useToastOnFailure } from '../../ui/useToastOnFailure';

const KIND_OPTIONS = RECOGNITION_KINDS.map((kind) => ({ value: kind, label: RECOGNITION_KIND_LABELS[kind] }));

/** Awards, thanks from mentees and committee roles: evidence for a promotion or advancement file. */
export function PersonRecognitionCard({ person }: { person: Person }) {
  const entries = useRecognitionFor(person.id);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Recognition | null>(null);
  const toastOnFailure = useToastOnFailure();
  const { showToast } = useToast();

  if (!entries) return <Loading />;
  return (
    <Card
      title="Recognition"
      aside={!adding && <Button onClick={() => setAdding(true)}>Add recognition</Button>}
    >
      {adding && <RecognitionForm person={person} onDone={() => setAdding(false)} />}
      {entries.length === 0 ? (
        !adding && (
          <EmptyState title={`No recognition recorded for ${person.name} yet.`}>
            An award, a thank-you from a mentee or a committee role goes here, and into their portfolio.
          </EmptyState>
        )
      ) : (
        <ul className="row-list" aria-label={`Recognition of ${person.name}`}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <div>
                <strong>{RECOGNITION_KIND_LABELS[entry.kind]}</strong>{' '}
                <span className="muted">{formatDisplayDate(entry.date)}</span>
                <p className="recognition-text">{entry.text}</p>
              </div>
              <Button
                variant="quiet"
                className="button--small"
                onClick={() => setDeleting(entry)}
                aria-label={`Delete ${RECOGNITION_KIND_LABELS[entry.kind].toLowerCase()} of ${formatDisplayDate(entry.date)}`}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this recognition?"
          message={`The ${RECOGNITION_KIND_LABELS[deleting.kind].toLowerCase()} of ${formatDisplayDate(deleting.date)} will be removed from ${person.name}'s record and portfolio.`}
          confirmLabel="Delete recognition"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const target = deleting;
            setDeleting(null);
            if (await toastOnFailure(() => recognitionActions.remove(target.id), 'deleting the recognition'))
              showToast('The recognition was deleted.');
          }}
        />
      )}
    </Card>
  );
}

function RecognitionForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const [kind, setKind] = useState<RecognitionKind>('award');
  const [date, setDate] = useState(todayIso());
  const [text, setText] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!errors.beginSave()) return;
    try {
      await recognitionActions.add({ personId: person.id, kind, date, text });
      onDone();
    } catch (error) {
      errors.show(error, 'saving the recognition');
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Add recognition">
      <FormError message={errors.form} />
      <div className="form-grid">
        <SelectField
          label="Kind"
          value={kind}
          onChange={(value) => setKind(value as RecognitionKind)}
          options={KIND_OPTIONS}
          error={errors.fields.kind}
        />
        <TextField label="Date" type="date" value={date} onChange={setDate} error={errors.fields.date} />
      </div>
      <TextAreaField
        label="What it was"
        value={text}
        onChange={setText}
        rows={3}
        hint={`A few words, ${MAX_RECOGNITION_LENGTH} characters at most. Kept private: it appears only in this person's portfolio.`}
        error={errors.fields.text}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          Save recognition
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
