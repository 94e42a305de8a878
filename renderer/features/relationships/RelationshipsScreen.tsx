import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { pairLabel } from '../../domain/pair-label';
import {
  FOCUS_LABELS,
  RELATIONSHIP_STATUS_LABELS,
  RELATIONSHIP_STATUSES,
  type Relationship,
} from '../../domain/types';
import { usePeopleById } from '../../hooks/usePeople';
import { usePrograms } from '../../hooks/usePrograms';
import { useRelationships } from '../../hooks/useRelationships';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { SelectField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ShowMore, useListLimit } from '../../ui/ShowMore';
import { StatusBadge } from '../../ui/StatusBadge';
import { Table } from '../../ui/Table';

/** "current" keeps the list to pairs still running, which is what the manager looks for most days. */
const STATUS_OPTIONS = [
  { value: 'current', label: 'Proposed, active or paused' },
  ...RELATIONSHIP_STATUSES.map((value) => ({ value, label: RELATIONSHIP_STATUS_LABELS[value] })),
];

function matchesStatus(relationship: Relationship, status: string): boolean {
  if (status === '') return true;
  if (status === 'current') return ['proposed', 'active', 'paused'].includes(relationship.status);
  return relationship.status === status;
}

export function RelationshipsScreen() {
  const relationships = useRelationships();
  const peopleById = usePeopleById();
  const programs = usePrograms();
  const [status, setStatus] = useState('current');
  const [programId, setProgramId] = useState('');

  const [limit, showMore] = useListLimit(`${status}|${programId}`);
  const programNames = useMemo(
    () => new Map(programs?.map((program) => [program.id, program.name])),
    [programs],
  );
  const shown = useMemo(() => {
    if (!relationships || !peopleById) return [];
    return relationships
      .filter((relationship) => matchesStatus(relationship, status))
      .filter((relationship) => !programId || relationship.programId === programId)
      .map((relationship) => ({ relationship, label: pairLabel(relationship, peopleById) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [relationships, peopleById, status, programId]);

  return (
    <>
      <PageHeader
        title="Relationships"
        actions={
          <ButtonLink to="/relationships/new" variant="primary">
            New pairing
          </ButtonLink>
        }
      />
      {!relationships || !peopleById || !programs ? (
        <Loading what="Loading pairings" />
      ) : relationships.length === 0 ? (
        <EmptyState title="No pairings yet.">
          <p>
            Choose "New pairing" to pair a mentee with a mentor. You need a program (in Settings) and people
            first.
          </p>
        </EmptyState>
      ) : (
        <>
          <search className="filters" aria-label="Filter pairings">
            <SelectField
              label="Status"
              value={status}
              onChange={setStatus}
              options={STATUS_OPTIONS}
              placeholder="All statuses"
            />
            <SelectField
              label="Program"
              value={programId}
              onChange={setProgramId}
              options={programs.map((program) => ({ value: program.id, label: program.name }))}
              placeholder="All programs"
            />
          </search>
          <p role="status" className="muted">
            Showing {shown.length} of {relationships.length} pairings.
          </p>
          {shown.length === 0 ? (
            <EmptyState title="No pairing matches these filters." />
          ) : (
            <Table
              caption="Pairings"
              hideCaption
              headers={['Pair', 'Program', 'Focus', 'Status', 'Started', 'Last meeting']}
            >
              {shown.slice(0, limit).map(({ relationship, label }) => (
                <tr key={relationship.id}>
                  <td>
                    <Link to={`/relationships/${relationship.id}`}>{label}</Link>
                  </td>
                  <td>{programNames.get(relationship.programId) ?? '—'}</td>
                  <td>{FOCUS_LABELS[relationship.focus]}</td>
                  <td>
                    <StatusBadge status={relationship.status} />
                  </td>
                  <td>{formatDisplayDate(relationship.startDate)}</td>
                  <td>{formatDisplayDate(relationship.lastMeetingDate)}</td>
                </tr>
              ))}
            </Table>
          )}
          {shown.length > 0 && (
            <ShowMore
              shown={Math.min(limit, shown.length)}
              total={shown.length}
              onMore={showMore}
              what="pairings"
            />
          )}
        </>
      )}
    </>
  );
}
