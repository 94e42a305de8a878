import { addDaysIso, daysBetween } from '../calendar';
import type { IsoDate, Relationship, RelationshipStatus, StatusChange } from '../types';

// What a pair was on any date, read from its status history. A change takes effect on its own date:
// a pair completed on 31 March was active on 30 March and completed on 31 March.

export type StatusSource = Pick<Relationship, 'statusHistory' | 'status' | 'startDate'>;

/** The history in date order; several changes on one day keep the order they were made in. */
export function orderedHistory(relationship: StatusSource): StatusChange[] {
  if (relationship.statusHistory.length === 0)
    return [{ status: relationship.status, date: relationship.startDate }];
  const history = relationship.statusHistory;
  for (let i = 1; i < history.length; i++) {
    if (history[i].date < history[i - 1].date) {
      return history
        .map((change, index) => ({ change, index }))
        .sort((a, b) =>
          a.change.date < b.change.date ? -1 : a.change.date > b.change.date ? 1 : a.index - b.index,
        )
        .map(({ change }) => change);
    }
  }
  return history;
}

/** The pair's status on `date`, or null when the pair did not exist yet. */
export function statusOn(relationship: StatusSource, date: IsoDate): RelationshipStatus | null {
  let status: RelationshipStatus | null = null;
  for (const change of orderedHistory(relationship)) {
    if (change.date > date) break;
    status = change.status;
  }
  return status;
}

export interface DateSpan {
  start: IsoDate;
  end: IsoDate;
}

/** The stretches of days within [from, to] (both included) on which the pair was active. */
export function activeSpans(relationship: StatusSource, from: IsoDate, to: IsoDate): DateSpan[] {
  const history = orderedHistory(relationship);
  const spans: DateSpan[] = [];
  for (let i = 0; i < history.length; i++) {
    if (history[i].status !== 'active') continue;
    const next: StatusChange | undefined = history[i + 1];
    // A later change on the same day overrides this one: the pair was never active that day.
    if (next && next.date === history[i].date) continue;
    const spanStart = history[i].date;
    const spanEnd = next ? addDaysIso(next.date, -1) : null;
    const start = spanStart > from ? spanStart : from;
    const end = spanEnd === null || spanEnd > to ? to : spanEnd;
    if (start <= end) spans.push({ start, end });
  }
  return spans;
}

/** The number of days within [from, to] on which the pair was active. */
export function activeDaysWithin(relationship: StatusSource, from: IsoDate, to: IsoDate): number {
  let days = 0;
  for (const span of activeSpans(relationship, from, to)) days += daysBetween(span.start, span.end) + 1;
  return days;
}

/** The first day the pair was ever active, or null if it never was. */
export function firstActiveDate(relationship: StatusSource): IsoDate | null {
  return orderedHistory(relationship).find((change) => change.status === 'active')?.date ?? null;
}

/** The latest status change that ended the pair (completed or ended early) within [from, to]. */
export function endingWithin(relationship: StatusSource, from: IsoDate, to: IsoDate): StatusChange | null {
  const history = orderedHistory(relationship);
  for (let i = history.length - 1; i >= 0; i--) {
    const change = history[i];
    if (
      (change.status === 'completed' || change.status === 'ended-early') &&
      change.date >= from &&
      change.date <= to
    )
      return change;
  }
  return null;
}
