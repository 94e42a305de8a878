import type { PairSummary } from './dashboard';
import { daysGoalOverdue, isGoalOverdue, planExpectedBy } from './goals';
import type { Goal, Id, IsoDate, Person, Program, Relationship } from './types';

// The dashboard's development-plan lists: goals past their target date and not achieved (nor dropped),
// and active pairs more than a month into the program without a single goal.

export interface OverdueGoal extends PairSummary {
  goalId: Id;
  title: string;
  targetDate: IsoDate;
  daysOverdue: number;
}

export interface PairWithoutPlan extends PairSummary {
  startDate: IsoDate;
  /** Days since a plan was expected (a month after the start). */
  daysWithoutPlan: number;
}

export interface PlanDashboard {
  overdueGoals: OverdueGoal[];
  pairsWithoutPlan: PairWithoutPlan[];
}

export const PLAN_LISTS = ['overdueGoals', 'pairsWithoutPlan'] as const;
export type PlanListName = (typeof PLAN_LISTS)[number];

/** The lists cut to the rows asked for, beside their full counts. */
export interface PlanDashboardView extends PlanDashboard {
  totals: Record<PlanListName, number>;
}

export interface PlanDashboardInput {
  /** Goals that may be overdue (any; the rule decides). */
  goals: Goal[];
  /** Pairs that may lack a plan, and the pairs of the goals. */
  relationships: Relationship[];
  /** Pairs that have at least one goal. */
  planned: ReadonlySet<Id>;
  programs: Program[];
  people: Pick<Person, 'id' | 'name'>[];
}

function summaryOf(
  relationship: Relationship,
  names: Map<Id, string>,
  programs: Map<Id, Program>,
): PairSummary {
  return {
    relationshipId: relationship.id,
    mentorName: names.get(relationship.mentorId) ?? 'Unknown person',
    menteeName: names.get(relationship.menteeId) ?? 'Unknown person',
    programName: programs.get(relationship.programId)?.name ?? 'Unknown program',
  };
}

/** Overdue goals of live pairs, most overdue first; pairs without a plan, longest waiting first. */
export function computePlanDashboard(input: PlanDashboardInput, today: IsoDate): PlanDashboard {
  const names = new Map(input.people.map((person) => [person.id, person.name]));
  const programs = new Map(input.programs.map((program) => [program.id, program]));
  const pairs = new Map(input.relationships.map((pair) => [pair.id, pair]));
  const overdueGoals: OverdueGoal[] = [];
  for (const goal of input.goals) {
    const pair = pairs.get(goal.relationshipId);
    if (!pair || !isGoalOverdue(goal, today) || !goal.targetDate) continue;
    if (pair.status === 'completed' || pair.status === 'ended-early') continue;
    overdueGoals.push({
      ...summaryOf(pair, names, programs),
      goalId: goal.id,
      title: goal.title,
      targetDate: goal.targetDate,
      daysOverdue: daysGoalOverdue(goal, today),
    });
  }
  const pairsWithoutPlan: PairWithoutPlan[] = [];
  for (const pair of input.relationships) {
    if (pair.status !== 'active' || input.planned.has(pair.id)) continue;
    const expected = planExpectedBy(pair);
    if (expected >= today) continue;
    pairsWithoutPlan.push({
      ...summaryOf(pair, names, programs),
      startDate: pair.startDate,
      daysWithoutPlan: daysGoalOverdue({ targetDate: expected }, today),
    });
  }
  return {
    overdueGoals: overdueGoals.sort(
      (a, b) => b.daysOverdue - a.daysOverdue || a.goalId.localeCompare(b.goalId),
    ),
    pairsWithoutPlan: pairsWithoutPlan.sort(
      (a, b) => a.startDate.localeCompare(b.startDate) || a.relationshipId.localeCompare(b.relationshipId),
    ),
  };
}
