import { useNavigate, useParams, useSearchParams } from 'react-router';
import { pairLabel } from '../../domain/pair-label';
import { useGoalsForRelationship } from '../../hooks/useGoals';
import { meetingActions, useMeeting } from '../../hooks/useMeetings';
import { usePeopleByIds } from '../../hooks/usePeople';
import { useRelationship } from '../../hooks/useRelationships';
import { useTopics } from '../../hooks/useTopics';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toast';
import { MeetingForm } from './MeetingForm';
import {
  draftFromMeeting,
  goalsToUpdate,
  inputFromDraft,
  type MeetingDraft,
  newMeetingDraft,
} from './meeting-draft';
import { PairingPicker } from './PairingPicker';

/** Logs a meeting (/meetings/new?relationship=ID) or edits one (/meetings/:meetingId/edit). */
export function MeetingFormScreen() {
  const { meetingId } = useParams();
  const [params] = useSearchParams();
  const meeting = useMeeting(meetingId);
  const relationshipId = meeting?.relationshipId ?? params.get('relationship') ?? '';
  const relationship = useRelationship(relationshipId || undefined);
  const peopleById = usePeopleByIds(relationship ? [relationship.mentorId, relationship.menteeId] : []);
  const topics = useTopics();
  const allGoals = useGoalsForRelationship(relationshipId || undefined);
  const navigate = useNavigate();
  const { showToast } = useToast();

  if (meetingId && meeting === null) return <NotFound what="meeting" />;
  if (!meetingId && !relationshipId) {
    return (
      <>
        <PageHeader title="Log a meeting" />
        <PairingPicker />
      </>
    );
  }
  if (meeting === undefined || relationship === undefined || !peopleById || !topics || !allGoals)
    return <Loading />;
  if (relationship === null) return <NotFound what="pairing" />;

  const pair = pairLabel(relationship, peopleById);
  const goals = meeting ? undefined : goalsToUpdate(allGoals);
  const backToPair = () => navigate(`/relationships/${relationship.id}`);
  async function save(draft: MeetingDraft) {
    const input = inputFromDraft(draft, goals);
    if (meeting) await meetingActions.update(meeting.id, input);
    else await meetingActions.log(input);
    showToast(meeting ? 'The meeting was updated.' : `Meeting saved: ${pair}.`);
    backToPair();
  }

  return (
    <>
      <PageHeader title={meeting ? 'Edit meeting' : 'Log a meeting'}>
        <p>
          Pair: <strong>{pair}</strong>
        </p>
      </PageHeader>
      <MeetingForm
        key={meeting?.id ?? relationship.id}
        initial={meeting ? draftFromMeeting(meeting) : newMeetingDraft(relationship.id)}
        topics={topics}
        goals={goals}
        onSave={save}
        onCancel={backToPair}
        saveLabel={meeting ? 'Save changes' : 'Save meeting'}
        meetingId={meeting?.id}
      />
    </>
  );
}
