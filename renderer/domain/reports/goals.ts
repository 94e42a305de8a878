import { achievedWithin, planExpectedBy } from '../goals';
import type { Goal, GoalProgress, Id } from '../types';
import { statusOn } from './pair-status';
import type { ReportIndex } from './report-data';
import { type GuardedFigure, guardCount } from './suppression';

// Development plans in the period: goals set and goals achieved, by area and by program, and the pairs
// that had no plan a month into the program. A goal is about one mentee: a cell whose goals belong to
// fewer than 5 mentees reads "fewer than 5", so that nobody's goals can be picked out. No goal text.

/** A goal as a report sees it: no title, details, steps or drop reason. */
export type ReportGoal = Omit<Goal, 'title' | 'details' | 'steps' | 'dropReason'>;
/**
 * A history entry as a report sees it: its goal and pair, its day and status, and when it was recorded
 * (which of one day's entries came last). No note, and no id or meeting, which no figure uses.
 */
export type ReportGoalProgress = Pick<
  GoalProgress,
  'goalId' | 'relationshipId' | 'date' | 'status' | 'createdAt'
>;

export interface GoalCountRow {
  id: Id;
  label: string;
  set: GuardedFigure;
  achieved: GuardedFigure;
}

export interface GoalsInPeriod {
  set: GuardedFigure;
  achieved: GuardedFigure;
  byArea: GoalCountRow[];
  byProgram: GoalCountRow[];
  /** Pairs active on the period's last day, a month or more into the program. */
  pairsDueAPlan: number;
  /** Of those, the pairs with no goal set by the period's last day. */
  pairsWithoutPlan: GuardedFigure;
}

interface Tally {
  setMentees: Set<Id>;
  set: number;
  achievedMentees: Set<Id>;
  achieved: number;
}

const emptyTally = (): Tally => ({ setMentees: new Set(), set: 0, achievedMentees: new Set(), achieved: 0 });

/** A count of goals, shown only when they belong to 5 mentees or more (or to none). */
function guardedGoals(count: number, mentees: number): GuardedFigure {
  return guardCount(mentees) === mentees ? count : guardCount(mentees);
}

function row(id: Id, label: string, tally: Tally): GoalCountRow {
  return {
    id,
    label,
    set: guardedGoals(tally.set, tally.setMentees.size),
    achieved: guardedGoals(tally.achieved, tally.achievedMentees.size),
  };
}

export function computeGoalsInPeriod(index: ReportIndex): GoalsInPeriod {
  const { period } = index;
  const pairs = new Map(index.relationships.map((pair) => [pair.id, pair]));
  const historyByGoal = new Map<Id, ReportGoalProgress[]>();
  for (const entry of index.goalProgress) {
    const list = historyByGoal.get(entry.goalId);
    if (list) list.push(entry);
    else historyByGoal.set(entry.goalId, [entry]);
  }
  const total = emptyTally();
  const byArea = new Map<Id, Tally>();
  const byProgram = new Map<Id, Tally>();
  for (const goal of index.goals) {
    const pair = pairs.get(goal.relationshipId);
    if (!pair) continue;
    const wasSet = goal.setDate >= period.start && goal.setDate <= period.end;
    const achieved = achievedWithin(historyByGoal.get(goal.id) ?? [], period.start, period.end) !== null;
    if (!wasSet && !achieved) continue;
    for (const tally of [
      total,
      byArea.get(goal.areaId) ?? byArea.set(goal.areaId, emptyTally()).get(goal.areaId)!,
      byProgram.get(pair.programId) ?? byProgram.set(pair.programId, emptyTally()).get(pair.programId)!,
    ]) {
      if (wasSet) {
        tally.set += 1;
        tally.setMentees.add(pair.menteeId);
      }
      if (achieved) {
        tally.achieved += 1;
        tally.achievedMentees.add(pair.menteeId);
      }
    }
  }
  let pairsDueAPlan = 0;
  const menteesWithoutPlan = new Set<Id>();
  let pairsWithoutPlan = 0;
  for (const pair of index.relationships) {
    if (statusOn(pair, period.end) !== 'active' || planExpectedBy(pair) >= period.end) continue;
    pairsDueAPlan += 1;
    if (index.plannedBy.has(pair.id)) continue;
    pairsWithoutPlan += 1;
    menteesWithoutPlan.add(pair.menteeId);
  }
  const areaRows = index.goalAreas
    .filter((area) => !area.archived || byArea.has(area.id))
    .map((area) => row(area.id, area.label, byArea.get(area.id) ?? emptyTally()));
  for (const [areaId, tally] of byArea)
    if (!index.goalAreas.some((area) => area.id === areaId))
      areaRows.push(row(areaId, 'Area no longer listed', tally));
  return {
    set: guardedGoals(total.set, total.setMentees.size),
    achieved: guardedGoals(total.achieved, total.achievedMentees.size),
    byArea: areaRows,
    byProgram: index.selectedPrograms.map((program) =>
      row(program.id, program.name, byProgram.get(program.id) ?? emptyTally()),
    ),
    pairsDueAPlan,
    pairsWithoutPlan: guardedGoals(pairsWithoutPlan, menteesWithoutPlan.size),
  };
}
