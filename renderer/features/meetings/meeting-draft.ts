import type { MeetingInput } from '../../data/meetings.repo';
import { todayIso } from '../../domain/calendar';
import type { ActionOwner, Id, MeetingFormat } from '../../domain/types';
import type { MeetingWithItems } from '../../hooks/useMeetings';

export interface ActionItemDraft {
  /** Keeps React rows stable while rows are added and removed. */
  key: string;
  id?: Id;
  text: string;
  owner: ActionOwner;
  dueDate: string;
  done: boolean;
}

/** The meeting form's fields as typed. */
export interface MeetingDraft {
  relationshipId: Id;
  date: string;
  duration: string;
  format: MeetingFormat;
  topics: Id[];
  notes: string;
  confidential: boolean;
  actionItems: ActionItemDraft[];
}

/** Whether the manager typed anything: an action item row added and left blank is not typing. */
export function meetingDraftChanged(draft: MeetingDraft, initial: MeetingDraft): boolean {
  const typed = (items: ActionItemDraft[]) =>
    items.filter((item) => item.id || item.text.trim() || item.dueDate).map(({ key: _key, ...item }) => item);
  const comparable = (value: MeetingDraft) =>
    JSON.stringify({ ...value, actionItems: typed(value.actionItems) });
  return comparable(draft) !== comparable(initial);
}

export function newMeetingDraft(relationshipId: Id): MeetingDraft {
  return {
    relationshipId,
    date: todayIso(),
    duration: '30',
    format: 'in-person',
    topics: [],
    notes: '',
    confidential: false,
    actionItems: [],
  };
}

export function emptyActionItem(): ActionItemDraft {
  return { key: crypto.randomUUID(), text: '', owner: 'mentee', dueDate: '', done: false };
}

export function draftFromMeeting(meeting: MeetingWithItems): MeetingDraft {
  return {
    relationshipId: meeting.relationshipId,
    date: meeting.date,
    duration: String(meeting.durationMinutes),
    format: meeting.format,
    topics: meeting.topics,
    notes: meeting.notes,
    confidential: meeting.confidential,
    actionItems: meeting.actionItems.map((item) => ({
      key: item.id,
      id: item.id,
      text: item.text,
      owner: item.owner,
      dueDate: item.dueDate ?? '',
      done: item.done,
    })),
  };
}

export function inputFromDraft(draft: MeetingDraft): MeetingInput {
  const duration = draft.duration.trim();
  return {
    relationshipId: draft.relationshipId,
    date: draft.date,
    // An empty or odd duration becomes NaN, which the rules turn into a plain message.
    durationMinutes: duration === '' ? Number.NaN : Number(duration),
    format: draft.format,
    topics: draft.topics,
    notes: draft.notes,
    confidential: draft.confidential,
    actionItems: draft.actionItems.map((item) => ({
      id: item.id,
      text: item.text,
      owner: item.owner,
      dueDate: item.dueDate || null,
      done: item.done,
    })),
  };
}
