import { type FormEvent, useState } from 'react';
import { BUILT_IN_QUESTIONNAIRES } from '../../domain/questionnaires/built-in';
import { handOverActions } from '../../hooks/useHandOver';
import { usePeople } from '../../hooks/usePeople';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError, SelectField } from '../../ui/Field';
import type { ClinicQuestionnaireRow } from './useQuestionnaires';

/**
 * Hands the computer to a named person for one questionnaire. The pairing checks are started from the
 * dashboard, where they fall due; here: the session rating, the well-being check and the clinic's own.
 */
export function StartQuestionnaireCard({ own }: { own: ClinicQuestionnaireRow[] }) {
  const people = usePeople();
  const [questionnaireId, setQuestionnaireId] = useState('');
  const [personId, setPersonId] = useState('');
  const [errors, setErrors] = useState<{ questionnaire?: string; person?: string }>({});
  const choices = [
    ...BUILT_IN_QUESTIONNAIRES.filter(
      (questionnaire) =>
        questionnaire.id !== 'builtin-pairing-fit' && questionnaire.id !== 'builtin-end-of-pairing',
    ),
    ...own.filter((row) => !row.questionnaire.archived).map((row) => row.questionnaire),
  ];
  const active = (people ?? []).filter((person) => !person.archived);

  function start(event: FormEvent) {
    event.preventDefault();
    const found = {
      questionnaire: questionnaireId ? undefined : 'Choose a questionnaire.',
      person: personId ? undefined : 'Choose who will answer.',
    };
    setErrors(found);
    if (found.questionnaire || found.person) return;
    handOverActions.start({ questionnaireId, personId, relationshipId: null, checkpoint: null });
  }

  return (
    <Card title="Hand over a questionnaire">
      <p>
        Choose the questionnaire and the person, then turn the screen to them. The window shows only their
        questionnaire until they finish or stop{' '}
        <span className="muted">(with the clinic lock on, it then locks).</span>
      </p>
      <form className="form" onSubmit={start} noValidate>
        <FormError message={errors.questionnaire || errors.person ? 'Please choose both.' : null} />
        <div className="form-grid">
          <SelectField
            label="Questionnaire"
            value={questionnaireId}
            onChange={setQuestionnaireId}
            placeholder="Choose a questionnaire"
            options={choices.map((questionnaire) => ({
              value: questionnaire.id,
              label: questionnaire.title,
            }))}
            error={errors.questionnaire}
          />
          <SelectField
            label="Person answering"
            value={personId}
            onChange={setPersonId}
            placeholder={people ? 'Choose a person' : 'Loading people…'}
            options={active.map((person) => ({ value: person.id, label: person.name }))}
            error={errors.person}
          />
        </div>
        <Button type="submit" variant="primary">
          Start and hand over
        </Button>
      </form>
    </Card>
  );
}
