import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { loadPlanDashboard } from '../../data/plan-dashboard.repo';
import type { PlanDashboardView, PlanListName } from '../../domain/plan-dashboard';
import { ROWS_SHOWN, useToday } from './useDashboard';

export interface PlanDashboardState {
  plans: PlanDashboardView | undefined;
  limits: Record<PlanListName, number>;
  showMore: (list: PlanListName) => void;
}

/** The development-plan lists for today: ten rows a card, "Show more" for the next ten. */
export function usePlanDashboard(): PlanDashboardState {
  const today = useToday();
  const [limits, setLimits] = useState<Record<PlanListName, number>>({
    overdueGoals: ROWS_SHOWN,
    pairsWithoutPlan: ROWS_SHOWN,
  });
  const rows = Math.max(...Object.values(limits));
  const plans = useLiveQuery(() => loadPlanDashboard(today, rows), [today, rows]);
  const showMore = (list: PlanListName) =>
    setLimits((current) => ({ ...current, [list]: current[list] + ROWS_SHOWN }));
  return { plans, limits, showMore };
}
