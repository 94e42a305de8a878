import { Link } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { DashboardList } from './DashboardList';
import { PairRow, pairName } from './PairRow';
import { usePlanDashboard } from './usePlanDashboard';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Goals past their target date, and pairs a month into the program without a plan. */
export function PlanCards() {
  const { plans, limits, showMore } = usePlanDashboard();
  if (!plans) return null;
  return (
    <div className="card-grid">
      <DashboardList
        title="Goals past their target date"
        listLabel="Goals past their target date"
        items={plans.overdueGoals}
        total={plans.totals.overdueGoals}
        limit={limits.overdueGoals}
        onMore={() => showMore('overdueGoals')}
        emptyTitle="No goal is past its target date."
        what="goals"
        renderItem={(goal) => (
          <li key={goal.goalId}>
            <div>
              <Link to={`/goals/${goal.goalId}`}>{goal.title}</Link>
              <div className="muted">
                {pairName(goal)} · {goal.programName} · target {formatDisplayDate(goal.targetDate)} (
                {plural(goal.daysOverdue, 'day')} ago)
              </div>
            </div>
          </li>
        )}
      />
      <DashboardList
        title="No development plan after a month"
        listLabel="Pairs a month into the program without a plan"
        items={plans.pairsWithoutPlan}
        total={plans.totals.pairsWithoutPlan}
        limit={limits.pairsWithoutPlan}
        onMore={() => showMore('pairsWithoutPlan')}
        emptyTitle="Every pair a month in has a plan."
        what="pairs"
        renderItem={(pair) => (
          <PairRow
            key={pair.relationshipId}
            pair={pair}
            detail={`started ${formatDisplayDate(pair.startDate)}`}
          />
        )}
      />
    </div>
  );
}
