import { useState } from 'react';
import { useParams } from 'react-router';
import { daysOverdue, nextMeetingDue } from '../../domain/cadence';
import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { pairLabel } from '../../domain/pair-label';
import { FOCUS_LABELS, type Program, type Relationship } from '../../domain/types';
import { useMeetingCount } from '../../hooks/useMeetings';
import { usePeopleByIds } from '../../hooks/usePeople';
import { useProgramsById } from '../../hooks/usePrograms';
import { useRelationship } from '../../hooks/useRelationships';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StatusBadge';
import { UnreadableNotice } from '../../ui/UnreadableNotice';
import { ActionItemsCard } from './ActionItemsCard';
import { DeletePairingDialog } from './DeletePairingDialog';
import { DevelopmentPlanCard } from './DevelopmentPlanCard';
import { EditPairingDialog } from './EditPairingDialog';
import { MeetingTimeline } from './MeetingTimeline';
import { MilestonesCard } from './MilestonesCard';
import { PrintAgreementButton } from './PrintAgreementButton';
import { SessionRatingCard } from './SessionRatingCard';
import { StatusActions } from './StatusActions';

export function RelationshipScreen() {
  const { relationshipId = '' } = useParams();
  const relationship = useRelationship(relationshipId);
  const peopleById = usePeopleByIds(relationship ? [relationship.mentorId, relationship.menteeId] : []);
  const programsById = useProgramsById();

  if (relationship === undefined || !peopleById || !programsById) return <Loading />;
  if (relationship === null) return <NotFound what="pairing" />;
  const canMeet = relationship.status !== 'completed' && relationship.status !== 'ended-early';
  return (
    <>
      <PageHeader
        title={pairLabel(relationship, peopleById)}
        actions={
          <>
            {canMeet && (
              <ButtonLink to={`/meetings/new?relationship=${relationship.id}`} variant="primary">
                Log meeting
              </ButtonLink>
            )}
            <StatusActions relationship={relationship} />
            <PrintAgreementButton
              relationship={relationship}
              program={programsById.get(relationship.programId)}
              mentorName={peopleById.get(relationship.mentorId)?.name ?? 'Unknown person'}
              menteeName={peopleById.get(relationship.menteeId)?.name ?? 'Unknown person'}
            />
          </>
        }
      >
        <p>
          Status: <StatusBadge status={relationship.status} />
        </p>
      </PageHeader>
      <RelationshipDetails
        relationship={relationship}
        program={programsById.get(relationship.programId)}
        names={{
          mentor: peopleById.get(relationship.mentorId)?.name ?? 'Unknown person',
          mentee: peopleById.get(relationship.menteeId)?.name ?? 'Unknown person',
        }}
      />
      <DevelopmentPlanCard relationshipId={relationship.id} canPlan={canMeet} />
      <ActionItemsCard relationshipId={relationship.id} />
      {relationship.lastMeetingDate !== null && (
        <SessionRatingCard
          relationship={relationship}
          names={{
            mentor: peopleById.get(relationship.mentorId)?.name ?? 'Unknown person',
            mentee: peopleById.get(relationship.menteeId)?.name ?? 'Unknown person',
          }}
        />
      )}
      <MilestonesCard
        relationship={relationship}
        menteeName={peopleById.get(relationship.menteeId)?.name ?? 'Unknown person'}
      />
      <MeetingTimeline relationshipId={relationship.id} />
    </>
  );
}

interface DetailsProps {
  relationship: Relationship;
  program: Program | undefined;
  names: { mentor: string; mentee: string };
}

function RelationshipDetails({ relationship, program, names }: DetailsProps) {
  const [editing, setEditing] = useState<'details' | 'delete' | null>(null);
  const meetingCount = useMeetingCount(relationship.id);
  // While counting, assume there are meetings: the delete button must not flash up.
  const hasMeetings = meetingCount === undefined || meetingCount > 0;
  const today = todayIso();
  const rows: [string, string][] = [
    ['Mentee', names.mentee],
    ['Mentor', names.mentor],
    ['Program', program ? `${program.name} (meets every ${program.cadenceDays} days)` : 'Unknown program'],
    ['Focus', FOCUS_LABELS[relationship.focus]],
    ['Started', formatDisplayDate(relationship.startDate)],
    ['Planned end', formatDisplayDate(relationship.plannedEndDate)],
    [
      'Last meeting',
      relationship.lastMeetingDate ? formatDisplayDate(relationship.lastMeetingDate) : 'None yet',
    ],
  ];
  if (relationship.status === 'active' && program) {
    const late = daysOverdue(relationship, program, today);
    rows.push([
      'Next meeting due',
      `${formatDisplayDate(nextMeetingDue(relationship, program))}${late > 0 ? ` (${late} day${late === 1 ? '' : 's'} overdue)` : ''}`,
    ]);
  }
  if (relationship.endDate) rows.push(['Ended', formatDisplayDate(relationship.endDate)]);
  if (relationship.endReason) rows.push(['Why it ended early', relationship.endReason]);
  if (relationship.capacityOverride)
    rows.push(['Paired over capacity because', relationship.capacityOverride.reason]);
  if (relationship.mentorTraining)
    rows.push([
      'Mentor training when paired',
      `Lapsed (renewal was due by ${formatDisplayDate(relationship.mentorTraining.renewBy)})`,
    ]);
  return (
    <Card
      title="About this pairing"
      aside={
        <>
          <Button className="button--small" onClick={() => setEditing('details')}>
            Edit details
          </Button>
          {!hasMeetings && (
            <Button className="button--small" onClick={() => setEditing('delete')}>
              Delete pairing
            </Button>
          )}
        </>
      }
    >
      {editing === 'details' && (
        <EditPairingDialog
          relationship={relationship}
          hasMeetings={hasMeetings}
          onClose={() => setEditing(null)}
        />
      )}
      {editing === 'delete' && (
        <DeletePairingDialog
          relationship={relationship}
          label={`${names.mentee} with ${names.mentor}`}
          onClose={() => setEditing(null)}
        />
      )}
      <UnreadableNotice table="relationships" record={relationship} what="this pairing" />
      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
