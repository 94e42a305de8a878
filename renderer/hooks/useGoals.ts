import { useLiveQuery } from 'dexie-react-hooks';
import { addGoalArea, archiveGoalArea, listGoalAreas } from '../data/goal-areas.repo';
import {
  createGoal,
  deleteGoal,
  type GoalWithHistory,
  getGoalWithHistory,
  listGoalsForRelationship,
  recordGoalProgress,
  updateGoal,
} from '../data/goals.repo';
import type { Goal, GoalArea, Id } from '../domain/types';

export type { GoalInput, GoalProgressInput, GoalWithHistory } from '../data/goals.repo';

/** A pairing's goals, open ones first; undefined while loading. */
export function useGoalsForRelationship(relationshipId: Id | undefined): Goal[] | undefined {
  return useLiveQuery(
    () => (relationshipId ? listGoalsForRelationship(relationshipId) : Promise.resolve([])),
    [relationshipId],
  );
}

/** One goal with its history; null when it does not exist, undefined while loading. */
export function useGoal(goalId: Id | undefined): GoalWithHistory | null | undefined {
  return useLiveQuery(() => (goalId ? getGoalWithHistory(goalId) : Promise.resolve(null)), [goalId]);
}

/** The clinic's goal areas, built-in first. */
export function useGoalAreas(): GoalArea[] | undefined {
  return useLiveQuery(() => listGoalAreas(), []);
}

// Plain objects, not hooks: the same object on every render.
export const goalActions = {
  create: createGoal,
  update: updateGoal,
  recordProgress: recordGoalProgress,
  delete: deleteGoal,
};

export const goalAreaActions = {
  add: addGoalArea,
  archive: archiveGoalArea,
};
