import { todayIso } from '../domain/calendar';
import { changedFields, checkDebriefLink, checkMeeting, type MeetingInput, RuleError } from '../domain/rules';
import { storedText } from '../domain/text';
import {
  type ActionItem,
  BUILT_IN_TOPICS,
  type GoalProgress,
  type Id,
  type IsoDate,
  type Meeting,
  type Relationship,
} from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb, type StoredMeeting } from './db';
import {
  addMeetingProgress,
  goalProgressTables,
  moveMeetingProgress,
  removeMeetingProgress,
  restoreMeetingProgress,
} from './goals.repo';
import { joinNote } from './meeting-notes';
import { listRelationshipsForPerson } from './relationships.repo';

export type { ActionItemInput, MeetingInput } from '../domain/rules';

/** What deleteMeeting removed, so that undoDeleteMeeting can put it back exactly. */
export interface DeletedMeeting {
  meeting: Meeting;
  actionItems: ActionItem[];
  /** Progress on goals recorded at the meeting; absent in what older code kept. */
  goalProgress?: GoalProgress[];
}

function meetingTables() {
  const db = getDb();
  return [
    db.meetings,
    db.meetingNotes,
    db.actionItems,
    db.relationships,
    db.topics,
    db.milestones,
    ...goalProgressTables(),
    db.auditLog,
  ];
}

/** A debrief meeting must debrief a milestone of its own pairing, on or after the milestone's day. */
async function checkDebrief(
  meeting: Pick<Meeting, 'relationshipId' | 'date' | 'milestoneId'>,
): Promise<void> {
  if (meeting.milestoneId === undefined) return;
  checkDebriefLink(meeting, await getDb().milestones.get(meeting.milestoneId));
}

/** Refuses topic ids the clinic does not have (the built-in ones always count, stored or not). */
async function checkTopics(topics: Id[]): Promise<void> {
  const known = new Set<Id>(BUILT_IN_TOPICS.map((topic) => topic.id));
  for (const id of await getDb().topics.toCollection().primaryKeys()) known.add(id);
  if (topics.some((topic) => !known.has(topic)))
    throw new RuleError(
      'unknown-topic',
      'One of the chosen topics no longer exists. Choose the topics again.',
      'topics',
    );
}

/** Keeps relationship.lastMeetingDate equal to the date of its latest meeting. */
async function refreshLastMeetingDate(relationshipId: Id): Promise<void> {
  const db = getDb();
  const latest = await db.meetings
    .where('[relationshipId+date]')
    .between([relationshipId, ''], [relationshipId, '\uffff'])
    .last();
  await db.relationships.update(relationshipId, { lastMeetingDate: latest?.date ?? null });
}

function toActionItems(input: MeetingInput, meeting: Meeting, existing: Map<Id, ActionItem>): ActionItem[] {
  return input.actionItems.map((item) => {
    const previous = item.id ? existing.get(item.id) : undefined;
    const done = item.done ?? previous?.done ?? false;
    return {
      id: previous?.id ?? newId(),
      meetingId: meeting.id,
      relationshipId: meeting.relationshipId,
      text: storedText(item.text),
      owner: item.owner,
      dueDate: item.dueDate || null,
      done,
      doneDate: done ? (item.doneDate ?? previous?.doneDate ?? todayIso()) : null,
      createdAt: previous?.createdAt ?? meeting.updatedAt,
      updatedAt: meeting.updatedAt,
    };
  });
}

/** The meetings with their notes (meetingNotes, one request for all). */
async function withNotes(meetings: StoredMeeting[]): Promise<Meeting[]> {
  if (meetings.length === 0) return [];
  const notes = await getDb().meetingNotes.bulkGet(meetings.map((meeting) => meeting.id));
  return meetings.map((meeting, index) => joinNote(meeting, notes[index]));
}

/** A meeting with its note; undefined when there is no such meeting. */
async function meetingWithNote(id: Id): Promise<Meeting | undefined> {
  const db = getDb();
  const [meeting, note] = await Promise.all([db.meetings.get(id), db.meetingNotes.get(id)]);
  return meeting ? joinNote(meeting, note) : undefined;
}

/** Notes keep their line breaks and spaces; only their Unicode form is made the stored one. */
function withStoredNotes(input: MeetingInput): MeetingInput {
  return { ...input, notes: input.notes.normalize('NFC') };
}

