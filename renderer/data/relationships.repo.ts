import { todayIso } from '../domain/calendar';
import {
  changedFields,
  checkPairing,
  checkPairingDeletion,
  checkPairingEdit,
  checkStatusChange,
  LOAD_STATUSES,
  PAIRING_DELETION_REASONS,
  type RelationshipInput,
  RuleError,
} from '../domain/rules';
import { storedText } from '../domain/text';
import { trainingAtPairing } from '../domain/training';
import type { Id, IsoDate, Relationship, RelationshipStatus } from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb } from './db';
import { readKept } from './keyset';

export type { RelationshipInput } from '../domain/rules';

export async function listRelationships(): Promise<Relationship[]> {
  return getDb().relationships.toArray();
}

export async function getRelationship(id: Id): Promise<Relationship | undefined> {
  return getDb().relationships.get(id);
}

export async function listRelationshipsForPerson(personId: Id): Promise<Relationship[]> {
  const db = getDb();
  const [asMentor, asMentee] = await Promise.all([
    db.relationships.where('mentorId').equals(personId).toArray(),
    db.relationships.where('menteeId').equals(personId).toArray(),
  ]);
  return [...asMentor, ...asMentee].sort((a, b) => b.startDate.localeCompare(a.startDate));
}

/** Where a page of pairs ends: the next page starts just before (older than) this start date and id. */
export interface PairsCursor {
  startDate: IsoDate;
  id: Id;
}

export interface PairsPageQuery {
  /** The statuses listed (each read from its own range of the status index). */
  statuses: readonly RelationshipStatus[];
  /** The cursor of the previous page; null (or absent) for the first page. */
  after?: PairsCursor | null;
  limit: number;
  /** Keeps only the pairs it accepts (e.g. one program); the page still holds `limit` of them. */
  keep?: (relationship: Relationship) => boolean;
}

export interface PairsPage {
  relationships: Relationship[];
  /** The cursor for the next page; null when no pair is left. */
  next: PairsCursor | null;
}

const STATUS_START = '[status+startDate+id]';

