import { todayIso } from '../domain/calendar';
import {
  builtInMilestoneTypeRecords,
  computeDebriefsDue,
  type DebriefDue,
  withBuiltInMilestoneTypes,
} from '../domain/milestones';
import {
  checkMilestone,
  checkMilestoneType,
  type MilestoneInput,
  type MilestoneTypeInput,
  RuleError,
} from '../domain/rules';
import { storedText } from '../domain/text';
import type { Id, IsoDate, Milestone, MilestoneType } from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb } from './db';

// Milestones (a mentee's firsts) and the clinic's list of kinds of milestone. A milestone is debriefed
// once a meeting names it (meetings.milestoneId, indexed); the description is sealed text, so the
// audit log names its field only.

export type { MilestoneInput, MilestoneTypeInput } from '../domain/rules';

/** The clinic's kinds of milestone, built-in first, then by name. */
export async function listMilestoneTypes(): Promise<MilestoneType[]> {
  return withBuiltInMilestoneTypes(await getDb().milestoneTypes.toArray()).sort(
    (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.label.localeCompare(b.label),
  );
}

/** The built-in kinds are stored the first time the list is edited, so they can be edited too. */
async function ensureBuiltInTypes(): Promise<void> {
  const db = getDb();
  const known = new Set(await db.milestoneTypes.toCollection().primaryKeys());
  const missing = builtInMilestoneTypeRecords().filter((type) => !known.has(type.id));
  if (missing.length) await db.milestoneTypes.bulkAdd(missing);
}

export async function addMilestoneType(input: MilestoneTypeInput): Promise<MilestoneType> {
  const db = getDb();
  return db.transaction('rw', db.milestoneTypes, db.auditLog, async () => {
    await ensureBuiltInTypes();
    const checked = checkMilestoneType(input, await db.milestoneTypes.toArray());
    const type: MilestoneType = { id: newId(), ...checked, builtIn: false, archived: false };
    await db.milestoneTypes.add(type);
    await recordAudit('milestoneTypes', type.id, 'create', ['label', 'debriefWithinDays']);
    return type;
  });
}

export async function updateMilestoneType(id: Id, input: MilestoneTypeInput): Promise<MilestoneType> {
  const db = getDb();
  return db.transaction('rw', db.milestoneTypes, db.auditLog, async () => {
    await ensureBuiltInTypes();
    const before = await db.milestoneTypes.get(id);
    if (!before) throw new RuleError('not-found', 'This milestone is no longer in the list.');
    const checked = checkMilestoneType(input, await db.milestoneTypes.toArray(), id);
    const after = { ...before, ...checked };
    await db.milestoneTypes.put(after);
    await recordAudit('milestoneTypes', id, 'update', ['label', 'debriefWithinDays']);
    return after;
  });
}

/** Archived kinds stay on the milestones recorded with them but are no longer offered. */
export async function archiveMilestoneType(id: Id, archived = true): Promise<MilestoneType> {
  const db = getDb();
  return db.transaction('rw', db.milestoneTypes, db.auditLog, async () => {
    await ensureBuiltInTypes();
    const before = await db.milestoneTypes.get(id);
    if (!before) throw new RuleError('not-found', 'This milestone is no longer in the list.');
    const after = { ...before, archived };
    await db.milestoneTypes.put(after);
    await recordAudit('milestoneTypes', id, 'update', ['archived']);
    return after;
  });
}

async function findType(typeId: Id): Promise<MilestoneType | undefined> {
  const stored = await getDb().milestoneTypes.get(typeId);
  return stored ?? withBuiltInMilestoneTypes([]).find((type) => type.id === typeId);
}

/** Records a milestone for the mentee of a pairing; its debrief target is the type's, as of today. */
export async function recordMilestone(input: MilestoneInput): Promise<Milestone> {
  const db = getDb();
  return db.transaction('rw', [db.milestones, db.milestoneTypes, db.relationships, db.auditLog], async () => {
    const relationship = await db.relationships.get(input.relationshipId);
    const type = await findType(input.typeId);
    checkMilestone(input, relationship, type?.archived ? undefined : type, todayIso());
    if (!relationship || !type) throw new RuleError('not-found', 'Choose the pairing and the milestone.');
    if (relationship.status === 'completed' || relationship.status === 'ended-early')
      throw new RuleError(
        'pair-ended',
        'This pairing has ended, so it cannot debrief a milestone. Choose a current pairing.',
        'relationshipId',
      );
    const at = nowIso();
    const milestone: Milestone = {
      id: newId(),
      relationshipId: relationship.id,
      menteeId: relationship.menteeId,
      typeId: type.id,
      date: input.date,
      description: storedText(input.description),
      debriefWithinDays: type.debriefWithinDays,
      createdAt: at,
      updatedAt: at,
    };
    await db.milestones.add(milestone);
    await recordAudit('milestones', milestone.id, 'create', [
      'date',
      'debriefWithinDays',
      'description',
      'menteeId',
      'relationshipId',
      'typeId',
    ]);
    return milestone;
  });
}

export interface MilestoneWithDebrief extends Milestone {
  /** The first meeting that debriefed it, or null while a debrief is still due. */
  debrief: { meetingId: Id; date: IsoDate } | null;
}

async function withDebriefs(milestones: Milestone[]): Promise<MilestoneWithDebrief[]> {
  const db = getDb();
  const meetings = await db.meetings
    .where('milestoneId')
    .anyOf(milestones.map((milestone) => milestone.id))
    .toArray();
  const first = new Map<Id, { meetingId: Id; date: IsoDate }>();
  for (const meeting of meetings) {
    if (!meeting.milestoneId) continue;
    const known = first.get(meeting.milestoneId);
    if (!known || meeting.date < known.date)
      first.set(meeting.milestoneId, { meetingId: meeting.id, date: meeting.date });
  }
  return milestones.map((milestone) => ({ ...milestone, debrief: first.get(milestone.id) ?? null }));
}

/** A pairing's milestones, newest first, each with its debrief if one was held. */
export async function listMilestonesForRelationship(relationshipId: Id): Promise<MilestoneWithDebrief[]> {
  const milestones = await getDb().milestones.where('relationshipId').equals(relationshipId).toArray();
  milestones.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  return withDebriefs(milestones);
}

export async function getMilestone(id: Id): Promise<MilestoneWithDebrief | undefined> {
  const milestone = await getDb().milestones.get(id);
  return milestone ? (await withDebriefs([milestone]))[0] : undefined;
}

/**
 * Deletes a milestone recorded by mistake. A debrief meeting already held for it stays, as an ordinary
 * meeting: the conversation took place.
 */
export async function deleteMilestone(id: Id): Promise<void> {
  const db = getDb();
  // The notes' table too, as every write of meetings has it (the meetings are put without their notes, which stay).
  await db.transaction('rw', [db.milestones, db.meetings, db.meetingNotes, db.auditLog], async () => {
    if (!(await db.milestones.get(id))) throw new RuleError('not-found', 'This milestone no longer exists.');
    const debriefs = await db.meetings.where('milestoneId').equals(id).toArray();
    for (const meeting of debriefs) {
      const { milestoneId: _gone, ...rest } = meeting;
      await db.meetings.put({ ...rest, updatedAt: nowIso() });
      await recordAudit('meetings', meeting.id, 'update', ['milestoneId']);
    }
    await db.milestones.delete(id);
    await recordAudit('milestones', id, 'delete', []);
  });
}

export interface DebriefsDueList {
  /** The first rows, the most pressing first. */
  rows: DebriefDue[];
  total: number;
  /** How many are past their target. */
  overdue: number;
}

/**
 * The milestones of live pairings still waiting for a debrief, the most pressing first: the first `rows`
 * with the counts. A range of the `debriefDueOn` index (schema version 12, summary-fields.ts: the due day
 * while no meeting debriefed the milestone and its pair can meet), counted on the index; only the rows
 * shown, their pairs and names are read.
 */
export async function loadDebriefsDue(
  today: IsoDate,
  rows = Number.POSITIVE_INFINITY,
): Promise<DebriefsDueList> {
  const db = getDb();
  return db.transaction('r', [db.milestones, db.relationships, db.people, db.milestoneTypes], async () => {
    const due = () => db.milestones.orderBy('debriefDueOn');
    const [total, overdue, open, types] = await Promise.all([
      due().count(),
      db.milestones.where('debriefDueOn').below(today).count(),
      (Number.isFinite(rows) ? due().limit(rows) : due()).toArray(),
      db.milestoneTypes.toArray(),
    ]);
    const pairs = (await db.relationships.bulkGet([...new Set(open.map((m) => m.relationshipId))])).flatMap(
      (pair) => (pair ? [pair] : []),
    );
    const people = (
      await db.people.bulkGet([...new Set(pairs.flatMap((pair) => [pair.menteeId, pair.mentorId]))])
    ).flatMap((person) => (person ? [{ id: person.id, name: person.name }] : []));
    return {
      rows: computeDebriefsDue({ openMilestones: open, relationships: pairs, people, types }, today),
      total,
      overdue,
    };
  });
}
