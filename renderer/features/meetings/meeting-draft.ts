import type { MeetingInput } from '../../data/meetings.repo';
import { todayIso } from '../../domain/calendar';
import { type DebriefAnswers, debriefNotes, emptyDebriefAnswers } from '../../domain/milestones';
import type { ActionOwner, Goal, GoalStatus, Id, MeetingFormat } from '../../domain/types';
import { unreadableFields } from '../../domain/unreadable';
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

/** Progress on one goal as typed; an empty status means no update. */
export interface GoalProgressDraft {
  status: GoalStatus | '';
  note: string;
  dropReason: string;
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
  /** The milestone this meeting debriefs; '' for an ordinary meeting. */
  milestoneId: Id | '';
  /** The debrief form's answers; written into the notes when the meeting is saved. */
  debrief: DebriefAnswers;
  /** By goal id; only a new meeting records progress. */
  goalProgress: Record<Id, GoalProgressDraft>;
  /**
   * The stored note could not be opened (damaged, or copied from another meeting): the field starts
   * empty, and saving it empty leaves the stored note as it is; a note typed here replaces it.
   */
  notesUnreadable?: boolean;
}

/** Whether the manager typed anything: an action item row added and left blank is not typing. */
export function meetingDraftChanged(draft: MeetingDraft, initial: MeetingDraft): boolean {
  const typed = (items: ActionItemDraft[]) =>
    items.filter((item) => item.id || item.text.trim() || item.dueDate).map(({ key: _key, ...item }) => item);
  const updates = (progress: Record<Id, GoalProgressDraft>) =>
    Object.entries(progress).filter(([, entry]) => entry.status || entry.note.trim());
  const comparable = (value: MeetingDraft) =>
    JSON.stringify({
      ...value,
      actionItems: typed(value.actionItems),
      goalProgress: updates(value.goalProgress),
    });
  return comparable(draft) !== comparable(initial);
}

export function newMeetingDraft(relationshipId: Id, milestoneId: Id | '' = ''): MeetingDraft {
  return {
    milestoneId,
    debrief: emptyDebriefAnswers(),
    relationshipId,
    date: todayIso(),
    duration: '30',
    format: 'in-person',
    topics: [],
    notes: '',
    confidential: false,
    actionItems: [],
    goalProgress: {},
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
    ...(unreadableFields(meeting).includes('notes') ? { notesUnreadable: true } : {}),
    confidential: meeting.confidential,
    milestoneId: meeting.milestoneId ?? '',
    // A saved debrief's answers are already in its notes: the form asks them only once.
    debrief: emptyDebriefAnswers(),
    actionItems: meeting.actionItems.map((item) => ({
      key: item.id,
      id: item.id,
      text: item.text,
      owner: item.owner,
      dueDate: item.dueDate ?? '',
      done: item.done,
    })),
    goalProgress: {},
  };
}

/** The goals a meeting can record progress on: those still being worked on, in plan order. */
export function goalsToUpdate(goals: readonly Goal[]): Goal[] {
  return goals.filter((goal) => goal.status !== 'achieved' && goal.status !== 'dropped');
}

/**
 * The meeting as saved. `goals` gives the order of its progress entries: the one the form shows them in,
 * so errors point at the right goal. A new debrief's answers go into its notes (with `debriefLabel`, the
 * milestone's name, as their heading), so they are sealed and shown like any note.
 */
export function inputFromDraft(
  draft: MeetingDraft,
  goals: readonly Goal[] = [],
  debriefLabel: string | null = null,
): MeetingInput {
  const duration = draft.duration.trim();
  const notes = debriefLabel === null ? draft.notes : debriefNotes(debriefLabel, draft.debrief, draft.notes);
  return {
    ...(draft.milestoneId ? { milestoneId: draft.milestoneId } : {}),
    relationshipId: draft.relationshipId,
    date: draft.date,
    // An empty or odd duration becomes NaN, which the rules turn into a plain message.
    durationMinutes: duration === '' ? Number.NaN : Number(duration),
    format: draft.format,
    topics: draft.topics,
    notes,
    confidential: draft.confidential,
    actionItems: draft.actionItems.map((item) => ({
      id: item.id,
      text: item.text,
      owner: item.owner,
      dueDate: item.dueDate || null,
      done: item.done,
    })),
    goalProgress: goals.flatMap((goal) => {
      const entry = draft.goalProgress[goal.id];
      return entry?.status
        ? [{ goalId: goal.id, status: entry.status, note: entry.note, dropReason: entry.dropReason }]
        : [];
    }),
  };
}
