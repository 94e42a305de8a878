import { getDb } from '../renderer/data/db';
import type { Id, RelationshipStatus } from '../renderer/domain/types';

// Mentors' loads and mentees' pairing as they were read before schema version 18 kept them beside each
// person (copies, for the side-by-side bench): every proposed and active pair read to count every
// mentor's load, every proposed, active or paused pair read to know the mentees with a mentor, and the
// pairs of the mentors on a page read to count theirs.

const LOAD_STATUSES: readonly RelationshipStatus[] = ['proposed', 'active'];
const HAS_MENTOR_STATUSES: readonly RelationshipStatus[] = ['proposed', 'active', 'paused'];

/** Proposed and active pairs per mentor id (every such pair read). */
export async function formerMentorLoads(): Promise<Map<Id, number>> {
  const db = getDb();
  const lists = await Promise.all(
    LOAD_STATUSES.map((status) => db.relationships.where('status').equals(status).toArray()),
  );
  const loads = new Map<Id, number>();
  for (const pair of lists.flat()) loads.set(pair.mentorId, (loads.get(pair.mentorId) ?? 0) + 1);
  return loads;
}

/** The loads of the mentors `mentorIds` (0 for none), from every pair of theirs. */
export async function formerMentorLoadsFor(mentorIds: readonly Id[]): Promise<Map<Id, number>> {
  const unique = [...new Set(mentorIds)];
  const loads = new Map<Id, number>(unique.map((id) => [id, 0]));
  if (unique.length === 0) return loads;
  const pairs = await getDb().relationships.where('mentorId').anyOf(unique).toArray();
  for (const pair of pairs)
    if (LOAD_STATUSES.includes(pair.status)) loads.set(pair.mentorId, (loads.get(pair.mentorId) ?? 0) + 1);
  return loads;
}

/** The ids of mentees with a proposed, active or paused pair (every such pair read). */
export async function formerMenteesWithMentor(): Promise<Set<Id>> {
  const pairs = await getDb().relationships.where('status').anyOf(HAS_MENTOR_STATUSES).toArray();
  return new Set(pairs.map((pair) => pair.menteeId));
}
