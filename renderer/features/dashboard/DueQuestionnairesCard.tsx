import { formatDisplayDate } from '../../domain/date-format';
import {
  builtInQuestionnaire,
  CHECKPOINT_LABELS,
  questionnaireForCheckpoint,
} from '../../domain/questionnaires/built-in';
import { handOverActions } from '../../hooks/useHandOver';
import { Button } from '../../ui/Button';
import { DashboardList } from './DashboardList';
import { useDueQuestionnaires } from './useQuestionnaireTasks';

/** Pairing-fit checks at 1, 3 and 6 months and end-of-pairing evaluations, each handed over from here. */
export function DueQuestionnairesCard({ hideWhenNone }: { hideWhenNone: boolean }) {
  const { due, limit, showMore } = useDueQuestionnaires();
  if (!due || (hideWhenNone && due.total === 0)) return null;
  return (
    <DashboardList
      title="Questionnaires due"
      listLabel="Questionnaires due"
      items={due.rows}
      total={due.total}
      limit={limit}
      onMore={showMore}
      warn={false}
      emptyTitle="No questionnaire is due."
      emptyHint="Pairing-fit checks fall due 1, 3 and 6 months into a pairing, and an evaluation when it ends."
      what="questionnaires"
      renderItem={(item) => {
        const title =
          builtInQuestionnaire(questionnaireForCheckpoint(item.checkpoint))?.title ?? 'Questionnaire';
        const [mentee, mentor] = item.respondents;
        return (
          <li key={`${item.relationshipId}|${item.checkpoint}`} className="row">
            <div>
              <strong>
                {item.names[mentee]} and {item.names[mentor]}
              </strong>
              <p className="muted">
                {title}, {CHECKPOINT_LABELS[item.checkpoint]} · due {formatDisplayDate(item.dueOn)}
              </p>
            </div>
            <div className="button-row">
              {item.waitingFor.map((personId) => (
                <Button
                  key={personId}
                  onClick={() =>
                    handOverActions.start({
                      questionnaireId: item.questionnaireId,
                      personId,
                      relationshipId: item.relationshipId,
                      checkpoint: item.checkpoint,
                    })
                  }
                >
                  Hand over to {item.names[personId]}
                </Button>
              ))}
            </div>
          </li>
        );
      }}
    />
  );
}
