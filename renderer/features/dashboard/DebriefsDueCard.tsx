import { Link } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { type DebriefDue, describeDebriefStatus } from '../../domain/milestones';
import type { IsoDate } from '../../domain/types';
import { useDebriefsDue } from '../../hooks/useMilestones';
import { ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ShowMore, useListLimit } from '../../ui/ShowMore';
import { ROWS_SHOWN } from './useDashboard';

function statusOf(due: DebriefDue) {
  return due.daysLeft < 0
    ? ({ kind: 'overdue', dueDate: due.dueDate, daysOverdue: -due.daysLeft } as const)
    : ({ kind: 'due', dueDate: due.dueDate, daysLeft: due.daysLeft } as const);
}

/** Milestones still waiting for their debrief: each stays here until a debrief meeting is logged. */
export function DebriefsDueCard({ today }: { today: IsoDate }) {
  const [limit, showMore] = useListLimit('debriefs', ROWS_SHOWN);
  const due = useDebriefsDue(today, limit);
  const overdue = due?.overdue ?? 0;
  return (
    <Card
      title="Debriefs due"
      aside={
        due && <span className={due.total > 0 ? 'badge badge--warn' : 'badge badge--ok'}>{due.total}</span>
      }
    >
      {!due ? (
        <Loading />
      ) : due.total === 0 ? (
        <EmptyState title="No debrief is due.">
          Record a mentee's first operation, first night in charge or another milestone on the pairing's page;
          it shows here until the pair logs the debrief.
        </EmptyState>
      ) : (
        <>
          {overdue > 0 && (
            <p>
              <strong>
                {overdue} past {overdue === 1 ? 'its' : 'their'} target.
              </strong>
            </p>
          )}
          <ul className="row-list" aria-label="Milestones waiting for a debrief">
            {due.rows.slice(0, limit).map((item) => {
              const name = `${item.menteeName} with ${item.mentorName}`;
              return (
                <li key={item.milestoneId}>
                  <div>
                    <Link to={`/relationships/${item.relationshipId}`}>{name}</Link>
                    <div className="muted">
                      {item.typeLabel} on {formatDisplayDate(item.date)} ·{' '}
                      {item.daysLeft < 0 && <span className="badge badge--warn">Overdue</span>}{' '}
                      {describeDebriefStatus(statusOf(item), formatDisplayDate)}
                    </div>
                  </div>
                  <ButtonLink
                    to={`/meetings/new?relationship=${item.relationshipId}&milestone=${item.milestoneId}`}
                    className="button--small"
                    aria-label={`Log the debrief for ${name}`}
                  >
                    Log the debrief
                  </ButtonLink>
                </li>
              );
            })}
          </ul>
          <ShowMore
            shown={Math.min(limit, due.rows.length)}
            total={due.total}
            onMore={showMore}
            what="debriefs"
          />
        </>
      )}
    </Card>
  );
}
