import { Link } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { GOAL_STATUS_LABELS, type GoalProgress } from '../../domain/types';
import { Card } from '../../ui/Card';
import { UnreadableNotice } from '../../ui/UnreadableNotice';

/** The goal's history, newest first: each status with its date, note and the meeting it came from. */
export function GoalHistory({ history }: { history: GoalProgress[] }) {
  const newestFirst = [...history].reverse();
  return (
    <Card title="History">
      <ol className="row-list goal-history" aria-label="Goal history, newest first">
        {newestFirst.map((entry, index) => (
          <li key={entry.id}>
            <div>
              <strong>{formatDisplayDate(entry.date)}</strong>: {GOAL_STATUS_LABELS[entry.status]}
              {index === newestFirst.length - 1 && ' (goal set)'}
              {entry.meetingId && (
                <>
                  {' '}
                  · <Link to={`/meetings/${entry.meetingId}/edit`}>at a meeting</Link>
                </>
              )}
            </div>
            <UnreadableNotice table="goalProgress" record={entry} what="this entry" />
            {entry.note && <p className="muted">{entry.note}</p>}
          </li>
        ))}
      </ol>
    </Card>
  );
}
