// Small-group suppression: a figure that describes fewer than 5 people could point at someone
// (who left, who scored high), so it is replaced by words. Zero people describes no one and stays.

export const SMALL_GROUP_MINIMUM = 5;
export const FEWER_THAN_5 = 'fewer than 5';
export type GuardedFigure = number | typeof FEWER_THAN_5 | null;

/** A count of people, or "fewer than 5" when it is 1 to 4. */
export function guardCount(count: number): GuardedFigure {
  return count > 0 && count < SMALL_GROUP_MINIMUM ? FEWER_THAN_5 : count;
}

/**
 * A whole-number percentage of a group of people: null when the group is empty,
 * "fewer than 5" when the group is too small to show without pointing at someone.
 */
export function guardPercent(part: number, group: number): GuardedFigure {
  if (group === 0) return null;
  if (group < SMALL_GROUP_MINIMUM) return FEWER_THAN_5;
  return percent(part, group);
}

/** A whole-number percentage, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

/** How a guarded figure reads in a table. */
export function formatGuarded(figure: GuardedFigure, suffix = ''): string {
  if (figure === null) return '—';
  if (figure === FEWER_THAN_5) return FEWER_THAN_5;
  return `${figure}${suffix}`;
}
