import { getPeopleByIds } from '../../data/people.repo';
import { countRelationships, listRelationshipsPage } from '../../data/relationships.repo';
import { pairLabel } from '../../domain/pair-label';
import { RELATIONSHIP_STATUSES, type Relationship, type RelationshipStatus } from '../../domain/types';
import { type LiveRead, useLiveRead } from '../../hooks/useLiveRead';

// The Relationships list reads only the rows it shows: the newest pairs of the chosen statuses from the
// status and start-date index, and the names of the people on those rows.

/** "current" keeps the list to pairs still running, which is what the manager looks for most days. */
export const CURRENT_STATUSES: readonly RelationshipStatus[] = ['proposed', 'active', 'paused'];

export interface PairingsFilter {
  /** 'current', one status, or '' for every status. */
  status: string;
  /** One program's id, or '' for every program. */
  programId: string;
}

export interface PairingsListView {
  rows: { relationship: Relationship; label: string }[];
  hasMore: boolean;
  /** Every pairing in the clinic, in any status. */
  total: number;
}

function statusesOf(status: string): readonly RelationshipStatus[] {
  if (status === '') return RELATIONSHIP_STATUSES;
  if (status === 'current') return CURRENT_STATUSES;
  return [status as RelationshipStatus];
}

/** The first `limit` pairings of the list for this filter, newest first, named. */
export async function readPairingsList(filter: PairingsFilter, limit: number): Promise<PairingsListView> {
  const [total, page] = await Promise.all([
    countRelationships(),
    listRelationshipsPage({
      statuses: statusesOf(filter.status),
      limit,
      keep: filter.programId ? (pair) => pair.programId === filter.programId : undefined,
    }),
  ]);
  const people = await getPeopleByIds(page.relationships.flatMap((pair) => [pair.menteeId, pair.mentorId]));
  return {
    rows: page.relationships.map((relationship) => ({
      relationship,
      label: pairLabel(relationship, people),
    })),
    hasMore: page.next !== null,
    total,
  };
}

/** The list as shown, kept live; undefined while loading, the previous rows (not current) while a new filter is read. */
export function usePairingsList(
  filter: PairingsFilter,
  limit: number,
): LiveRead<PairingsListView> | undefined {
  return useLiveRead(
    (status: PairingsFilter['status'], programId: PairingsFilter['programId'], shown: number) =>
      readPairingsList({ status, programId }, shown),
    [filter.status, filter.programId, limit],
  );
}
