import { useLiveQuery } from 'dexie-react-hooks';
import {
  getRelationship,
  listRelationships,
  listRelationshipsForPerson,
  mentorLoads,
} from '../../data/relationships.repo';
import type { Id, Person, Relationship } from '../../domain/types';

export function useRelationships(): Relationship[] | undefined {
  return useLiveQuery(() => listRelationships(), []);
}

/** One pairing; null when there is no such pairing, undefined while loading. */
export function useRelationship(id: Id | undefined): Relationship | null | undefined {
  return useLiveQuery(async () => (id ? ((await getRelationship(id)) ?? null) : null), [id]);
}

export function useRelationshipsForPerson(personId: Id): Relationship[] | undefined {
  return useLiveQuery(() => listRelationshipsForPerson(personId), [personId]);
}

/** Proposed and active pairs per mentor id, to compare with each mentor's capacity. */
export function useMentorLoads(): Map<Id, number> | undefined {
  return useLiveQuery(() => mentorLoads(), []);
}

/** "Mentee with Mentor": how the manager names a pair. */
export function pairLabel(
  relationship: Pick<Relationship, 'menteeId' | 'mentorId'>,
  peopleById: Map<Id, Pick<Person, 'name'>>,
): string {
  const name = (id: Id) => peopleById.get(id)?.name ?? 'Unknown person';
  return `${name(relationship.menteeId)} with ${name(relationship.mentorId)}`;
}
