import type { ReportIndex } from './report-data';
import { percent } from './suppression';

// Follow-up: what happened, by the period's last day, to the action items agreed at the period's
// meetings. On time means done on or before the due date; items without a due date cannot be late.

export interface FollowUp {
  created: number;
  withDueDate: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  /** Not done by the period's last day and due before it. */
  overdue: number;
  /** Not done, and not yet due (or with no due date). */
  open: number;
  completionRate: number | null;
  /** Completed on time as a share of completed items that had a due date. */
  onTimeRate: number | null;
}

export function computeFollowUp(index: ReportIndex): FollowUp {
  const { end } = index.period;
  const figures = {
    created: 0,
    withDueDate: 0,
    completed: 0,
    completedOnTime: 0,
    completedLate: 0,
    overdue: 0,
    open: 0,
  };
  for (const item of index.actionItems) {
    figures.created++;
    if (item.dueDate) figures.withDueDate++;
    // An item ticked without a date counts as done; one done after the period was still open at its end.
    const doneByEnd = item.done && (item.doneDate === null || item.doneDate <= end);
    if (doneByEnd) {
      figures.completed++;
      if (item.dueDate && item.doneDate) {
        if (item.doneDate <= item.dueDate) figures.completedOnTime++;
        else figures.completedLate++;
      }
    } else if (item.dueDate && item.dueDate < end) figures.overdue++;
    else figures.open++;
  }
  return {
    ...figures,
    completionRate: percent(figures.completed, figures.created),
    onTimeRate: percent(figures.completedOnTime, figures.completedOnTime + figures.completedLate),
  };
}
