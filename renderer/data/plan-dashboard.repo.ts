import Dexie from 'dexie';
import { addDaysIso } from '../domain/calendar';
import { computePlanDashboard, type PlanDashboardView } from '../domain/plan-dashboard';
import { type IsoDate, OPEN_GOAL_STATUSES, type Relationship } from '../domain/types';
import { getDb } from './db';

// The dashboard's plan lists, read by index like the other cards (dashboard.repo.ts): open goals whose
// target date has passed from [status+targetDate], active pairs started a month ago or more from
// [status+startDate] against the pairs that have a goal (relationshipId index keys only). Counts come
// from keys; only the rows on screen get their goal, pair and names read.

/** Every month has at least 28 days: a pair that started later cannot be a month in yet. */
const SHORTEST_MONTH_DAYS = 28;

export async function loadPlanDashboard(
  today: IsoDate,
  rows = Number.POSITIVE_INFINITY,
): Promise<PlanDashboardView> {
  const db = getDb();
  return db.transaction('r', [db.goals, db.relationships, db.programs, db.people], async () => {
    const [overdueKeys, candidatePairs, plannedPairs, liveIds] = await Promise.all([
      Promise.all(
        OPEN_GOAL_STATUSES.map((status) =>
          db.goals
            .where('[status+targetDate]')
            .between([status, Dexie.minKey], [status, today], true, false)
            .primaryKeys(),
        ),
      ),
      db.relationships
        .where('[status+startDate+id]')
        .between(
          ['active', Dexie.minKey, Dexie.minKey],
          ['active', addDaysIso(today, -SHORTEST_MONTH_DAYS), Dexie.minKey],
          true,
          false,
        )
        .toArray(),
      db.goals.orderBy('relationshipId').uniqueKeys(),
      db.relationships.where('status').anyOf(['active', 'paused', 'proposed']).primaryKeys(),
    ]);
    const planned = new Set(plannedPairs.map(String));
    const live = new Set(liveIds);
    // Goals of closed pairs are not followed up: read the goals to tell, then cut to the rows shown.
    const overdueGoals = (await db.goals.bulkGet(overdueKeys.flat())).flatMap((goal) =>
      goal && live.has(goal.relationshipId) ? [goal] : [],
    );
    const withoutPlan = candidatePairs.filter((pair) => !planned.has(pair.id));
    const programs = await db.programs.toArray();

    const pairs = new Map<string, Relationship>(withoutPlan.map((pair) => [pair.id, pair]));
    const goalPairIds = [...new Set(overdueGoals.map((goal) => goal.relationshipId))].filter(
      (id) => !pairs.has(id),
    );
    for (const pair of await db.relationships.bulkGet(goalPairIds)) if (pair) pairs.set(pair.id, pair);
    const full = computePlanDashboard(
      { goals: overdueGoals, relationships: [...pairs.values()], planned, programs, people: [] },
      today,
    );
    const shownGoals = full.overdueGoals.slice(0, rows);
    const shownPairs = full.pairsWithoutPlan.slice(0, rows);
    const shownIds = new Set([...shownGoals, ...shownPairs].map((row) => row.relationshipId));
    const listed = [...shownIds].flatMap((id) => pairs.get(id) ?? []);
    const personIds = [...new Set(listed.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
    const people = (await db.people.bulkGet(personIds)).flatMap((person) =>
      person ? [{ id: person.id, name: person.name }] : [],
    );
    const shownGoalIds = new Set(shownGoals.map((row) => row.goalId));
    const board = computePlanDashboard(
      {
        goals: overdueGoals.filter((goal) => shownGoalIds.has(goal.id)),
        relationships: listed,
        planned,
        programs,
        people,
      },
      today,
    );
    return {
      overdueGoals: board.overdueGoals,
      pairsWithoutPlan: board.pairsWithoutPlan,
      totals: { overdueGoals: full.overdueGoals.length, pairsWithoutPlan: full.pairsWithoutPlan.length },
    };
  });
}
