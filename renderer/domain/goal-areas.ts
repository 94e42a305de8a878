import { BUILT_IN_GOAL_AREAS, type GoalArea } from './types';

// Like topics (topics.ts): a clinic that never edited its areas stores none, yet has every built-in one.

function builtInArea(area: (typeof BUILT_IN_GOAL_AREAS)[number]): GoalArea {
  return { ...area, builtIn: true, archived: false };
}

/** The clinic's goal areas: the stored ones, plus every built-in area the clinic never stored. */
export function withBuiltInGoalAreas(stored: readonly GoalArea[]): GoalArea[] {
  const known = new Set(stored.map((area) => area.id));
  return [...BUILT_IN_GOAL_AREAS.filter((area) => !known.has(area.id)).map(builtInArea), ...stored];
}

/** The built-in areas as records, for a clinic that stores them (sample data, first edit). */
export function builtInGoalAreaRecords(): GoalArea[] {
  return BUILT_IN_GOAL_AREAS.map(builtInArea);
}

/** The ids every clinic has, stored or not. */
export const BUILT_IN_GOAL_AREA_IDS: ReadonlySet<string> = new Set(
  BUILT_IN_GOAL_AREAS.map((area) => area.id),
);
