import { Link } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { pairLabel } from '../../domain/pair-label';
import type { Person, Relationship } from '../../domain/types';
import { usePeopleByIds } from '../../hooks/usePeople';
import { useProgramsById } from '../../hooks/usePrograms';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { StatusBadge } from '../../ui/StatusBadge';
import { Table } from '../../ui/Table';

interface Props {
  person: Person;
  relationships: Relationship[];
}

export function PersonRelationshipsCard({ person, relationships }: Props) {
  const peopleById = usePeopleByIds(relationships.flatMap((pair) => [pair.mentorId, pair.menteeId]));
  const programsById = useProgramsById();
  return (
    <Card title="Pairings">
      {relationships.length === 0 ? (
        <EmptyState title={`${person.name} is not in any pairing yet.`}>
          {person.isMentee
            ? 'Use "New pairing" above to find them a mentor.'
            : 'Pair them from the Relationships screen.'}
        </EmptyState>
      ) : (
        <Table
          caption={`Pairings of ${person.name}`}
          hideCaption
          headers={['Pair', 'Role', 'Program', 'Status', 'Started']}
        >
          {relationships.map((relationship) => (
            <tr key={relationship.id}>
              <td>
                <Link to={`/relationships/${relationship.id}`}>
                  {peopleById ? pairLabel(relationship, peopleById) : '…'}
                </Link>
              </td>
              <td>{relationship.mentorId === person.id ? 'Mentor' : 'Mentee'}</td>
              <td>{programsById?.get(relationship.programId)?.name ?? '—'}</td>
              <td>
                <StatusBadge status={relationship.status} />
              </td>
              <td>{formatDisplayDate(relationship.startDate)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