export async function listMeetingsForRelationship(relationshipId: Id): Promise<Meeting[]> {
  const meetings = await getDb()
    .meetings.where('[relationshipId+date]')
    .between([relationshipId, ''], [relationshipId, '\uffff'])
    .toArray();
  return withNotes(meetings.reverse());
}

/** A page of meetings, newest first, with how many there are in all. */
export interface LatestMeetings<T> {
  meetings: T[];
  total: number;
}

/** A pairing's latest `limit` meetings, newest first, read from the end of the pair-and-date index. */
export async function listLatestMeetingsForRelationship(
  relationshipId: Id,
  limit: number,
): Promise<LatestMeetings<Meeting>> {
  const db = getDb();
  const [meetings, total] = await Promise.all([
    db.meetings
      .where('[relationshipId+date]')
      .between([relationshipId, ''], [relationshipId, '\uffff'])
      .reverse()
      .limit(limit)
      .toArray(),
    db.meetings.where('relationshipId').equals(relationshipId).count(),
  ]);
  // The notes of the meetings shown only.
  return { meetings: await withNotes(meetings), total };
}

export interface PersonMeeting {
  meeting: Meeting;
  relationship: Relationship;
}

/**
 * The latest `limit` meetings of all a person's pairings, newest first, and how many there are in all:
 * each pairing gives at most `limit` from its index, so a long history is never read whole.
 */
export async function listLatestMeetingsForPerson(
  personId: Id,
  limit: number,
): Promise<LatestMeetings<PersonMeeting>> {
  const relationships = await listRelationshipsForPerson(personId);
  const pages = await Promise.all(
    relationships.map(async (relationship) => {
      const page = await listLatestMeetingsForRelationship(relationship.id, limit);
      return { ...page, meetings: page.meetings.map((meeting) => ({ meeting, relationship })) };
    }),
  );
  const meetings = pages
    .flatMap((page) => page.meetings)
    .sort((a, b) => b.meeting.date.localeCompare(a.meeting.date))
    .slice(0, limit);
  return { meetings, total: pages.reduce((sum, page) => sum + page.total, 0) };
}

/** How many meetings a pairing has, counted on the index. */
export async function countMeetingsForRelationship(relationshipId: Id): Promise<number> {
  return getDb().meetings.where('relationshipId').equals(relationshipId).count();
}

export async function getMeeting(id: Id): Promise<(Meeting & { actionItems: ActionItem[] }) | undefined> {
  const db = getDb();
  const meeting = await meetingWithNote(id);
  if (!meeting) return undefined;
  return { ...meeting, actionItems: await db.actionItems.where('meetingId').equals(id).toArray() };
}

export async function logMeeting(input: MeetingInput): Promise<Meeting> {
  const db = getDb();
  return db.transaction('rw', meetingTables(), async () => {
    checkMeeting(input, await db.relationships.get(input.relationshipId), todayIso());
    await checkTopics(input.topics);
    await checkDebrief(input);
    const at = nowIso();
    const { actionItems: _items, goalProgress = [], ...fields } = withStoredNotes(input);
    const meeting: Meeting = { ...fields, id: newId(), createdAt: at, updatedAt: at };
    const items = toActionItems(input, meeting, new Map());
    await db.meetings.add(meeting);
    await db.actionItems.bulkAdd(items);
    await addMeetingProgress(meeting, goalProgress);
    await refreshLastMeetingDate(meeting.relationshipId);
    await recordAudit('meetings', meeting.id, 'create', Object.keys(fields).sort());
    for (const item of items)
      await recordAudit('actionItems', item.id, 'create', ['owner', 'dueDate', 'text']);
    return meeting;
  });
}

