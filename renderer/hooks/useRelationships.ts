import { useLiveQuery } from 'dexie-react-hooks';
import {
  changeRelationshipStatus,
  createRelationship,
  deleteRelationship,
  getRelationship,
  listRelationships,
  listRelationshipsForPerson,
  updateRelationship,
} from '../data/relationships.repo';
import type { Id, Relationship } from '../domain/types';

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

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
/** Creating pairings and changing their details or status. */
export const relationshipActions = {
  /** Pairs a mentee with a mentor; refused for a full mentor unless a reason to go over is given. */
  create: createRelationship,
  /** Corrects focus and dates; mentor, mentee and program while the pairing has no meeting. */
  update: updateRelationship,
  /** Deletes a pairing entered by mistake (no meetings), with a reason from the fixed list. */
  remove: deleteRelationship,
  changeStatus: changeRelationshipStatus,
};
