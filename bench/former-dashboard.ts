import Dexie from 'dexie';
import { getDb } from '../renderer/data/db';
import { QUIET_AFTER_DAYS } from '../renderer/domain/cadence';
import { addDaysIso } from '../renderer/domain/calendar';
import { computeDashboard, type DashboardView, ENDING_SOON_DAYS } from '../renderer/domain/dashboard';
import type { IsoDate, Relationship } from '../renderer/domain/types';

// The dashboard's loader as it was before schema version 9, kept as the benchmark's baseline.
// It read by index only what can appear on it (schema version 3, derived-fields.ts): the
// pairs whose meeting clock is old enough to be overdue or quiet, the pairs ending soon and the open
// items past due. computeDashboard decides exactly, as before; then only the rows on screen get their
// pair and names read (bulkGet costs ~0.1 ms a record, the bulk of the time on a large clinic).

/** Days before `today` a clock start must lie to be overdue in some program or quiet. */
function candidateClockLimit(today: IsoDate, shortestCadenceDays: number): IsoDate {
  // Overdue: clockStart + cadence < today. Quiet: clockStart <= today - 90, i.e. < today - 89.
  return addDaysIso(today, -Math.min(shortestCadenceDays, QUIET_AFTER_DAYS - 1));
}

const LIVE_STATUSES = ['active', 'paused', 'proposed'];
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The dashboard for `today`, each list cut to its first `rows` rows, with the full counts. */
export async function formerDashboard(
  today: IsoDate,
  rows = Number.POSITIVE_INFINITY,
): Promise<DashboardView> {
  const db = getDb();
  return db.transaction('r', [db.relationships, db.programs, db.people, db.actionItems], async () => {
    const programs = await db.programs.toArray();
    const shortestCadence = Math.min(QUIET_AFTER_DAYS, ...programs.map((program) => program.cadenceDays));
    const active = db.relationships.where('[status+clockStart]');
    const [activeCount, oldClocks, futureClocks, ending, openItems, liveIds] = await Promise.all([
      db.relationships.where('status').equals('active').count(),
      active
        .between(
          ['active', Dexie.minKey],
          ['active', candidateClockLimit(today, shortestCadence)],
          true,
          false,
        )
        .toArray(),
      // A resumption dated after today leaves the clock in the future, yet the pair may be quiet today.
      active.between(['active', today], ['active', Dexie.maxKey], false, true).toArray(),
      db.relationships
        .where('[status+plannedEndDate]')
        .between(['active', today], ['active', addDaysIso(today, ENDING_SOON_DAYS)], true, true)
        .toArray(),
      db.actionItems.where('openDueDate').below(today).toArray(),
      db.relationships.where('status').anyOf(LIVE_STATUSES).primaryKeys(),
    ]);
    // Items of live pairs only (not of closed or missing ones), oldest due first: the list's own order.
    const live = new Set(liveIds);
    const pastDue = openItems.filter((item) => live.has(item.relationshipId));
    const shownItems = pastDue.slice(0, rows);

    const relationships = new Map<string, Relationship>();
    for (const pair of [...oldClocks, ...futureClocks, ...ending]) relationships.set(pair.id, pair);
    const missing = [...new Set(shownItems.map((item) => item.relationshipId))].filter(
      (id) => !relationships.has(id),
    );
    for (const pair of await db.relationships.bulkGet(missing)) if (pair) relationships.set(pair.id, pair);

    // In id order, as the status index gave them before: rows that tie keep the same order.
    const candidates = [...relationships.keys()].sort(byId).flatMap((id) => relationships.get(id) ?? []);
    const full = computeDashboard(
      { relationships: candidates, programs, people: [], openActionItems: shownItems },
      today,
    );
    const shown = [
      ...full.overdue.slice(0, rows),
      ...full.quiet.slice(0, rows),
      ...full.endingSoon.slice(0, rows),
      ...full.pastDueActions.slice(0, rows),
    ];
    // Only the names on screen: the people of the pairs on the rows shown.
    const pairIds = [...new Set(shown.map((row) => row.relationshipId))].sort(byId);
    const listed = pairIds.flatMap((id) => relationships.get(id) ?? []);
    const personIds = [...new Set(listed.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
    const people = (await db.people.bulkGet(personIds)).flatMap((person) =>
      person ? [{ id: person.id, name: person.name }] : [],
    );
    const board = computeDashboard(
      { relationships: listed, programs, people, openActionItems: shownItems },
      today,
    );
    return {
      activeCount,
      overdue: board.overdue.slice(0, rows),
      quiet: board.quiet.slice(0, rows),
      endingSoon: board.endingSoon.slice(0, rows),
      pastDueActions: board.pastDueActions.slice(0, rows),
      totals: {
        overdue: full.overdue.length,
        quiet: full.quiet.length,
        endingSoon: full.endingSoon.length,
        pastDueActions: pastDue.length,
      },
    };
  });
}
