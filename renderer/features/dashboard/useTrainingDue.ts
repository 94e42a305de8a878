import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { loadTrainingDue, type TrainingDueList } from '../../data/training.repo';
import { ROWS_SHOWN, useToday } from './useDashboard';

/** Mentors whose training has lapsed or lapses within 30 days: ten rows, "Show more" adds ten. */
export function useTrainingDue(): { due: TrainingDueList | undefined; limit: number; showMore: () => void } {
  const today = useToday();
  const [limit, setLimit] = useState(ROWS_SHOWN);
  const due = useLiveQuery(() => loadTrainingDue(today, limit), [today, limit]);
  return { due, limit, showMore: () => setLimit((current) => current + ROWS_SHOWN) };
}
