import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { RELATIONSHIP_STATUS_LABELS } from '../../domain/types';
import { useProgramsById } from '../../hooks/usePrograms';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { usePickerPairs } from './usePairingPicker';

/** A screenful of pairs; a larger clinic types a name to find the one that met. */
const PAIRS_SHOWN = 20;

/** When "Log a meeting" is opened from the menu, the manager first says which pair met. */
export function PairingPicker() {
  const programsById = useProgramsById();
  const [query, setQuery] = useState('');
  // Typing stays quick: the list catches up a moment after the keys.
  const deferredQuery = useDeferredValue(query);
  const view = usePickerPairs(deferredQuery, PAIRS_SHOWN);

  if (!view || !programsById) return <Loading />;
  if (view.running === 0)
    return (
      <EmptyState
        title="There is no active pairing to log a meeting for."
        action={<ButtonLink to="/relationships/new">New pairing</ButtonLink>}
      >
        Pair a mentee with a mentor first.
      </EmptyState>
    );
  const found = view.rows;
  // The rows and their count are still those of an earlier search.
  const behind = !view.current || deferredQuery !== query;
  return (
    <>
      <TextField
        label="Find the pair that met"
        type="search"
        value={query}
        onChange={setQuery}
        hint="Type the start of the mentee's or the mentor's name or e-mail"
      />
      <p role="status" className="muted" aria-busy={behind || undefined}>
        {found.length === 0
          ? 'No active pair matches that name.'
          : !view.more
            ? `${found.length} ${found.length === 1 ? 'pair' : 'pairs'}.`
            : query.trim() === ''
              ? `Showing the newest ${found.length} of ${view.running} pairs. Type a name to narrow the list.`
              : `Showing the first ${found.length} matching pairs. Type more of a name to narrow the list.`}
      </p>
      <ul className="row-list" aria-label="Active pairs" aria-busy={behind || undefined}>
        {found.map(({ relationship, label }) => (
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
