import type { TableCounts } from '../../data/backup';
import { formatDisplayMoment } from '../../domain/date-format';

/** The tables as the manager knows them; settings and the audit trail are not counted for her. */
export const COUNTED_TABLES: ReadonlyArray<{ table: keyof TableCounts; label: string }> = [
  { table: 'people', label: 'People' },
  { table: 'programs', label: 'Programs' },
  { table: 'relationships', label: 'Mentoring pairs' },
  { table: 'meetings', label: 'Meetings' },
  { table: 'actionItems', label: 'Action items' },
  { table: 'topics', label: 'Topics' },
];

/** A backup's time in the app's one date style. */
export function formatMoment(iso: string): string {
  return formatDisplayMoment(iso);
}
