import { formatDisplayDate } from './date-format';
import { daysUntilRenewal, type TrainingStatus } from './training';
import type { IsoDate } from './types';

// A mentor's training in the words every screen uses.

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/** "Current until 10 Mar 2025", "Lapses in 12 days (10 Mar 2025)", "Lapsed on 10 Mar 2025", … */
export function describeTrainingStatus(status: TrainingStatus | undefined, today: IsoDate): string {
  if (!status || status.state === 'none' || !status.renewBy) return 'No mentor training on record';
  const renewBy = formatDisplayDate(status.renewBy);
  if (status.state === 'lapsed') return `Training lapsed after ${renewBy}`;
  if (status.state === 'lapsing') {
    const left = daysUntilRenewal(status.renewBy, today);
    return `Training lapses ${left === 0 ? 'after today' : `in ${days(left)}`} (renew by ${renewBy})`;
  }
  return `Training current until ${renewBy}`;
}
