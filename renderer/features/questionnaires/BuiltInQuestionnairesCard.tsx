import { BUILT_IN_QUESTIONNAIRES } from '../../domain/questionnaires/built-in';
import { Card } from '../../ui/Card';

/** The questionnaires that ship with the app, each with where it comes from and on what terms. */
export function BuiltInQuestionnairesCard() {
  return (
    <Card title="Built-in questionnaires">
      <p className="muted">
        All free to use. Licensed instruments such as the Maslach Burnout Inventory are not included.
      </p>
      <ul className="row-list" aria-label="Built-in questionnaires">
        {BUILT_IN_QUESTIONNAIRES.map((questionnaire) => (
          <li key={questionnaire.id} className="builtin-questionnaire">
            <h3>{questionnaire.title}</h3>
            <p>
              {questionnaire.questions.length}{' '}
              {questionnaire.questions.length === 1 ? 'question' : 'questions'}. {questionnaire.intro}
            </p>
            <p className="muted">Source: {questionnaire.source}</p>
            <p className="muted">Licence: {questionnaire.licence}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
