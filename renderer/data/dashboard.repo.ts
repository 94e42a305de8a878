import Dexie from 'dexie';
import { QUIET_AFTER_DAYS } from '../domain/cadence';
import { addDaysIso } from '../domain/calendar';
import { computeDashboard, type DashboardView, ENDING_SOON_DAYS } from '../domain/dashboard';
import type { ActionItem, IsoDate, Program, Relationship } from '../domain/types';
import { getDb } from './db';

// The dashboard reads only what it shows (schema versions 3 and 9, derived-fields.ts). Each list is a
// range of an index: its length is counted on the index, and only its first rows are read.
// - Overdue: per program, active pairs whose meeting clock started more than the program's cadence ago
//   ([status+programId+clockStart]); the programs' first rows are merged.
// - Quiet: active pairs whose clock started 90 days ago or more ([status+clockStart]), plus the few whose
//   clock lies in the future (a resumption dated ahead), which may be quiet today and are read whole.
// - Ending soon: active pairs by planned end ([status+plannedEndDate]).
// - Past-due items: open items of live pairs by due date (liveDueDate).
// computeDashboard then orders the candidates exactly as before; only the rows on screen get their pair
// and names read (bulkGet costs ~0.1 ms a record, the bulk of the time on a large clinic).

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first `rows` of a collection (all of them when `rows` is infinite). */
function firstRows<T>(collection: Dexie.Collection<T>, rows: number): Promise<T[]> {
  return (Number.isFinite(rows) ? collection.limit(rows) : collection).toArray();
}

/** The dashboard for `today`, each list cut to its first `rows` rows, with the full counts. */
export async function loadDashboard(today: IsoDate, rows = Number.POSITIVE_INFINITY): Promise<DashboardView> {
  const db = getDb();
  return db.transaction('r', [db.relationships, db.programs, db.people, db.actionItems], async () => {
    const programs = await db.programs.toArray();
    // Each range is built afresh for each read: limit() changes the collection it is called on.
    // Overdue: clockStart + cadence < today, i.e. clockStart < today - cadence.
    const overdueRange = (program: Program) =>
      db.relationships
        .where('[status+programId+clockStart]')
        .between(
          ['active', program.id, Dexie.minKey],
          ['active', program.id, addDaysIso(today, -program.cadenceDays)],
          true,
          false,
        );
    // Quiet: clockStart <= today - 90 (a clock on or before today counts no resumption after today).
    const quietRange = () =>
      db.relationships
        .where('[status+clockStart]')
        .between(['active', Dexie.minKey], ['active', addDaysIso(today, -QUIET_AFTER_DAYS)], true, true);
    const endingRange = () =>
      db.relationships
        .where('[status+plannedEndDate]')
        .between(['active', today], ['active', addDaysIso(today, ENDING_SOON_DAYS)], true, true);
    const pastDueRange = () => db.actionItems.where('liveDueDate').below(today);

    const [activeCount, overdue, quiet, quietCount, futureClocks, ending, endingCount, items, itemCount] =
      await Promise.all([
        db.relationships.where('status').equals('active').count(),
        Promise.all(
          programs.map(async (program) => ({
            count: await overdueRange(program).count(),
            first: (await firstRows(overdueRange(program), rows)) as Relationship[],
          })),
        ),
        firstRows(quietRange(), rows) as Promise<Relationship[]>,
        quietRange().count(),
        // A resumption dated after today leaves the clock in the future, yet the pair may be quiet today.
        db.relationships
          .where('[status+clockStart]')
          .between(['active', today], ['active', Dexie.maxKey], false, true)
          .toArray(),
        firstRows(endingRange(), rows) as Promise<Relationship[]>,
        endingRange().count(),
        firstRows(pastDueRange(), rows) as Promise<ActionItem[]>,
        pastDueRange().count(),
      ]);

    const relationships = new Map<string, Relationship>();
    for (const pair of [...overdue.flatMap((program) => program.first), ...quiet, ...futureClocks, ...ending])
      relationships.set(pair.id, pair);
    const missing = [...new Set(items.map((item) => item.relationshipId))].filter(
      (id) => !relationships.has(id),
    );
    for (const pair of await db.relationships.bulkGet(missing)) if (pair) relationships.set(pair.id, pair);

    // In id order, as the status index gave them before: rows that tie keep the same order. The first
    // rows of each list are among these candidates, so the first rows computed from them are the list's.
    const candidates = [...relationships.keys()].sort(byId).flatMap((id) => relationships.get(id) ?? []);
    const full = computeDashboard(
      { relationships: candidates, programs, people: [], openActionItems: items },
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
      { relationships: listed, programs, people, openActionItems: items },
      today,
    );
    // The quiet pairs with a clock ahead of today are not in the quiet range: counted apart.
    const quietAhead = computeDashboard(
      { relationships: futureClocks, programs, people: [], openActionItems: [] },
      today,
    ).quiet.length;
    return {
      activeCount,
      overdue: board.overdue.slice(0, rows),
      quiet: board.quiet.slice(0, rows),
      endingSoon: board.endingSoon.slice(0, rows),
      pastDueActions: board.pastDueActions.slice(0, rows),
      totals: {
        overdue: overdue.reduce((sum, program) => sum + program.count, 0),
        quiet: quietCount + quietAhead,
        endingSoon: endingCount,
        pastDueActions: itemCount,
      },
    };
  });
}
