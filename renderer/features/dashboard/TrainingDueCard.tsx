import { Link } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { DashboardList } from './DashboardList';
import { useTrainingDue } from './useTrainingDue';

/** Mentors whose training has lapsed or lapses within 30 days; hidden while no mentor has any training. */
export function TrainingDueCard() {
  const { due, limit, showMore } = useTrainingDue();
  if (!due?.anyTraining) return null;
  return (
    <DashboardList
      title="Mentor training to renew"
      listLabel="Mentors whose training has lapsed or lapses within 30 days"
      items={due.rows}
      total={due.total}
      limit={limit}
      onMore={showMore}
      emptyTitle="No mentor's training lapses in the next 30 days."
      what="mentors"
      renderItem={(row) => (
        <li key={row.personId}>
          <div>
            <Link to={`/people/${row.personId}`}>{row.name}</Link>
            <div className="muted">
              {row.state === 'lapsed'
                ? `training lapsed after ${formatDisplayDate(row.renewBy)}`
                : `renew by ${formatDisplayDate(row.renewBy)}`}
            </div>
          </div>
        </li>
      )}
    />
  );
}
