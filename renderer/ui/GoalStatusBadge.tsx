import { GOAL_STATUS_LABELS, type GoalStatus } from '../domain/types';

const TONE: Record<GoalStatus, string> = {
  'not-started': 'badge',
  'on-track': 'badge badge--ok',
  'at-risk': 'badge badge--warn',
  achieved: 'badge badge--ok',
  dropped: 'badge',
};

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return <span className={TONE[status]}>{GOAL_STATUS_LABELS[status]}</span>;
}
