import { useLiveQuery } from 'dexie-react-hooks';
import {
  countMeetingsForRelationship,
  deleteMeeting,
  getMeeting,
  type LatestMeetings,
  listActionItemsForRelationship,
  listLatestMeetingsForPerson,
  listLatestMeetingsForRelationship,
  logMeeting,
  type PersonMeeting,
  recordMeetingNotesViewed,
  setActionItemDone,
  undoDeleteMeeting,
  updateMeeting,
} from '../data/meetings.repo';
import type { ActionItem, Id, Meeting } from '../domain/types';

export type { PersonMeeting } from '../data/meetings.repo';

/** A pairing's latest `limit` meetings, newest first, and how many it has in all. */
export function useLatestMeetingsForRelationship(
  relationshipId: Id,
  limit: number,
): LatestMeetings<Meeting> | undefined {
  return useLiveQuery(
    () => listLatestMeetingsForRelationship(relationshipId, limit),
    [relationshipId, limit],
  );
}

/** How many meetings a pairing has; undefined while counting. */
export function useMeetingCount(relationshipId: Id): number | undefined {
  return useLiveQuery(() => countMeetingsForRelationship(relationshipId), [relationshipId]);
}

/** A pairing's action items, open ones first. */
export function useActionItemsForRelationship(relationshipId: Id): ActionItem[] | undefined {
  return useLiveQuery(() => listActionItemsForRelationship(relationshipId), [relationshipId]);
}

export type MeetingWithItems = Meeting & { actionItems: ActionItem[] };

/** One meeting with its action items; null when there is no such meeting, undefined while loading. */
export function useMeeting(id: Id | undefined): MeetingWithItems | null | undefined {
  return useLiveQuery(async () => (id ? ((await getMeeting(id)) ?? null) : null), [id]);
}

/** The latest `limit` meetings of all a person's pairings, newest first, and how many in all. */
export function usePersonMeetings(personId: Id, limit: number): LatestMeetings<PersonMeeting> | undefined {
  return useLiveQuery(() => listLatestMeetingsForPerson(personId, limit), [personId, limit]);
}

// Plain objects, not hooks: the same objects on every render, so effects that use them never rerun.
/** Logging, correcting and deleting meetings. */
export const meetingActions = {
  log: logMeeting,
  update: updateMeeting,
  /** Deletes a meeting with its action items and returns what `undo` needs to bring them back. */
  remove: deleteMeeting,
  undo: undoDeleteMeeting,
  /** Records that a confidential meeting's notes were shown (never the text). */
  recordNotesViewed: recordMeetingNotesViewed,
};
/** Ticking action items off (and back on), wherever they are shown. */
export const actionItemActions = { setDone: setActionItemDone };
