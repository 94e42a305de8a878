import { useLiveQuery } from 'dexie-react-hooks';
import { loadDashboard } from '../../data/dashboard.repo';
import type { Dashboard } from '../../domain/dashboard';
import { todayIso } from '../../domain/dates';

/** The dashboard's figures for today, recomputed whenever the records change. */
export function useDashboard(): Dashboard | undefined {
  const today = todayIso();
  return useLiveQuery(() => loadDashboard(today), [today]);
}
