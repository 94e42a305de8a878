import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { loadDashboard } from '../../data/dashboard.repo';
import { earlyDashboard } from '../../data/early-reads';
import { todayIso } from '../../domain/calendar';
import { DASHBOARD_ROWS_SHOWN, type DashboardListName, type DashboardView } from '../../domain/dashboard';
import type { IsoDate } from '../../domain/types';

/** Today's date, which moves on at midnight for an app left open overnight on the office computer. */
export function useToday(): IsoDate {
  const [today, setToday] = useState(todayIso);
  useEffect(() => {
    const timer = window.setInterval(() => setToday(todayIso()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}

/** Enough rows to act on this morning; a large clinic's long tail waits behind "Show more". */
export const ROWS_SHOWN = DASHBOARD_ROWS_SHOWN;

const FIRST_LIMITS: Record<DashboardListName, number> = {
  overdue: ROWS_SHOWN,
  quiet: ROWS_SHOWN,
  endingSoon: ROWS_SHOWN,
  pastDueActions: ROWS_SHOWN,
};

export interface DashboardState {
  dashboard: DashboardView | undefined;
  /** How many rows each list shows; "Show more" adds ROWS_SHOWN to one list. */
  limits: Record<DashboardListName, number>;
  showMore: (list: DashboardListName) => void;
}

/**
 * The dashboard's figures for today, recomputed whenever the records change. Only the rows the lists
 * show are read (the longest list's limit), beside each list's full count.
 */
export function useDashboard(): DashboardState {
  const today = useToday();
  const [limits, setLimits] = useState(FIRST_LIMITS);
  const rows = Math.max(...Object.values(limits));
  // The board read as the page started (if it has arrived) shows until the live query answers.
  const dashboard = useLiveQuery(
    () => loadDashboard(today, rows),
    [today, rows],
    earlyDashboard(today, rows),
  );
  const showMore = (list: DashboardListName) =>
    setLimits((current) => ({ ...current, [list]: current[list] + ROWS_SHOWN }));
  return { dashboard, limits, showMore };
}
