import { SUMMARY_FIELDS } from '../../renderer/data/summary-fields';

/**
 * Records as stored, less the dashboard's summary fields that version 12 keeps beside them (computed by
 * its upgrade, checked in schema-upgrade-v12.test.ts): what an earlier version's upgrade test compares.
 */
export function withoutSummaryFields<T extends object>(table: string, rows: T[]): T[] {
  const fields: readonly string[] = SUMMARY_FIELDS[table as keyof typeof SUMMARY_FIELDS] ?? [];
  if (!fields.length) return rows;
  return rows.map(
    (row) => Object.fromEntries(Object.entries(row).filter(([field]) => !fields.includes(field))) as T,
  );
}
