import { formatDisplayDate } from '../../domain/date-format';
import { type Id, MEETING_FORMAT_LABELS, type Meeting, type Topic } from '../../domain/types';
import { UNREADABLE_MEETING_NOTE, unreadableFields } from '../../domain/unreadable';
import { meetingActions, useLatestMeetingsForRelationship } from '../../hooks/useMeetings';
import { useNoteReveal } from '../../hooks/useNoteReveal';
import { useTopicsById } from '../../hooks/useTopics';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfidentialNotes } from '../../ui/ConfidentialNotes';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ShowMore, useListLimit } from '../../ui/ShowMore';
import { useToast } from '../../ui/Toast';
import { useToastOnFailure } from '../../ui/useToastOnFailure';

/** Meetings are tall entries: a page of them is enough to read, and a long history is never drawn whole. */
const MEETINGS_PER_PAGE = 20;

export function MeetingTimeline({ relationshipId }: { relationshipId: Id }) {
  const [limit, showMore] = useListLimit(relationshipId, MEETINGS_PER_PAGE);
  const latest = useLatestMeetingsForRelationship(relationshipId, limit);
  const meetings = latest?.meetings;
  const topicsById = useTopicsById();
  const { showToast } = useToast();
  const toastOnFailure = useToastOnFailure();

  async function remove(meeting: Meeting) {
    let deleted: Awaited<ReturnType<typeof meetingActions.remove>>;
    const removed = await toastOnFailure(async () => {
      deleted = await meetingActions.remove(meeting.id);
    }, 'deleting the meeting');
    if (!removed) return;
    showToast(`The meeting of ${formatDisplayDate(meeting.date)} was deleted.`, {
      label: 'Undo',
      undoes: true,
      run: async () => {
        if (await toastOnFailure(() => meetingActions.undo(deleted), 'bringing the meeting back'))
          showToast('The meeting is back.');
      },
    });
  }

  return (
    <Card title="Meetings" aside={latest && <span className="badge">{latest.total}</span>}>
      {!meetings || !topicsById ? (
        <Loading what="Loading meetings" />
      ) : meetings.length === 0 ? (
        <EmptyState title="No meetings logged yet.">Use "Log meeting" after the pair meets.</EmptyState>
      ) : (
        <ol className="timeline" aria-label="Meeting timeline, newest first">
          {meetings.map((meeting) => (
            <MeetingEntry
              key={meeting.id}
              meeting={meeting}
              topicsById={topicsById}
              onDelete={() => remove(meeting)}
            />
          ))}
        </ol>
      )}
      {meetings && latest && (
        <ShowMore shown={meetings.length} total={latest.total} onMore={showMore} what="meetings" />
      )}
    </Card>
  );
}

interface MeetingEntryProps {
  meeting: Meeting;
  topicsById: Map<Id, Topic>;
  onDelete: () => void;
}

function MeetingEntry({ meeting, topicsById, onDelete }: MeetingEntryProps) {
  const date = formatDisplayDate(meeting.date);
  const topics = meeting.topics.map((id) => topicsById.get(id)?.label ?? 'Removed topic');
  const reveal = useNoteReveal(meeting.id);
  return (
    <li>
      <h3>{date}</h3>
      <p className="muted">
        {MEETING_FORMAT_LABELS[meeting.format]} · {meeting.durationMinutes} minutes
        {meeting.confidential && (
          <>
            {' '}
            · <span className="badge">Confidential</span>
          </>
        )}
      </p>
      {topics.length > 0 && <p>Topics: {topics.join(', ')}</p>}
      {unreadableFields(meeting).includes('notes') && (
        <p className="notice notice--warn" role="note">
          {UNREADABLE_MEETING_NOTE}
        </p>
      )}
      {meeting.notes &&
        (meeting.confidential ? (
          // On a shared computer, confidential notes stay closed until asked for.
          <ConfidentialNotes reveal={reveal}>
            <p className="notes">{meeting.notes}</p>
          </ConfidentialNotes>
        ) : (
          <p className="notes">{meeting.notes}</p>
        ))}
      <div className="button-row">
        <ButtonLink
          to={`/meetings/${meeting.id}/edit`}
          className="button--small"
          aria-label={`Edit the meeting of ${date}`}
        >
          Edit
        </ButtonLink>
        <Button
          variant="quiet"
          className="button--small"
          onClick={onDelete}
          aria-label={`Delete the meeting of ${date}`}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}
