import { useState } from 'react';
import { RuleError } from '../../domain/rules';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { useToast } from '../../ui/Toast';
import { NewQuestionnaireForm } from './NewQuestionnaireForm';
import { type ClinicQuestionnaireRow, questionnaireActions } from './useQuestionnaires';

/** The clinic's own questionnaires: add one, archive it, or delete one nobody has answered. */
export function ClinicQuestionnairesCard({ rows }: { rows: ClinicQuestionnaireRow[] }) {
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<ClinicQuestionnaireRow | null>(null);
  const { showToast } = useToast();

  async function act(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      showToast(done);
    } catch (error) {
      showToast(error instanceof RuleError ? error.message : 'That did not work. Please try again.');
    }
  }

  return (
    <Card title="Your clinic's questionnaires">
      {rows.length === 0 && !adding && (
        <EmptyState title="No questionnaires of your own yet.">
          Add one with scales, choices or short answers when the built-in ones do not ask what you need.
        </EmptyState>
      )}
      {rows.length > 0 && (
        <ul className="row-list" aria-label="Your clinic's questionnaires">
          {rows.map((row) => (
            <li key={row.questionnaire.id} className="row">
              <div>
                <strong>{row.questionnaire.title}</strong>
                {row.questionnaire.archived && <span className="badge"> Archived</span>}
                <p className="muted">
                  {row.questionnaire.questions.length}{' '}
                  {row.questionnaire.questions.length === 1 ? 'question' : 'questions'},{' '}
                  {row.answers === 1 ? '1 answer' : `${row.answers} answers`}
                </p>
              </div>
              <div className="button-row">
                <Button
                  variant="quiet"
                  onClick={() =>
                    void act(
                      () => questionnaireActions.archive(row.questionnaire.id, !row.questionnaire.archived),
                      row.questionnaire.archived ? 'Questionnaire back in use.' : 'Questionnaire archived.',
                    )
                  }
                >
                  {row.questionnaire.archived ? 'Use again' : 'Archive'} {row.questionnaire.title}
                </Button>
                {row.answers === 0 && (
                  <Button variant="danger" onClick={() => setDeleting(row)}>
                    Delete {row.questionnaire.title}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <NewQuestionnaireForm onDone={() => setAdding(false)} />
      ) : (
        <Button onClick={() => setAdding(true)}>New questionnaire</Button>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete "${deleting.questionnaire.title}"?`}
          message="Nobody has answered it yet. It will be gone for good."
          confirmLabel="Delete questionnaire"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const id = deleting.questionnaire.id;
            setDeleting(null);
            await act(() => questionnaireActions.remove(id), 'Questionnaire deleted.');
          }}
        />
      )}
    </Card>
  );
}
