import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { loadDashboard } from '../../data/dashboard.repo';
import { todayIso } from '../../domain/calendar';
import type { Dashboard } from '../../domain/dashboard';
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

/** The dashboard's figures for today, recomputed whenever the records change. */
export function useDashboard(): Dashboard | undefined {
  const today = useToday();
  return useLiveQuery(() => loadDashboard(today), [today]);
}
