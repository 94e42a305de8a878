import type { Id, Person, Relationship } from './types';

/** "Mentee with Mentor": how the manager names a pair. */
export function pairLabel(
  relationship: Pick<Relationship, 'menteeId' | 'mentorId'>,
  peopleById: Map<Id, Pick<Person, 'name'>>,
): string {
  const name = (id: Id) => peopleById.get(id)?.name ?? 'Unknown person';
  return `${name(relationship.menteeId)} with ${name(relationship.mentorId)}`;
}
