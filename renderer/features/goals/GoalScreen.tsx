import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { daysGoalOverdue, isGoalOverdue } from '../../domain/goals';
import { pairLabel } from '../../domain/pair-label';
import { GOAL_STATUS_LABELS, type Goal } from '../../domain/types';
import { goalActions, useGoal, useGoalAreas } from '../../hooks/useGoals';
import { usePeopleByIds } from '../../hooks/usePeople';
import { useRelationship } from '../../hooks/useRelationships';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { GoalStatusBadge } from '../../ui/GoalStatusBadge';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toast';
import { UnreadableNotice } from '../../ui/UnreadableNotice';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { GoalHistory } from './GoalHistory';
import { ProgressForm } from './ProgressForm';

/** One goal: what it is, its steps, where it stands, its history, and a new status. */
export function GoalScreen() {
  const { goalId } = useParams();
  const found = useGoal(goalId);
  const relationship = useRelationship(found?.goal.relationshipId);
  const peopleById = usePeopleByIds(relationship ? [relationship.mentorId, relationship.menteeId] : []);
  const areas = useGoalAreas();
  const [deleting, setDeleting] = useState(false);
  const navigate = useNavigate();
  const { showToast } = useToast();
  const toastOnFailure = useToastOnFailure();

  if (found === null) return <NotFound what="goal" />;
  if (found === undefined || relationship === undefined || !peopleById || !areas) return <Loading />;
  const { goal, history } = found;
  const area = areas.find((one) => one.id === goal.areaId)?.label ?? 'Unknown area';
  const today = todayIso();

  async function toggleStep(index: number, done: boolean) {
    const steps = goal.steps.map((step, at) => (at === index ? { ...step, done } : step));
    await toastOnFailure(() => goalActions.update(goal.id, { ...inputOf(goal), steps }));
  }

  return (
    <>
      {/* The window title names the area only: the goal's words are confidential. */}
      <PageHeader
        title={`Goal: ${area}`}
        actions={
          <>
            <ButtonLink to={`/goals/${goal.id}/edit`}>Edit goal</ButtonLink>
            <Button variant="danger" onClick={() => setDeleting(true)}>
              Delete goal
            </Button>
          </>
        }
      >
        <p className="goal-title">{goal.title}</p>
        <p>
          Status: <GoalStatusBadge status={goal.status} />
          {isGoalOverdue(goal, today) && (
            <>
              {' '}
              <span className="badge badge--danger">Overdue by {daysGoalOverdue(goal, today)} days</span>
            </>
          )}
        </p>
      </PageHeader>
      <UnreadableNotice table="goals" record={goal} what="this goal" />
      {deleting && (
        <ConfirmDialog
          title="Delete this goal?"
          message="The goal and its whole history are removed from the plan. Progress notes recorded at meetings go with it. This cannot be undone."
          confirmLabel="Delete goal"
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            await toastOnFailure(async () => {
              await goalActions.delete(goal.id);
              showToast('The goal was deleted.');
              navigate(`/relationships/${goal.relationshipId}`);
            });
          }}
        />
      )}
      <Card title="About this goal">
        <dl className="details">
          <div>
            <dt>Pair</dt>
            <dd>
              {relationship ? (
                <Link to={`/relationships/${relationship.id}`}>{pairLabel(relationship, peopleById)}</Link>
              ) : (
                'Unknown pairing'
              )}
            </dd>
          </div>
          <div>
            <dt>Area</dt>
            <dd>{area}</dd>
          </div>
          <div>
            <dt>How you will know it is done</dt>
            <dd>{goal.details || 'Not written yet'}</dd>
          </div>
          <div>
            <dt>Set on</dt>
            <dd>{formatDisplayDate(goal.setDate)}</dd>
          </div>
          <div>
            <dt>Target date</dt>
            <dd>{goal.targetDate ? formatDisplayDate(goal.targetDate) : 'None set'}</dd>
          </div>
          {goal.status === 'dropped' && goal.dropReason && (
            <div>
              <dt>Why it was dropped</dt>
              <dd>{goal.dropReason}</dd>
            </div>
          )}
        </dl>
        {goal.steps.length > 0 && (
          <fieldset className="fieldset">
            <legend>Steps</legend>
            {goal.steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their order is their identity.
              <div key={index} className="field field--checkbox">
                <input
                  id={`step-${index}`}
                  type="checkbox"
                  checked={step.done}
                  onChange={(event) => toggleStep(index, event.target.checked)}
                />
                <label htmlFor={`step-${index}`}>{step.text}</label>
              </div>
            ))}
          </fieldset>
        )}
      </Card>
      <Card title="Record progress">
        <p className="muted">
          Progress is usually recorded when a meeting is logged. Use this for news between meetings. Now:{' '}
          {GOAL_STATUS_LABELS[goal.status]}.
        </p>
        <ProgressForm key={goal.status} goal={goal} />
      </Card>
      <GoalHistory history={history} />
    </>
  );
}

function inputOf(goal: Goal) {
  return {
    relationshipId: goal.relationshipId,
    areaId: goal.areaId,
    title: goal.title,
    details: goal.details,
    setDate: goal.setDate,
    targetDate: goal.targetDate,
    steps: goal.steps,
  };
}