/** Newest first: later start date first, and of two pairs started the same day, the larger id. */
function newerFirst(a: Relationship, b: Relationship): number {
  return b.startDate.localeCompare(a.startDate) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * One page of pairs in the given statuses, newest first (keyset paging on the status and start-date
 * index, see keyset.ts): each status's range gives its newest pairs after the cursor, and the page is
 * the newest of those.
 */
export async function listRelationshipsPage(query: PairsPageQuery): Promise<PairsPage> {
  const { limit, keep } = query;
  const table = getDb().relationships;
  const perStatus = await Promise.all(
    [...new Set(query.statuses)].map((status) => {
      const read = (after: Relationship | null, count: number) => {
        const upper = after
          ? [status, after.startDate, after.id]
          : query.after
            ? [status, query.after.startDate, query.after.id]
            : // Above every date of this status ('\uffff' sorts after any date string), below the next status.
              [status, '\uffff'];
        return table
          .where(STATUS_START)
          .between([status], upper, true, false)
          .reverse()
          .limit(count)
          .toArray();
      };
      // One row more than the page tells whether another page follows.
      return readKept(read, limit + 1, keep);
    }),
  );
  const newest = perStatus
    .flat()
    .sort(newerFirst)
    .slice(0, limit + 1);
  const page = newest.slice(0, limit);
  const last = page[page.length - 1];
  return {
    relationships: page,
    next: newest.length > limit ? { startDate: last.startDate, id: last.id } : null,
  };
}

/** How many pairs the clinic has, in every status (counted by the table, no record read). */
export async function countRelationships(): Promise<number> {
  return getDb().relationships.count();
}

export async function createRelationship(
  input: RelationshipInput,
  options: { capacityOverrideReason?: string | null } = {},
): Promise<Relationship> {
  const db = getDb();
  const tables = [db.relationships, db.people, db.programs, db.trainingRecords, db.auditLog];
  return db.transaction('rw', tables, async () => {
    const [mentor, mentee, program, mentorTraining] = await Promise.all([
      db.people.get(input.mentorId),
      db.people.get(input.menteeId),
      db.programs.get(input.programId),
      input.mentorId ? db.trainingRecords.where('personId').equals(input.mentorId).toArray() : [],
    ]);
    const mentorLoad = await db.relationships
      .where('mentorId')
      .equals(input.mentorId)
      .filter((pair) => LOAD_STATUSES.includes(pair.status))
      .count();
    const reason = storedText(options.capacityOverrideReason ?? '') || null;
    const overCapacity = checkPairing(input, {
      mentor,
      mentee,
      program,
      mentorLoad,
      capacityOverrideReason: reason,
    });
    const at = nowIso();
    const status = input.status ?? 'active';
    const relationship: Relationship = {
      id: newId(),
      programId: input.programId,
      mentorId: input.mentorId,
      menteeId: input.menteeId,
      focus: input.focus,
      startDate: input.startDate,
      plannedEndDate: input.plannedEndDate || null,
      endDate: null,
      status,
      endReason: null,
      statusHistory: [{ status, date: input.startDate }],
      capacityOverride: overCapacity && reason ? { reason, at } : null,
      lastMeetingDate: null,
      createdAt: at,
      updatedAt: at,
    };
    // Allowed, but remembered: the mentor's training was not current on the start date.
    const training = trainingAtPairing(mentorTraining, input.startDate);
    if (training) relationship.mentorTraining = training;
    await db.relationships.add(relationship);
    const notes = [
      overCapacity ? 'mentor over capacity: override recorded' : null,
      training ? 'mentor training lapsed: noted on the pairing' : null,
    ].filter(Boolean);
    await recordAudit(
      'relationships',
      relationship.id,
      'create',
      [
        'programId',
        'mentorId',
        'menteeId',
        'focus',
        'startDate',
        'plannedEndDate',
        'status',
        ...(training ? ['mentorTraining'] : []),
      ],
      notes.length ? notes.join('; ') : undefined,
    );
    return relationship;
  });
}

export async function changeRelationshipStatus(
  id: Id,
  status: RelationshipStatus,
  date: IsoDate = todayIso(),
  reason: string | null = null,
): Promise<Relationship> {
  const db = getDb();
  // Goals and milestones note their pair's status, and its people their pairing summaries
  // (summary-fields.ts): they are rewritten in this transaction.
  const tables = [db.relationships, db.actionItems, db.goals, db.milestones, db.people, db.auditLog];
  return db.transaction('rw', tables, async () => {
    const before = await db.relationships.get(id);
    if (!before) throw new RuleError('not-found', 'This pairing no longer exists.');
    checkStatusChange(before, status, date, reason);
    const ends = status === 'completed' || status === 'ended-early';
    const after: Relationship = {
      ...before,
      status,
      endDate: ends ? date : null,
      endReason: status === 'ended-early' ? storedText(reason ?? '') || null : before.endReason,
      statusHistory: [...before.statusHistory, { status, date }],
      updatedAt: nowIso(),
    };
    await db.relationships.put(after);
    await recordAudit('relationships', id, 'update', changedFields(before, after));
    return after;
  });
}

/** Focus and dates at any time; mentor, mentee and program only while the pairing has no meeting. */
export type RelationshipChanges = Partial<
  Pick<Relationship, 'focus' | 'plannedEndDate' | 'programId' | 'startDate' | 'mentorId' | 'menteeId'>
>;

export async function updateRelationship(id: Id, changes: RelationshipChanges): Promise<Relationship> {
  const db = getDb();
  return db.transaction(
    'rw',
    [db.relationships, db.people, db.programs, db.meetings, db.auditLog],
    async () => {
      const before = await db.relationships.get(id);
      if (!before) throw new RuleError('not-found', 'This pairing no longer exists.');
      const edited: Relationship = { ...before, ...changes, updatedAt: nowIso() };
      const [mentor, mentee, program, firstMeeting] = await Promise.all([
        db.people.get(edited.mentorId),
        db.people.get(edited.menteeId),
        db.programs.get(edited.programId),
        db.meetings.where('[relationshipId+date]').between([id, ''], [id, '\uffff']).first(),
      ]);
      const newMentorLoad =
        edited.mentorId === before.mentorId
          ? undefined
          : await db.relationships
              .where('mentorId')
              .equals(edited.mentorId)
              .filter((pair) => LOAD_STATUSES.includes(pair.status))
              .count();
      const after = checkPairingEdit(before, edited, {
        mentor,
        mentee,
        program,
        firstMeetingDate: firstMeeting?.date ?? null,
        newMentorLoad,
      });
      const fields = changedFields(before, after);
      if (fields.length === 0) return before;
      await db.relationships.put(after);
      await recordAudit('relationships', id, 'update', fields);
      return after;
    },
  );
}

/**
 * Deletes a pairing entered by mistake, so it never counts as ended early. Only a pairing without
 * meetings; the reason, one of a fixed list, is kept in the audit log in the same transaction.
 */
export async function deleteRelationship(id: Id, reason: string): Promise<void> {
  const db = getDb();
  await db.transaction(
    'rw',
    [db.relationships, db.meetings, db.goals, db.goalProgress, db.milestones, db.people, db.auditLog],
    async () => {
      const relationship = await db.relationships.get(id);
      if (!relationship) throw new RuleError('not-found', 'This pairing no longer exists.');
      const meetings = await db.meetings.where('relationshipId').equals(id).count();
      checkPairingDeletion(meetings, reason);
      await db.relationships.delete(id);
      await recordAudit('relationships', id, 'delete', [], `deleted: ${PAIRING_DELETION_REASONS[reason]}`);
      // A plan written before the first meeting goes with the pairing: a goal cannot stand without it.
      const goals = await db.goals.where('relationshipId').equals(id).primaryKeys();
      const progress = await db.goalProgress.where('goalId').anyOf(goals).primaryKeys();
      await db.goalProgress.bulkDelete(progress);
      await db.goals.bulkDelete(goals);
      for (const goalId of goals)
        await recordAudit('goals', goalId, 'delete', [], 'deleted with its pairing');
    },
  );
}
