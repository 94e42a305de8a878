// How report figures read, shared by the screen, the print layout and the exports.

/** Minutes as hours to one decimal: 90 → 1.5. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/** Minutes as hours for people: 90 → "1.5". */
export function formatHours(minutes: number): string {
  return hoursOf(minutes).toFixed(1);
}

/** A percentage for people: null → "—". */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}
