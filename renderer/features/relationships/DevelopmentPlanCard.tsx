import { Link } from 'react-router';
import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { isGoalOverdue } from '../../domain/goals';
import type { Id } from '../../domain/types';
import { useGoalAreas, useGoalsForRelationship } from '../../hooks/useGoals';
import { ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { GoalStatusBadge } from '../../ui/GoalStatusBadge';
import { Loading } from '../../ui/Loading';
import { Table } from '../../ui/Table';

/** The pairing's development plan: its goals, each with its area, target date and status. */
export function DevelopmentPlanCard({ relationshipId, canPlan }: { relationshipId: Id; canPlan: boolean }) {
  const goals = useGoalsForRelationship(relationshipId);
  const areas = useGoalAreas();
  const today = todayIso();
  const addGoal = canPlan && (
    <ButtonLink to={`/relationships/${relationshipId}/goals/new`} className="button--small">
      Add goal
    </ButtonLink>
  );
  const areaLabel = (id: Id) => areas?.find((area) => area.id === id)?.label ?? 'Unknown area';
  return (
    <Card title="Development plan" aside={addGoal}>
      {!goals || !areas ? (
        <Loading />
      ) : goals.length === 0 ? (
        <EmptyState title="No goals yet.">
          A plan of two or three goals, agreed in the first weeks, gives the meetings a direction.
        </EmptyState>
      ) : (
        <Table
          caption="Goals of this pairing"
          hideCaption
          headers={['Goal', 'Area', 'Target date', 'Status']}
        >
          {goals.map((goal) => (
            <tr key={goal.id}>
              <td>
                <Link to={`/goals/${goal.id}`}>{goal.title}</Link>
              </td>
              <td>{areaLabel(goal.areaId)}</td>
              <td>
                {goal.targetDate ? formatDisplayDate(goal.targetDate) : 'None set'}
                {isGoalOverdue(goal, today) && (
                  <>
                    {' '}
                    <span className="badge badge--danger">Overdue</span>
                  </>
                )}
              </td>
              <td>
                <GoalStatusBadge status={goal.status} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
