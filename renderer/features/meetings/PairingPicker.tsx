import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { pairLabel } from '../../domain/pair-label';
import { matchesSearch, searchWords } from '../../domain/text';
import { RELATIONSHIP_STATUS_LABELS } from '../../domain/types';
import { usePeopleById } from '../../hooks/usePeople';
import { useProgramsById } from '../../hooks/usePrograms';
import { useRelationships } from '../../hooks/useRelationships';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';

/** A screenful of pairs; a larger clinic types a name to find the one that met. */
const PAIRS_SHOWN = 20;

/** When "Log a meeting" is opened from the menu, the manager first says which pair met. */
export function PairingPicker() {
  const relationships = useRelationships();
  const peopleById = usePeopleById();
  const programsById = useProgramsById();
  const [query, setQuery] = useState('');

  const pairs = useMemo(() => {
    if (!relationships || !peopleById) return [];
    return relationships
      .filter((relationship) => relationship.status === 'active' || relationship.status === 'paused')
      .map((relationship) => ({
        relationship,
        label: pairLabel(relationship, peopleById),
        // Found by either name or either e-mail address.
        searchable: [
          pairLabel(relationship, peopleById),
          peopleById.get(relationship.menteeId)?.email ?? '',
          peopleById.get(relationship.mentorId)?.email ?? '',
        ],
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [relationships, peopleById]);
  const words = searchWords(query);
  const found = pairs.filter(({ searchable }) => matchesSearch(words, searchable));

  if (!relationships || !peopleById || !programsById) return <Loading />;
  if (pairs.length === 0)
    return (
      <EmptyState
        title="There is no active pairing to log a meeting for."
        action={<ButtonLink to="/relationships/new">New pairing</ButtonLink>}
      >
        Pair a mentee with a mentor first.
      </EmptyState>
    );
  return (
    <>
      <TextField
        label="Find the pair that met"
        type="search"
        value={query}
        onChange={setQuery}
        hint="Type the mentee's or the mentor's name or e-mail"
      />
      <p role="status" className="muted">
        {found.length === 0
          ? 'No active pair matches that name.'
          : found.length > PAIRS_SHOWN
            ? `Showing ${PAIRS_SHOWN} of ${found.length} pairs. Type a name to narrow the list.`
            : `${found.length} ${found.length === 1 ? 'pair' : 'pairs'}.`}
      </p>
      <ul className="row-list" aria-label="Active pairs">
        {found.slice(0, PAIRS_SHOWN).map(({ relationship, label }) => (
          <li key={relationship.id}>
            <Link to={`/meetings/new?relationship=${relationship.id}`}>{label}</Link>
            <span className="muted">
              {programsById.get(relationship.programId)?.name ?? 'Unknown program'} ·{' '}
              {RELATIONSHIP_STATUS_LABELS[relationship.status]}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
