import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import {
  type DueQuestionnairesView,
  listOpenSupportRequests,
  loadDueQuestionnaires,
  markSupportRequestDone,
  type OpenSupportRequest,
} from '../../data/questionnaires.repo';
import { ROWS_SHOWN, useToday } from './useDashboard';

/** The pairing questionnaires due today: the rows shown (ten more on "Show more") and the count. */
export function useDueQuestionnaires(): {
  due: DueQuestionnairesView | undefined;
  limit: number;
  showMore: () => void;
} {
  const today = useToday();
  const [limit, setLimit] = useState(ROWS_SHOWN);
  const due = useLiveQuery(() => loadDueQuestionnaires(today, limit), [today, limit]);
  return { due, limit, showMore: () => setLimit((current) => current + ROWS_SHOWN) };
}

/** The people who asked the program manager to contact them: a name and a day, nothing more. */
export function useSupportRequests(): OpenSupportRequest[] | undefined {
  return useLiveQuery(() => listOpenSupportRequests(), []);
}

export const supportRequestActions = { markDone: markSupportRequestDone };
