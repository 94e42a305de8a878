import { type FormEvent, useState } from 'react';
import { BUILT_IN_QUESTIONNAIRES } from '../../domain/questionnaires/built-in';
import type { Person } from '../../domain/types';
import { handOverActions } from '../../hooks/useHandOver';
import { useFinderMatches } from '../../hooks/usePeople';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError, SelectField } from '../../ui/Field';
import { PersonFinder } from '../../ui/PersonFinder';
import type { ClinicQuestionnaireRow } from './useQuestionnaires';

/** A handful to choose from; a larger clinic types more of the name. */
const PEOPLE_SHOWN = 8;

/**
 * Hands the computer to a named person for one questionnaire. The pairing checks are started from the
 * dashboard, where they fall due; here: the session rating, the well-being check and the clinic's own.
 */
export function StartQuestionnaireCard({ own }: { own: ClinicQuestionnaireRow[] }) {
  const [questionnaireId, setQuestionnaireId] = useState('');
  const [person, setPerson] = useState<Person | null>(null);
  const [query, setQuery] = useState('');
  const { matches, busy } = useFinderMatches(query, 'anyone', PEOPLE_SHOWN);
  const [errors, setErrors] = useState<{ questionnaire?: string; person?: string }>({});
  const choices = [
    ...BUILT_IN_QUESTIONNAIRES.filter(
      (questionnaire) =>
        questionnaire.id !== 'builtin-pairing-fit' && questionnaire.id !== 'builtin-end-of-pairing',
    ),
    ...own.filter((row) => !row.questionnaire.archived).map((row) => row.questionnaire),
  ];

  function start(event: FormEvent) {
    event.preventDefault();
    const found = {
      questionnaire: questionnaireId ? undefined : 'Choose a questionnaire.',
      person: person ? undefined : 'Choose who will answer.',
    };
    setErrors(found);
    if (found.questionnaire || found.person || !person) return;
    handOverActions.start({ questionnaireId, personId: person.id, relationshipId: null, checkpoint: null });
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
        </div>
        <PersonFinder
          legend="Person answering"
          findLabel="Find the person"
          noun={{ one: 'person', many: 'people' }}
          name="answering"
          query={query}
          onQueryChange={setQuery}
          matches={matches}
          busy={busy}
          chosen={person}
          onChange={setPerson}
          error={errors.person}
        />
        <Button type="submit" variant="primary">
          Start and hand over
        </Button>
      </form>
    </Card>
  );
}
