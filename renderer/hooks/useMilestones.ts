import { useLiveQuery } from 'dexie-react-hooks';
import {
  addMilestoneType,
  archiveMilestoneType,
  type DebriefsDueList,
  deleteMilestone,
  listMilestonesForRelationship,
  listMilestoneTypes,
  loadDebriefsDue,
  type MilestoneWithDebrief,
  recordMilestone,
  updateMilestoneType,
} from '../data/milestones.repo';
import type { Id, IsoDate, MilestoneType } from '../domain/types';

export type { MilestoneWithDebrief } from '../data/milestones.repo';

/** The clinic's kinds of milestone (retired ones too), built-in first; undefined while loading. */
export function useMilestoneTypes(): MilestoneType[] | undefined {
  return useLiveQuery(() => listMilestoneTypes(), []);
}

/** A pairing's milestones, newest first, each with its debrief if one was held. */
export function useMilestonesForRelationship(relationshipId: Id): MilestoneWithDebrief[] | undefined {
  return useLiveQuery(() => listMilestonesForRelationship(relationshipId), [relationshipId]);
}

/** The milestones of live pairings still waiting for a debrief, the most pressing first: `rows` of them, and the counts. */
export function useDebriefsDue(today: IsoDate, rows: number): DebriefsDueList | undefined {
  return useLiveQuery(() => loadDebriefsDue(today, rows), [today, rows]);
}

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
/** Recording a mentee's milestones, and deleting one recorded by mistake. */
export const milestoneActions = { record: recordMilestone, remove: deleteMilestone };
/** The clinic's list of kinds of milestone. */
export const milestoneTypeActions = {
  add: addMilestoneType,
  update: updateMilestoneType,
  /** Retires a kind, or with `false` offers it again. */
  archive: archiveMilestoneType,
};
