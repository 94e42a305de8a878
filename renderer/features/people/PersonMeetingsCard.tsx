import { Link } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { pairLabel } from '../../domain/pair-label';
import { type Id, MEETING_FORMAT_LABELS } from '../../domain/types';
import { usePersonMeetings } from '../../hooks/useMeetings';
import { usePeopleByIds } from '../../hooks/usePeople';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ShowMore, useListLimit } from '../../ui/ShowMore';
import { Table } from '../../ui/Table';

const MEETINGS_PER_PAGE = 20;

export function PersonMeetingsCard({ personId }: { personId: Id }) {
  const [limit, showMore] = useListLimit(personId, MEETINGS_PER_PAGE);
  const latest = usePersonMeetings(personId, limit);
  const meetings = latest?.meetings;
  const peopleById = usePeopleByIds(
    meetings?.flatMap(({ relationship }) => [relationship.mentorId, relationship.menteeId]) ?? [],
  );
  return (
    <Card title="Meeting history">
      {!meetings || !peopleById ? (
        <Loading what="Loading meetings" />
      ) : meetings.length === 0 ? (
        <EmptyState title="No meetings yet.">Meetings logged for their pairings will appear here.</EmptyState>
      ) : (
        <Table caption="Meeting history" hideCaption headers={['Date', 'Pair', 'Format', 'Length']}>
          {meetings.map(({ meeting, relationship }) => (
            <tr key={meeting.id}>
              <td>{formatDisplayDate(meeting.date)}</td>
              <td>
                <Link to={`/relationships/${relationship.id}`}>{pairLabel(relationship, peopleById)}</Link>
              </td>
              <td>{MEETING_FORMAT_LABELS[meeting.format]}</td>
              <td>{meeting.durationMinutes} min</td>
            </tr>
          ))}
        </Table>
      )}
      {meetings && latest && (
        <ShowMore shown={meetings.length} total={latest.total} onMore={showMore} what="meetings" />
      )}
    </Card>
  );
}
