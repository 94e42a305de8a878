import { addDaysIso, todayIso } from '../domain/calendar';
import {
  type CourseInput,
  changedFields,
  checkCourse,
  checkTraining,
  RuleError,
  type TrainingInput,
} from '../domain/rules';
import { LAPSING_WITHIN_DAYS, type TrainingStatus, trainingStatusOn } from '../domain/training';
import type { Id, IsoDate, Person, TrainingCourse, TrainingRecord } from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb } from './db';

// Mentor training: the clinic's list of courses and each mentor's completions. Nothing here is free
// text about a person (course, provider, dates, hours), so nothing is sealed.

export type { CourseInput, TrainingInput } from '../domain/rules';

const byName = (a: TrainingCourse, b: TrainingCourse) =>
  Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name);

/** The clinic's courses, those in use first, by name. */
export async function listCourses(): Promise<TrainingCourse[]> {
  return (await getDb().trainingCourses.toArray()).sort(byName);
}

export async function addCourse(input: CourseInput): Promise<TrainingCourse> {
  const db = getDb();
  return db.transaction('rw', db.trainingCourses, db.auditLog, async () => {
    const clean = checkCourse(input, await db.trainingCourses.toArray());
    const at = nowIso();
    const course: TrainingCourse = { ...clean, id: newId(), archived: false, createdAt: at, updatedAt: at };
    await db.trainingCourses.add(course);
    await recordAudit('trainingCourses', course.id, 'create', ['name', 'provider', 'renewalMonths']);
    return course;
  });
}

/** Renames a course or changes its renewal; completions already recorded keep their renew-by day. */
export async function updateCourse(
  id: Id,
  changes: Partial<CourseInput & { archived: boolean }>,
): Promise<TrainingCourse> {
  const db = getDb();
  return db.transaction('rw', db.trainingCourses, db.auditLog, async () => {
    const before = await db.trainingCourses.get(id);
    if (!before) throw new RuleError('not-found', 'This course no longer exists.');
    const merged = { ...before, ...changes };
    const clean = checkCourse(merged, await db.trainingCourses.toArray(), id);
    const after: TrainingCourse = { ...merged, ...clean, updatedAt: nowIso() };
    const fields = changedFields(before, after);
    if (fields.length === 0) return before;
    await db.trainingCourses.put(after);
    await recordAudit('trainingCourses', id, 'update', fields);
    return after;
  });
}

/** A person's completions, the latest first. */
export async function listTrainingFor(personId: Id): Promise<TrainingRecord[]> {
  const records = await getDb().trainingRecords.where('personId').equals(personId).toArray();
  return records.sort((a, b) => b.completedOn.localeCompare(a.completedOn) || a.id.localeCompare(b.id));
}

export async function addTraining(
  input: TrainingInput,
  today: IsoDate = todayIso(),
): Promise<TrainingRecord> {
  const db = getDb();
  return db.transaction('rw', [db.trainingRecords, db.trainingCourses, db.people, db.auditLog], async () => {
    const [course, person] = await Promise.all([
      input.courseId ? db.trainingCourses.get(input.courseId) : undefined,
      input.personId ? db.people.get(input.personId) : undefined,
    ]);
    const clean = checkTraining(input, { course, personExists: person !== undefined, today });
    const at = nowIso();
    const record: TrainingRecord = { ...clean, id: newId(), createdAt: at, updatedAt: at };
    await db.trainingRecords.add(record);
    await recordAudit('trainingRecords', record.id, 'create', [
      'personId',
      'courseId',
      'provider',
      'completedOn',
      'hours',
      'renewBy',
    ]);
    return record;
  });
}

export async function deleteTraining(id: Id): Promise<void> {
  const db = getDb();
  // With the people: the mentor's furthest renew-by day is kept beside them (summary-fields.ts).
  await db.transaction('rw', db.trainingRecords, db.people, db.auditLog, async () => {
    if (!(await db.trainingRecords.get(id)))
      throw new RuleError('not-found', 'This training record no longer exists.');
    await db.trainingRecords.delete(id);
    await recordAudit('trainingRecords', id, 'delete', []);
  });
}

/**
 * The training on `day` of the mentors named (the ones a screen shows), by mentor id, each of them present
 * (state `none` without any completion on record). Only their own records are read (the `personId`
 * index), never the whole table: a large clinic keeps thousands.
 */
export async function mentorTrainingStatuses(
  day: IsoDate,
  mentorIds: readonly Id[],
): Promise<Map<Id, TrainingStatus>> {
  if (mentorIds.length === 0) return new Map();
  const records = await getDb().trainingRecords.where('personId').anyOf(mentorIds).toArray();
  const byPerson = new Map<Id, TrainingRecord[]>();
  for (const record of records) {
    const list = byPerson.get(record.personId);
    if (list) list.push(record);
    else byPerson.set(record.personId, [record]);
  }
  return new Map(mentorIds.map((id) => [id, trainingStatusOn(byPerson.get(id) ?? [], day)]));
}

export interface TrainingDueRow {
  personId: Id;
  name: string;
  state: 'lapsed' | 'lapsing';
  renewBy: IsoDate;
}

export interface TrainingDueList {
  rows: TrainingDueRow[];
  total: number;
  /** Whether any training is on record at all (a clinic that does not record it sees no card). */
  anyTraining: boolean;
}

/**
 * Mentors whose training has lapsed or lapses within 30 days, lapsed longest first (then by name); the
 * first `rows` with the whole count. A range of the `mentorRenewBy` index (schema version 12,
 * summary-fields.ts: a mentor's furthest renew-by day, kept beside them while they mentor and are not
 * archived), counted on the index; only the rows shown are read. A completion is never dated after
 * today (rules/training.ts), so the furthest renew-by day is the one that counts today.
 */
export async function loadTrainingDue(
  today: IsoDate,
  rows = Number.POSITIVE_INFINITY,
): Promise<TrainingDueList> {
  const db = getDb();
  return db.transaction('r', [db.trainingRecords, db.people], async () => {
    const due = () => db.people.where('mentorRenewBy').belowOrEqual(addDaysIso(today, LAPSING_WITHIN_DAYS));
    // Raw: the renew-by day stays on the record (the reading hooks would strip it); names are not sealed.
    type Due = Person & { mentorRenewBy: IsoDate };
    const [total, first, anyRecord] = await Promise.all([
      due().count(),
      (Number.isFinite(rows) ? due().limit(rows) : due()).raw().toArray() as Promise<unknown> as Promise<
        Due[]
      >,
      db.trainingRecords.limit(1).count(),
    ]);
    // The list is ordered by day then name, the index by day then id: read every mentor of the last day shown.
    const last = first.at(-1);
    const tied =
      last && first.length >= rows
        ? ((await db.people
            .where('mentorRenewBy')
            .equals(last.mentorRenewBy)
            .raw()
            .toArray()) as unknown as Due[])
        : [];
    const byId = new Map([...first, ...tied].map((person) => [person.id, person]));
    const listed: TrainingDueRow[] = [...byId.values()].map((person) => ({
      personId: person.id,
      name: person.name,
      state: person.mentorRenewBy < today ? 'lapsed' : 'lapsing',
      renewBy: person.mentorRenewBy,
    }));
    listed.sort((a, b) => a.renewBy.localeCompare(b.renewBy) || a.name.localeCompare(b.name));
    return { rows: listed.slice(0, rows), total, anyTraining: anyRecord > 0 };
  });
}
