import { countPairsIn, findPairsByPerson, type PairSearch } from '../../data/pair-search.repo';
import { getPeopleByIds } from '../../data/people.repo';
import { listRelationshipsPage } from '../../data/relationships.repo';
import { pairLabel } from '../../domain/pair-label';
import { nameAndEmailWords, searchTerms, termsMatch } from '../../domain/people-search';
import type { Id, Person, Relationship, RelationshipStatus } from '../../domain/types';
import { type LiveRead, useLiveRead } from '../../hooks/useLiveRead';

// The pairs "Log a meeting" offers: without a search, the newest running pairs; with one, the pairs of
// the people a word of whose name or e-mail starts with each word typed (people-search.ts). Either way only the pairs shown and their people are read.

/** A meeting is logged for a running pair: active, or paused (a catch-up meeting). */
const PICKABLE: readonly RelationshipStatus[] = ['active', 'paused'];

export interface PickerView {
  rows: { relationship: Relationship; label: string }[];
  /** Whether more pairs match than the rows. */
  more: boolean;
  /** How many active or paused pairs the clinic has. */
  running: number;
}

function rowsOf(relationships: Relationship[], people: Map<Id, Person>) {
  return relationships.map((relationship) => ({ relationship, label: pairLabel(relationship, people) }));
}

function wordsOfPerson(person: Person | undefined): string[] {
  return person ? nameAndEmailWords(person) : [];
}

/**
 * What the picker asks of the pair search for the words typed: running pairs, each word starting a word
 * of either name or either e-mail address.
 */
export function pickerPairSearch(terms: readonly string[], limit: number): PairSearch {
  return {
    statuses: PICKABLE,
    limit,
    terms,
    personMatches: (person, term) => termsMatch([term], nameAndEmailWords(person)),
    // The two people's own words: not the pair's label, whose joining "with" (or "Unknown person" for a
    // missing record) is no one's name.
    pairMatches: (pair, people) =>
      termsMatch(terms, [
        ...wordsOfPerson(people.get(pair.menteeId)),
        ...wordsOfPerson(people.get(pair.mentorId)),
      ]),
  };
}

/**
 * The pairs to offer for what was typed: at most `limit`, each word typed starting a word of either
 * name or either e-mail address.
 */
export async function readPickerPairs(query: string, limit: number): Promise<PickerView> {
  const running = await countPairsIn(PICKABLE);
  const terms = searchTerms(query);
  if (terms.length === 0) {
    const page = await listRelationshipsPage({ statuses: PICKABLE, limit });
    const people = await getPeopleByIds(page.relationships.flatMap((pair) => [pair.menteeId, pair.mentorId]));
    return { rows: rowsOf(page.relationships, people), more: page.next !== null, running };
  }
  const found = await findPairsByPerson(pickerPairSearch(terms, limit));
  const rows = rowsOf(found.relationships, found.people).sort((a, b) => a.label.localeCompare(b.label));
  return { rows, more: found.more, running };
}

/** The picker's pairs for the search, kept live; the previous answer stays while a new search is read. */
export function usePickerPairs(query: string, limit: number): LiveRead<PickerView> | undefined {
  return useLiveRead(readPickerPairs, [query, limit]);
}
