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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-03-01" → "1 Mar 2024", by position: the evidence log formats a date per meeting. */
export function formatLogDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
