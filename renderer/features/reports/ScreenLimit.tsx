/** How many lines a long table shows on screen; the PDF and the spreadsheet carry every line. */
export const SCREEN_ROWS = 100;

/** The first rows for the screen (all of them when `limit` is undefined, as on paper). */
export function limitRows<T>(rows: T[], limit: number | undefined): T[] {
  return limit === undefined || rows.length <= limit ? rows : rows.slice(0, limit);
}

/** Says that a table on screen is shortened, and where the rest is. */
export function MoreInFiles({ shown, total, what }: { shown: number; total: number; what: string }) {
  if (shown >= total) return null;
  return (
    <p className="report-note">
      The first {shown} of {total} {what} are listed here; the PDF and the spreadsheet list them all.
    </p>
  );
}
