import Dexie from 'dexie';
import { addDaysIso } from '../domain/calendar';
import { planExpectedBy } from '../domain/goals';
import { computePlanDashboard, type PlanDashboardView } from '../domain/plan-dashboard';
import type { Goal, IsoDate, Relationship } from '../domain/types';
import { getDb } from './db';

// The dashboard's plan lists, each a range of an index (schema version 12, summary-fields.ts), counted
// on the index with only its first rows read, then the pairs and names of those rows:
// - goals past their target: `liveTargetDate` (the target date while the goal is open and its pair live),
//   below today, in the list's order (the oldest target first, then by id);
// - pairs a month in without a plan: `[status+startWithoutPlan]` (the start date while the pair has no
//   goal), active pairs by start date, in the list's order too.

/** A month is at most 31 days: a pair that started earlier expected its plan before today. */
const LONGEST_MONTH_DAYS = 31;
/** A month is at least 28 days: a pair that started later cannot be a month in yet. */
const SHORTEST_MONTH_DAYS = 28;

function firstRows<T>(collection: Dexie.Collection<T>, rows: number): Promise<T[]> {
  return (Number.isFinite(rows) ? collection.limit(rows) : collection).toArray();
}

export async function loadPlanDashboard(
  today: IsoDate,
  rows = Number.POSITIVE_INFINITY,
): Promise<PlanDashboardView> {
  const db = getDb();
  return db.transaction('r', [db.goals, db.relationships, db.programs, db.people], async () => {
    const overdue = () => db.goals.where('liveTargetDate').below(today);
    // Started more than 31 days ago: surely a month in. Between 28 and 31 days: it depends on the month.
    const surelyLate = () =>
      db.relationships
        .where('[status+startWithoutPlan]')
        .between(['active', Dexie.minKey], ['active', addDaysIso(today, -LONGEST_MONTH_DAYS)], true, false);
    const [goalCount, goals, lateCount, late, edge, programs] = await Promise.all([
      overdue().count(),
      firstRows(overdue(), rows) as Promise<Goal[]>,
      surelyLate().count(),
      firstRows(surelyLate(), rows) as Promise<Relationship[]>,
      db.relationships
        .where('[status+startWithoutPlan]')
        .between(
          ['active', addDaysIso(today, -LONGEST_MONTH_DAYS)],
          ['active', addDaysIso(today, -SHORTEST_MONTH_DAYS)],
          true,
          true,
        )
        .toArray(),
      db.programs.toArray(),
    ]);
    const edgeLate = edge.filter((pair) => planExpectedBy(pair) < today);
    const withoutPlan = [...late, ...edgeLate].slice(0, rows);
    const goalPairs = (
      await db.relationships.bulkGet([...new Set(goals.map((goal) => goal.relationshipId))])
    ).flatMap((pair) => (pair ? [pair] : []));
    const listed = [...goalPairs, ...withoutPlan];
    const personIds = [...new Set(listed.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
    const people = (await db.people.bulkGet(personIds)).flatMap((person) =>
      person ? [{ id: person.id, name: person.name }] : [],
    );
    const board = computePlanDashboard(
      {
        goals,
        relationships: listed,
        // The pairs of goals have a plan; the others listed have none.
        planned: new Set(goalPairs.map((pair) => pair.id)),
        programs,
        people,
      },
      today,
    );
    return {
      overdueGoals: board.overdueGoals,
      pairsWithoutPlan: board.pairsWithoutPlan,
      totals: { overdueGoals: goalCount, pairsWithoutPlan: lateCount + edgeLate.length },
    };
  });
}