export async function updateMeeting(id: Id, input: MeetingInput): Promise<Meeting> {
  const db = getDb();
  return db.transaction('rw', meetingTables(), async () => {
    const before = await meetingWithNote(id);
    if (!before) throw new RuleError('not-found', 'This meeting no longer exists.');
    if (input.relationshipId !== before.relationshipId)
      throw new RuleError('moved', 'A meeting cannot be moved to another pairing.', 'relationshipId');
    checkMeeting(input, await db.relationships.get(input.relationshipId), todayIso());
    await checkTopics(input.topics);
    // Progress is recorded when a meeting is logged; an edit keeps it and moves it with the date.
    const { actionItems: _items, goalProgress: _progress, ...fields } = withStoredNotes(input);
    const after: Meeting = { ...before, ...fields, id, updatedAt: nowIso() };
    await checkDebrief(after);
    if (after.date !== before.date) await moveMeetingProgress(id, after.date);
    const previous = await db.actionItems.where('meetingId').equals(id).toArray();
    const items = toActionItems(input, after, new Map(previous.map((item) => [item.id, item])));
    const kept = new Set(items.map((item) => item.id));
    const removed = previous.filter((item) => !kept.has(item.id)).map((item) => item.id);
    await db.meetings.put(after);
    await db.actionItems.bulkDelete(removed);
    await db.actionItems.bulkPut(items);
    await refreshLastMeetingDate(after.relationshipId);
    await recordAudit('meetings', id, 'update', changedFields(before, after));
    const previousById = new Map(previous.map((item) => [item.id, item]));
    for (const item of items) {
      const old = previousById.get(item.id);
      if (!old) await recordAudit('actionItems', item.id, 'create', ['owner', 'dueDate', 'text']);
      else {
        const changed = changedFields(old, item);
        if (changed.length) await recordAudit('actionItems', item.id, 'update', changed);
      }
    }
    for (const itemId of removed) await recordAudit('actionItems', itemId, 'delete', []);
    return after;
  });
}

/** Deletes a meeting and its action items; keep the returned value to undo. */
/** A confidential meeting's notes were shown: the audit log names the meeting, never the text. */
export async function recordMeetingNotesViewed(id: Id): Promise<void> {
  await recordAudit('meetings', id, 'view', ['notes']);
}

export async function deleteMeeting(id: Id): Promise<DeletedMeeting> {
  const db = getDb();
  return db.transaction('rw', meetingTables(), async () => {
    // Kept with its note, so that an undo brings both back.
    const meeting = await meetingWithNote(id);
    if (!meeting) throw new RuleError('not-found', 'This meeting no longer exists.');
    const actionItems = await db.actionItems.where('meetingId').equals(id).toArray();
    await db.meetings.delete(id);
    await db.actionItems.bulkDelete(actionItems.map((item) => item.id));
    await refreshLastMeetingDate(meeting.relationshipId);
    await recordAudit('meetings', id, 'delete', []);
    for (const item of actionItems) await recordAudit('actionItems', item.id, 'delete', []);
    const goalProgress = await removeMeetingProgress(id);
    return { meeting, actionItems, goalProgress };
  });
}

export async function undoDeleteMeeting(deleted: DeletedMeeting): Promise<void> {
  const db = getDb();
  await db.transaction('rw', meetingTables(), async () => {
    if (!(await db.relationships.get(deleted.meeting.relationshipId)))
      throw new RuleError(
        'no-relationship',
        'The pairing of this meeting no longer exists, so it cannot come back.',
      );
    if (await db.meetings.get(deleted.meeting.id))
      throw new RuleError('already-back', 'This meeting is already back.');
    await db.meetings.add(deleted.meeting);
    await db.actionItems.bulkAdd(deleted.actionItems);
    await refreshLastMeetingDate(deleted.meeting.relationshipId);
    await recordAudit('meetings', deleted.meeting.id, 'restore', []);
    for (const item of deleted.actionItems) await recordAudit('actionItems', item.id, 'restore', []);
    await restoreMeetingProgress(deleted.goalProgress ?? []);
  });
}

export async function listActionItemsForRelationship(relationshipId: Id): Promise<ActionItem[]> {
  const items = await getDb().actionItems.where('relationshipId').equals(relationshipId).toArray();
  return items.sort(
    (a, b) => Number(a.done) - Number(b.done) || (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'),
  );
}

export async function setActionItemDone(
  id: Id,
  done: boolean,
  date: IsoDate = todayIso(),
): Promise<ActionItem> {
  const db = getDb();
  return db.transaction('rw', [db.actionItems, db.relationships, db.auditLog], async () => {
    const before = await db.actionItems.get(id);
    if (!before) throw new RuleError('not-found', 'This action item no longer exists.');
    const after: ActionItem = { ...before, done, doneDate: done ? date : null, updatedAt: nowIso() };
    await db.actionItems.put(after);
    await recordAudit('actionItems', id, 'update', ['done', 'doneDate']);
    return after;
  });
}
