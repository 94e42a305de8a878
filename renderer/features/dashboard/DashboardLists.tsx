import { Link } from 'react-router';
import type { Dashboard } from '../../domain/dashboard';
import { formatDisplayDate } from '../../domain/dates';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { PairRow, pairName } from './PairRow';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function Count({ n }: { n: number }) {
  return <span className={n > 0 ? 'badge badge--warn' : 'badge badge--ok'}>{n}</span>;
}

export function OverdueCard({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Card title="Overdue for a meeting" aside={<Count n={dashboard.overdue.length} />}>
      {dashboard.overdue.length === 0 ? (
        <EmptyState title="No pair is overdue.">
          Every active pair has met within its program's rhythm.
        </EmptyState>
      ) : (
        <ul className="row-list" aria-label="Pairs overdue for a meeting">
          {dashboard.overdue.map((pair) => (
            <PairRow
              key={pair.relationshipId}
              pair={pair}
              detail={
                <>
                  <strong>{plural(pair.daysOverdue, 'day')} overdue</strong> (due{' '}
                  {formatDisplayDate(pair.dueDate)})
                </>
              }
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

export function QuietCard({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Card title="No meeting for 90 days" aside={<Count n={dashboard.quiet.length} />}>
      {dashboard.quiet.length === 0 ? (
        <EmptyState title="No pair has gone quiet." />
      ) : (
        <ul className="row-list" aria-label="Pairs with no meeting for 90 days">
          {dashboard.quiet.map((pair) => (
            <PairRow
              key={pair.relationshipId}
              pair={pair}
              detail={
                pair.lastMeetingDate
                  ? `last met ${formatDisplayDate(pair.lastMeetingDate)} (${plural(pair.daysWithoutMeeting, 'day')} ago)`
                  : `never met in ${plural(pair.daysWithoutMeeting, 'day')}`
              }
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

export function EndingSoonCard({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Card
      title="Planned ends in the next 30 days"
      aside={<span className="badge">{dashboard.endingSoon.length}</span>}
    >
      {dashboard.endingSoon.length === 0 ? (
        <EmptyState title="No pairing is planned to end soon." />
      ) : (
        <ul className="row-list" aria-label="Pairings planned to end in the next 30 days">
          {dashboard.endingSoon.map((pair) => (
            <PairRow
              key={pair.relationshipId}
              pair={pair}
              detail={`ends ${formatDisplayDate(pair.plannedEndDate)} (${pair.daysLeft === 0 ? 'today' : `in ${plural(pair.daysLeft, 'day')}`})`}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

export function PastDueActionsCard({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Card title="Action items past due" aside={<Count n={dashboard.pastDueActions.length} />}>
      {dashboard.pastDueActions.length === 0 ? (
        <EmptyState title="No action item is past due." />
      ) : (
        <ul className="row-list" aria-label="Action items past due">
          {dashboard.pastDueActions.map((item) => (
            <li key={item.actionItemId}>
              <div>
                <span>{item.text}</span>
                <div className="muted">
                  <Link to={`/relationships/${item.relationshipId}`}>{pairName(item)}</Link> · due{' '}
                  {formatDisplayDate(item.dueDate)} ({plural(item.daysLate, 'day')} late)
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
