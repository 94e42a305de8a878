import { RELATIONSHIP_STATUS_LABELS, type RelationshipStatus } from '../domain/types';

const TONE: Record<RelationshipStatus, string> = {
  proposed: 'badge',
  active: 'badge badge--ok',
  paused: 'badge badge--warn',
  completed: 'badge',
  'ended-early': 'badge badge--danger',
};

export function StatusBadge({ status }: { status: RelationshipStatus }) {
  return <span className={TONE[status]}>{RELATIONSHIP_STATUS_LABELS[status]}</span>;
}
