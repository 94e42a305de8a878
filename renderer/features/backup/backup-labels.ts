import type { TableCounts } from '../../data/backup';

/** The tables as the manager knows them; settings and the audit trail are not counted for her. */
export const COUNTED_TABLES: ReadonlyArray<{ table: keyof TableCounts; label: string }> = [
  { table: 'people', label: 'People' },
  { table: 'programs', label: 'Programs' },
  { table: 'relationships', label: 'Mentoring pairs' },
  { table: 'meetings', label: 'Meetings' },
  { table: 'actionItems', label: 'Action items' },
  { table: 'topics', label: 'Topics' },
];
