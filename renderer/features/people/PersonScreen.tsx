import { useParams } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { CAREER_STAGE_LABELS, type Person, PROFESSION_LABELS } from '../../domain/types';
import { usePerson } from '../../hooks/usePeople';
import { useRelationshipsForPerson } from '../../hooks/useRelationships';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { roleLabel } from './filter-people';
import { PersonActions } from './PersonActions';
import { PersonMeetingsCard } from './PersonMeetingsCard';
import { PersonRecognitionCard } from './PersonRecognitionCard';
import { PersonRelationshipsCard } from './PersonRelationshipsCard';
import { PersonTrainingCard } from './PersonTrainingCard';

export function PersonScreen() {
  const { personId = '' } = useParams();
  const person = usePerson(personId);
  const relationships = useRelationshipsForPerson(personId);

  if (person === undefined || relationships === undefined) return <Loading />;
  if (person === null) return <NotFound what="person" />;
  return (
    <>
      <PageHeader
        title={person.name}
        actions={<PersonActions person={person} hasRelationships={relationships.length > 0} />}
      >
        {person.archived && <p className="badge">Archived</p>}
      </PageHeader>
      <PersonDetails person={person} />
      <PersonRelationshipsCard person={person} relationships={relationships} />
      <PersonMeetingsCard personId={person.id} />
      {person.isMentor && (
        <>
          <PersonTrainingCard person={person} />
          <PersonRecognitionCard person={person} />
        </>
      )}
    </>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const rows: [string, string][] = [
    ['Role', roleLabel(person) + (person.isMentor ? ` (takes up to ${person.mentorCapacity} mentees)` : '')],
    ['Profession', PROFESSION_LABELS[person.profession]],
    ['Specialty or department', person.specialty || '—'],
    ['Career stage', CAREER_STAGE_LABELS[person.careerStage]],
    ['Email', person.email || '—'],
    ['Hire date', formatDisplayDate(person.hireDate)],
    ['Leaving date', formatDisplayDate(person.leavingDate)],
    ['Interests and expertise', person.tags.join(', ') || '—'],
  ];
  return (
    <Card title="Details">
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
