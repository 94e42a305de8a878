import type { DashboardListName, DashboardView } from '../../domain/dashboard';
import { formatDisplayDate } from '../../domain/date-format';
import { DashboardList } from './DashboardList';
import { PairRow } from './PairRow';
import { PastDueActionRow } from './PastDueActionRow';

/** What every card gets: the board, and its own list's limit and "Show more". */
export interface CardProps {
  dashboard: DashboardView;
  limits: Record<DashboardListName, number>;
  showMore: (list: DashboardListName) => void;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function OverdueCard({ dashboard, limits, showMore }: CardProps) {
  return (
    <DashboardList
      title="Overdue for a meeting"
      listLabel="Pairs overdue for a meeting"
      items={dashboard.overdue}
      total={dashboard.totals.overdue}
      limit={limits.overdue}
      onMore={() => showMore('overdue')}
      emptyTitle="No pair is overdue."
      emptyHint="Every active pair has met within its program's rhythm."
      what="overdue pairs"
      renderItem={(pair) => (
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
      )}
    />
  );
}

export function QuietCard({ dashboard, limits, showMore }: CardProps) {
  return (
    <DashboardList
      title="No meeting for 90 days"
      listLabel="Pairs with no meeting for 90 days"
      items={dashboard.quiet}
      total={dashboard.totals.quiet}
      limit={limits.quiet}
      onMore={() => showMore('quiet')}
      emptyTitle="No pair has gone quiet."
      what="quiet pairs"
      renderItem={(pair) => (
        <PairRow
          key={pair.relationshipId}
          pair={pair}
          detail={
            pair.lastMeetingDate
              ? `last met ${formatDisplayDate(pair.lastMeetingDate)} (${plural(pair.daysWithoutMeeting, 'day')} ago)`
              : `has not met in ${plural(pair.daysWithoutMeeting, 'day')}`
          }
        />
      )}
    />
  );
}

export function EndingSoonCard({ dashboard, limits, showMore }: CardProps) {
  return (
    <DashboardList
      title="Planned ends in the next 30 days"
      listLabel="Pairings planned to end in the next 30 days"
      items={dashboard.endingSoon}
      total={dashboard.totals.endingSoon}
      limit={limits.endingSoon}
      onMore={() => showMore('endingSoon')}
      emptyTitle="No pairing is planned to end soon."
      warn={false}
      what="pairings"
      renderItem={(pair) => (
        <PairRow
          key={pair.relationshipId}
          pair={pair}
          detail={`ends ${formatDisplayDate(pair.plannedEndDate)} (${pair.daysLeft === 0 ? 'today' : `in ${plural(pair.daysLeft, 'day')}`})`}
        />
      )}
    />
  );
}

export function PastDueActionsCard({ dashboard, limits, showMore }: CardProps) {
  return (
    <DashboardList
      title="Action items past due"
      listLabel="Action items past due"
      items={dashboard.pastDueActions}
      total={dashboard.totals.pastDueActions}
      limit={limits.pastDueActions}
      onMore={() => showMore('pastDueActions')}
      emptyTitle="No action item is past due."
      what="action items"
      renderItem={(item) => <PastDueActionRow key={item.actionItemId} item={item} />}
    />
  );
}
