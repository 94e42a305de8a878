import { SUMMARY_FIELDS } from '../../renderer/data/summary-fields';

/** Fields later upgrades add beside the records, each checked by its own version's upgrade test. */
const LATER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // Version 14: the words of each person (schema-upgrade-v14.test.ts); version 16: each word with the
  // name key and id (schema-upgrade-v16.test.ts); version 19: the sort keys of the People list's
  // columns (schema-upgrade-v19.test.ts).
  people: ['wordKeys', 'wordNames', 'sortProfession', 'sortSpecialty', 'sortRole', 'sortTags'],
  // Version 24: each pair's entries of its two people (schema-upgrade-v24.test.ts).
  relationships: ['sideKeys'],
};

/**
 * Records as stored, less the dashboard's summary fields that versions 12 and 15 keep beside them
 * (computed by their upgrades, checked in schema-upgrade-v12.test.ts and schema-upgrade-v15.test.ts) and
 * the words of versions 14 and 16 and the pairs' side entries of version 24: what an earlier version's upgrade test compares.
 */
export function withoutSummaryFields<T extends object>(table: string, rows: T[]): T[] {
  const fields: readonly string[] = [
    ...(SUMMARY_FIELDS[table as keyof typeof SUMMARY_FIELDS] ?? []),
    ...(LATER_FIELDS[table] ?? []),
  ];
  if (!fields.length) return rows;
  return rows.map(
    (row) => Object.fromEntries(Object.entries(row).filter(([field]) => !fields.includes(field))) as T,
  );
}

/**
 * A person as stored, less the pairing summaries of version 18 (checked in schema-upgrade-v18.test.ts),
 * the sort keys of version 19 (schema-upgrade-v19.test.ts) and the mentors' ranks of version 20
 * (schema-upgrade-v20.test.ts).
 */
export function withoutPairingSummaries(row: Record<string, unknown>): Record<string, unknown> {
  const {
    mentorLoad: _a,
    hasMentor: _b,
    openMentorLoad: _c,
    withRoom: _d,
    withoutMentor: _e,
    sortProfession: _f,
    sortSpecialty: _g,
    sortRole: _h,
    sortTags: _i,
    mentorFull: _j,
    mentorMatches: _k,
    ...rest
  } = row;
  return rest;
}
