import { useState } from 'react';
import type { Person } from '../../domain/types';
import { useFinderMatches } from '../../hooks/usePeople';
import { PersonFinder } from '../../ui/PersonFinder';

/** A handful to choose from; a larger clinic types more of the name. */
const MENTEES_SHOWN = 8;

interface MenteeChoiceProps {
  /** The chosen mentee, kept in view whatever is typed. */
  chosen: Person | null;
  onChange: (mentee: Person) => void;
  error: string | null;
}

/** Finds the mentee by typing (name, e-mail, specialty or tag): one radio button per match. */
export function MenteeChoice({ chosen, onChange, error }: MenteeChoiceProps) {
  const [query, setQuery] = useState('');
  const { matches, busy } = useFinderMatches(query, 'mentee', MENTEES_SHOWN);
  return (
    <PersonFinder
      legend="Mentee"
      findLabel="Find the mentee"
      noun={{ one: 'mentee', many: 'mentees' }}
      name="mentee"
      query={query}
      onQueryChange={setQuery}
      matches={matches}
      busy={busy}
      chosen={chosen}
      onChange={onChange}
      error={error}
    />
  );
}
