import { useLiveQuery } from 'dexie-react-hooks';
import { listMeetingGuides, resetMeetingGuide, saveMeetingGuide } from '../data/meeting-guides.repo';
import type { MeetingGuide } from '../domain/types';

/** The guides the clinic rewrote or wrote; a topic with none shows ours. Undefined while loading. */
export function useStoredMeetingGuides(): MeetingGuide[] | undefined {
  return useLiveQuery(() => listMeetingGuides(), []);
}

// Plain object, not a hook: the same object on every render.
/** Saving the clinic's wording of a guide, and going back to ours. */
export const meetingGuideActions = { save: saveMeetingGuide, reset: resetMeetingGuide };
