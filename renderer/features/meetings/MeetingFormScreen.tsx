import { useEffect, useRef } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { topicGuides } from '../../domain/meeting-guides';
import { checkDebriefAnswers, debriefStatus, describeDebriefStatus } from '../../domain/milestones';
import { pairLabel } from '../../domain/pair-label';
import { useGoalsForRelationship } from '../../hooks/useGoals';
import { useStoredMeetingGuides } from '../../hooks/useMeetingGuides';
import { meetingActions, useMeeting } from '../../hooks/useMeetings';
import {
  type MilestoneWithDebrief,
  useMilestonesForRelationship,
  useMilestoneTypes,
} from '../../hooks/useMilestones';
import { usePeopleByIds } from '../../hooks/usePeople';
import { useRelationship } from '../../hooks/useRelationships';
import { useTopics } from '../../hooks/useTopics';
import { Loading } from '../../ui/Loading';
import { focusMain } from '../../ui/main-region';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toast';
import type { DebriefChoice } from './DebriefFields';
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
  const milestones = useMilestonesForRelationship(relationshipId);
  const milestoneTypes = useMilestoneTypes();
  const storedGuides = useStoredMeetingGuides();
  const allGoals = useGoalsForRelationship(relationshipId || undefined);
  const navigate = useNavigate();
  const { showToast } = useToast();
  // A pairing picked from the list changes only the address's query, not the screen's path, so the
  // layout does not move focus: the picked link is gone, and focus goes to the start of the form's screen.
  const picked = Boolean(params.get('relationship'));
  const wasPicked = useRef(picked);
  useEffect(() => {
    if (picked && !wasPicked.current) focusMain();
    wasPicked.current = picked;
  }, [picked]);

  if (meetingId && meeting === null) return <NotFound what="meeting" />;
  if (!meetingId && !relationshipId) {
    return (
      <>
        <PageHeader title="Log a meeting" />
        <PairingPicker />
      </>
    );
  }
  if (
    meeting === undefined ||
    relationship === undefined ||
    !peopleById ||
    !topics ||
    !milestones ||
    !milestoneTypes ||
    !storedGuides ||
    !allGoals
  )
    return <Loading />;
  if (relationship === null) return <NotFound what="pairing" />;

  const pair = pairLabel(relationship, peopleById);
  const goals = meeting ? undefined : goalsToUpdate(allGoals);
  const backToPair = () => navigate(`/relationships/${relationship.id}`);
  const labels = new Map(milestoneTypes.map((type) => [type.id, type.label]));
  const today = todayIso();
  const choiceOf = (milestone: MilestoneWithDebrief): DebriefChoice => {
    const typeLabel = labels.get(milestone.typeId) ?? 'A milestone no longer listed';
    const status = describeDebriefStatus(
      debriefStatus(milestone, milestone.debrief?.date ?? null, today),
      formatDisplayDate,
    );
    return {
      milestoneId: milestone.id,
      typeLabel,
      label: `${typeLabel}, ${formatDisplayDate(milestone.date)} (${status})`,
    };
  };
  // A meeting debriefs a milestone still waiting; a saved debrief keeps its own.
  const debriefChoices = milestones
    .filter((milestone) => !milestone.debrief || milestone.id === meeting?.milestoneId)
    .map(choiceOf);
  const asked = params.get('milestone') ?? '';
  const preselected = debriefChoices.some((choice) => choice.milestoneId === asked) ? asked : '';
  async function save(draft: MeetingDraft) {
    const newDebrief =
      !meeting?.milestoneId && draft.milestoneId
        ? debriefChoices.find((choice) => choice.milestoneId === draft.milestoneId)
        : undefined;
    if (newDebrief) checkDebriefAnswers(draft.debrief);
    const input = inputFromDraft(draft, goals, newDebrief ? newDebrief.typeLabel : null);
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
        initial={meeting ? draftFromMeeting(meeting) : newMeetingDraft(relationship.id, preselected)}
        topics={topics}
        goals={goals}
        onSave={save}
        onCancel={backToPair}
        saveLabel={meeting ? 'Save changes' : 'Save meeting'}
        meetingId={meeting?.id}
        debriefChoices={debriefChoices}
        savedDebrief={Boolean(meeting?.milestoneId)}
        guides={topicGuides(topics, storedGuides)}
        pairName={pair}
      />
    </>
  );
}
