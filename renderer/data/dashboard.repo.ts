import Dexie from 'dexie';
import { QUIET_AFTER_DAYS } from '../domain/cadence';
import { addDaysIso } from '../domain/calendar';
import { computeDashboard, type Dashboard, ENDING_SOON_DAYS } from '../domain/dashboard';
import type { ActionItem, IsoDate, Relationship } from '../domain/types';
import { getDb } from './db';

// The dashboard reads by index only what can appear on it (schema version 3, derived-fields.ts): the
// pairs whose meeting clock is old enough to be overdue or quiet, the pairs ending soon, the open items
// past due, and the names of the people in those rows. computeDashboard then decides exactly, as before.

/** Days before `today` a clock start must lie to be overdue in some program or quiet. */
function candidateClockLimit(today: IsoDate, shortestCadenceDays: number): IsoDate {
  // Overdue: clockStart + cadence < today. Quiet: clockStart <= today - 90, i.e. < today - 89.
  return addDaysIso(today, -Math.min(shortestCadenceDays, QUIET_AFTER_DAYS - 1));
}

export async function loadDashboard(today: IsoDate): Promise<Dashboard> {
  const db = getDb();
  return db.transaction('r', [db.relationships, db.programs, db.people, db.actionItems], async () => {
    const programs = await db.programs.toArray();
    const shortestCadence = Math.min(QUIET_AFTER_DAYS, ...programs.map((program) => program.cadenceDays));
    const active = db.relationships.where('[status+clockStart]');
    const [activeCount, oldClocks, futureClocks, ending, openActionItems] = await Promise.all([
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
    ]);
    const relationships = new Map<string, Relationship>();
    for (const pair of [...oldClocks, ...futureClocks, ...ending]) relationships.set(pair.id, pair);
    const missing = [...new Set(openActionItems.map((item: ActionItem) => item.relationshipId))].filter(
      (id) => !relationships.has(id),
    );
    for (const pair of await db.relationships.bulkGet(missing)) if (pair) relationships.set(pair.id, pair);

    const board = computeDashboard(
      { relationships: [...relationships.values()], programs, people: [], openActionItems },
      today,
    );
    // Only the names on screen: the people of the pairs that made it onto a list.
    const shown = [...board.overdue, ...board.quiet, ...board.endingSoon, ...board.pastDueActions];
    const pairIds = new Set(shown.map((row) => row.relationshipId));
    const personIds = new Set<string>();
    for (const id of pairIds) {
      const pair = relationships.get(id);
      if (pair) personIds.add(pair.mentorId).add(pair.menteeId);
    }
    const people = (await db.people.bulkGet([...personIds])).flatMap((person) =>
      person ? [{ id: person.id, name: person.name }] : [],
    );
    // In id order, as the status index gave them before: rows that tie keep the same order.
    const listed = [...pairIds]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap((id) => relationships.get(id) ?? []);
    return {
      ...computeDashboard({ relationships: listed, programs, people, openActionItems }, today),
      activeCount,
    };
  });
}
