import { useLiveQuery } from 'dexie-react-hooks';
import {
  deleteMeeting,
  getMeeting,
  listActionItemsForRelationship,
  listMeetingsForRelationship,
  logMeeting,
  setActionItemDone,
  undoDeleteMeeting,
  updateMeeting,
} from '../data/meetings.repo';
import { listRelationshipsForPerson } from '../data/relationships.repo';
import type { ActionItem, Id, Meeting, Relationship } from '../domain/types';

/** A pairing's meetings, newest first. */
export function useMeetingsForRelationship(relationshipId: Id): Meeting[] | undefined {
  return useLiveQuery(() => listMeetingsForRelationship(relationshipId), [relationshipId]);
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

export interface PersonMeeting {
  meeting: Meeting;
  relationship: Relationship;
}

/** Every meeting of every pairing a person is in, newest first. */
export function usePersonMeetings(personId: Id): PersonMeeting[] | undefined {
  return useLiveQuery(async () => {
    const relationships = await listRelationshipsForPerson(personId);
    const lists = await Promise.all(
      relationships.map(async (relationship) =>
        (await listMeetingsForRelationship(relationship.id)).map((meeting) => ({ meeting, relationship })),
      ),
    );
    return lists.flat().sort((a, b) => b.meeting.date.localeCompare(a.meeting.date));
  }, [personId]);
}

// Plain objects, not hooks: the same objects on every render, so effects that use them never rerun.
/** Logging, correcting and deleting meetings. */
export const meetingActions = {
  log: logMeeting,
  update: updateMeeting,
  /** Deletes a meeting with its action items and returns what `undo` needs to bring them back. */
  remove: deleteMeeting,
  undo: undoDeleteMeeting,
};
/** Ticking action items off (and back on), wherever they are shown. */
export const actionItemActions = { setDone: setActionItemDone };
