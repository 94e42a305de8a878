import { useNavigate, useParams } from 'react-router';
import { pairLabel } from '../../domain/pair-label';
import { goalActions, useGoal, useGoalAreas } from '../../hooks/useGoals';
import { usePeopleByIds } from '../../hooks/usePeople';
import { useRelationship } from '../../hooks/useRelationships';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toast';
import { GoalForm } from './GoalForm';
import { draftFromGoal, type GoalDraft, inputFromGoalDraft, newGoalDraft } from './goal-draft';

/** Adds a goal to a pairing's plan (/relationships/:id/goals/new) or edits one (/goals/:goalId/edit). */
export function GoalFormScreen() {
  const { relationshipId: fromRoute, goalId } = useParams();
  const existing = useGoal(goalId);
  const relationshipId = existing?.goal.relationshipId ?? fromRoute;
  const relationship = useRelationship(relationshipId);
  const peopleById = usePeopleByIds(relationship ? [relationship.mentorId, relationship.menteeId] : []);
  const areas = useGoalAreas();
  const navigate = useNavigate();
  const { showToast } = useToast();

  if (goalId && existing === null) return <NotFound what="goal" />;
  if ((goalId && existing === undefined) || relationship === undefined || !peopleById || !areas)
    return <Loading />;
  if (relationship === null) return <NotFound what="pairing" />;

  const goal = existing?.goal;
  async function save(draft: GoalDraft) {
    const input = inputFromGoalDraft(draft);
    const saved = goal ? await goalActions.update(goal.id, input) : await goalActions.create(input);
    showToast(goal ? 'The goal was updated.' : 'Goal added to the plan.');
    navigate(`/goals/${saved.id}`);
  }
  const back = () => navigate(goal ? `/goals/${goal.id}` : `/relationships/${relationship.id}`);
  return (
    <>
      <PageHeader title={goal ? 'Edit goal' : 'Add a goal'}>
        <p>
          Pair: <strong>{pairLabel(relationship, peopleById)}</strong>
        </p>
      </PageHeader>
      <GoalForm
        key={goal?.id ?? relationship.id}
        initial={goal ? draftFromGoal(goal) : newGoalDraft(relationship.id)}
        areas={areas}
        onSave={save}
        onCancel={back}
        saveLabel={goal ? 'Save changes' : 'Add goal'}
      />
    </>
  );
}
