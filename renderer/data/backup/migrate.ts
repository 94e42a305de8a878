import { CURRENT_SCHEMA_VERSION } from '../db';
import type { RawTables } from './validate';

// Backups made by older versions are brought up to the current schema before they are checked, the
// same way db.ts upgrades a database in place. One step per schema version, never edited once shipped.

type Migration = (tables: RawTables) => RawTables;

/** Schema 1 → 2: relationships gained lastMeetingDate (the date of their latest meeting, or null). */
function addLastMeetingDate(tables: RawTables): RawTables {
  const latest = new Map<unknown, string>();
  for (const meeting of tables.meetings) {
    if (typeof meeting !== 'object' || meeting === null) continue;
    const { relationshipId, date } = meeting as { relationshipId?: unknown; date?: unknown };
    if (typeof date !== 'string') continue;
    const known = latest.get(relationshipId);
    if (!known || date > known) latest.set(relationshipId, date);
  }
  const relationships = tables.relationships.map((relationship) => {
    if (typeof relationship !== 'object' || relationship === null || Array.isArray(relationship))
      return relationship;
    const { id } = relationship as { id?: unknown };
    return { ...relationship, lastMeetingDate: latest.get(id) ?? null };
  });
  return { ...tables, relationships };
}

/** Schemas 2 → 3, 3 → 4 and 6 → 7 added only indexes (and derived index fields, which a backup never carries): records are unchanged. */
const unchanged: Migration = (tables) => tables;

/** MIGRATIONS[n] turns schema n into schema n + 1. */
const MIGRATIONS: Record<number, Migration> = {
  1: addLastMeetingDate,
  2: unchanged,
  3: unchanged,
  // Schema 4 → 5 (the clinic lock): a backup always holds the text in the clear, so nothing changes.
  4: unchanged,
  // Schema 5 → 6 added tables only (mentor training and recognition), which an older backup does not
  // have: the reader starts them empty.
  5: unchanged,
  // Schema 6 → 7 added an index only.
  6: unchanged,
  // Schema 7 → 8 added the questionnaire tables only: the reader starts them empty too.
  7: unchanged,
  // Schema 8 → 9 added indexes and a derived index field (which a backup never carries).
  8: unchanged,
  // Schema 9 → 10 added the development-plan tables only, which an older backup does not have either.
  9: unchanged,
  // Schema 10 → 11 added the milestone, milestone-type and meeting-guide tables (the reader starts them
  // empty) and an optional field of meetings: records are unchanged.
  10: unchanged,
  // Schema 11 → 12 added indexes and the dashboard's summary fields (which a backup never carries).
  11: unchanged,
  // Schema 12 → 13 added an index of existing fields only.
  12: unchanged,
  // Schema 13 → 14 added an index of people's words, a derived field a backup never carries.
  13: unchanged,
  // Schema 14 → 15 added the pairs' questionnaire summaries and their index (which a backup never carries).
  14: unchanged,
  // Schema 15 → 16 added an index of each word of people with their name, a derived field a backup never carries.
  15: unchanged,
  // Schema 16 → 17 removed an index of meetings only.
  16: unchanged,
  // Schema 17 → 18 added the people's pairing summaries and their indexes, which a backup never carries.
  17: unchanged,
  // Schema 18 → 19 added the sort keys of the People list's columns, derived fields a backup never carries.
  18: unchanged,
  // Schema 19 → 20 added the mentors' ranks and the pairing groups' name-order indexes, never in a backup.
  19: unchanged,
  // Schema 20 → 21 added indexes of existing fields only.
  20: unchanged,
  // Schema 21 → 22 added each action item's meeting date, a summary field a backup never carries.
  21: unchanged,
  // Schema 22 → 23 moved the meeting notes to a table of their own in the database; the document keeps
  // them in the meeting records (a backup joins them back in, a restore splits them off).
  22: unchanged,
  // Schema 23 → 24 added each pair's entries of its two people, a derived field a backup never carries.
  23: unchanged,
  // Schema 24 → 25 changed how the clinic lock stores sealed fields; the document holds them opened.
  24: unchanged,
  // Schema 25 → 26 added the report's digests, a table a backup never carries (kept copies).
  25: unchanged,
};

export function migrateTables(tables: RawTables, fromSchemaVersion: number): RawTables {
  let migrated = tables;
  for (let version = fromSchemaVersion; version < CURRENT_SCHEMA_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`No migration from schema version ${version}.`);
    migrated = step(migrated);
  }
  return migrated;
}
