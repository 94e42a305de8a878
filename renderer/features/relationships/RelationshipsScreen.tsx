import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { FOCUS_LABELS, RELATIONSHIP_STATUS_LABELS, RELATIONSHIP_STATUSES } from '../../domain/types';
import { usePrograms } from '../../hooks/usePrograms';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { SelectField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ShowMore, useListLimit } from '../../ui/ShowMore';
import { StatusBadge } from '../../ui/StatusBadge';
import { Table } from '../../ui/Table';
import { usePairingsList } from './useRelationshipsList';

/** "current" keeps the list to pairs still running, which is what the manager looks for most days. */
const STATUS_OPTIONS = [
  { value: 'current', label: 'Proposed, active or paused' },
  ...RELATIONSHIP_STATUSES.map((value) => ({ value, label: RELATIONSHIP_STATUS_LABELS[value] })),
];

export function RelationshipsScreen() {
  const programs = usePrograms();
  const [status, setStatus] = useState('current');
  const [programId, setProgramId] = useState('');

  const [limit, showMore] = useListLimit(`${status}|${programId}`);
  const programNames = useMemo(
    () => new Map(programs?.map((program) => [program.id, program.name])),
    [programs],
  );
  // Only the rows shown are read, newest first, with the names on them; more on "Show more".
  const view = usePairingsList({ status, programId }, limit);

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
      {!view || !programs ? (
        <Loading what="Loading pairings" />
      ) : view.total === 0 ? (
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
          <p role="status" className="muted" aria-busy={!view.current || undefined}>
            Showing {view.rows.length} of {view.total} pairings, newest first.
          </p>
          {view.rows.length === 0 ? (
            <EmptyState title="No pairing matches these filters." />
          ) : (
            <Table
              caption="Pairings"
              hideCaption
              headers={['Pair', 'Program', 'Focus', 'Status', 'Started', 'Last meeting']}
              busy={!view.current}
            >
              {view.rows.map(({ relationship, label }) => (
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
          {view.rows.length > 0 && (
            <ShowMore
              shown={view.rows.length}
              total={null}
              more={view.hasMore}
              onMore={showMore}
              what="pairings"
            />
          )}
        </>
      )}
    </>
  );
}
