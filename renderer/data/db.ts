import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type {
  ClinicQuestionnaire,
  QuestionnaireResponse,
  SupportRequest,
} from '../domain/questionnaires/types';
import type {
  ActionItem,
  AuditEntry,
  ClinicSettings,
  Goal,
  GoalArea,
  GoalProgress,
  IsoDate,
  Meeting,
  MeetingGuide,
  Milestone,
  MilestoneType,
  Person,
  Program,
  Recognition,
  Relationship,
  RelationshipStatus,
  Topic,
  TrainingCourse,
  TrainingRecord,
} from '../domain/types';
import {
  type ActionItemDerived,
  type ActionItemLiveness,
  actionItemDerived,
  actionItemLiveness,
  derivedFieldsMiddleware,
  hideDerivedFields,
  LIVE_PAIR_STATUSES,
  nameKeyOf,
  PERSON_SORT_FIELDS,
  pairLivenessMiddleware,
  personDerived,
  personSortKeys,
  relationshipDerived,
  relationshipSidesDerived,
} from './derived-fields';
import { openSealedFieldsOnRead, sealingMiddleware } from './lock/sealing';
import { meetingNotesMiddleware } from './meeting-notes';
import { type ReportDigestRecord, reportDigestsMiddleware } from './report-digests';
import {
  goalDerived,
  milestoneDerived,
  pairingSummary,
  personMentorRankDerived,
  personPairingDerived,
  personTrainingDerived,
  questionnaireAnswerKey,
  relationshipPlanDerived,
  relationshipQuestionnaireDerived,
  SUMMARY_FIELDS,
  summaryFieldsMiddleware,
  supportRequestDerived,
} from './summary-fields';
import { reportUpgradeProgress } from './upgrade-progress';

// The one Dexie database and its schema history. Only repositories (renderer/data/*.repo.ts) and the
// backup module import this file. Migration policy (docs/data-model.md): versions are only ever added,
// never edited; each version that changes data has an upgrade function and a test in test/data/.
// Note text and action-item text are never indexed.

export const DEFAULT_DB_NAME = 'guiding-hands';

/** A meeting as the meetings table stores it: everything but its notes (schema version 23). */
export type StoredMeeting = Omit<Meeting, 'notes'>;

/** A meeting's notes, stored apart from it under the meeting's id (schema version 23). */
export interface MeetingNote {
  id: string;
  notes: string;
}

export const TABLE_NAMES = [
  'people',
  'programs',
  'relationships',
  'milestoneTypes',
  'milestones',
  'meetings',
  'actionItems',
  'topics',
  'meetingGuides',
  'questionnaires',
  'responses',
  'supportRequests',
  'settings',
  'trainingCourses',
  'trainingRecords',
  'recognitions',
  'goalAreas',
  'goals',
  'goalProgress',
  'auditLog',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The schema version that brought each table added after the first; older backups do not have it. */
export const TABLE_SINCE_SCHEMA: Partial<Record<TableName, number>> = {
  trainingCourses: 6,
  trainingRecords: 6,
  recognitions: 6,
  questionnaires: 8,
  responses: 8,
  supportRequests: 8,
  goalAreas: 10,
  goals: 10,
  goalProgress: 10,
  milestoneTypes: 11,
  milestones: 11,
  meetingGuides: 11,
};

/** The tables a database (or a backup) of schema `version` has, in backup order. */
export function tablesOfSchema(version: number): readonly TableName[] {
  return TABLE_NAMES.filter((table) => (TABLE_SINCE_SCHEMA[table] ?? 1) <= version);
}

/**
 * Tables of the database that are not tables of the backup document: each holds part of the records of
 * a document table, and backup and restore join or split them (meetingNotes: the notes of the meetings).
 */
export const STORAGE_ONLY_TABLES = ['meetingNotes'] as const;
export type StorageOnlyTable = (typeof STORAGE_ONLY_TABLES)[number];

/**
 * Tables of the database kept from the others, never backed up nor restored: a missing record is made
 * again from the records it copies (reportDigests: what reports count, a month or a table a record,
 * report-digests.ts).
 */
export const KEPT_COPY_TABLES = ['reportDigests'] as const;
export type KeptCopyTable = (typeof KEPT_COPY_TABLES)[number];

/** Every table of the database: the document's, the storage-only ones and the kept copies. */
export const DATABASE_TABLES: readonly (TableName | StorageOnlyTable | KeptCopyTable)[] = [
  ...TABLE_NAMES,
  ...STORAGE_ONLY_TABLES,
  ...KEPT_COPY_TABLES,
];

/** A version's stores: the tables of the first version, and those added since. */
type StoreList = Partial<Record<TableName | StorageOnlyTable | KeptCopyTable, string>>;

/** Version 1: the first schema. Kept verbatim: a Dexie version is never edited once shipped. */
export const SCHEMA_V1: StoreList = {
  people: 'id, name, email, profession',
  programs: 'id, name',
  relationships: 'id, programId, mentorId, menteeId, status',
  meetings: 'id, relationshipId, date, [relationshipId+date]',
  actionItems: 'id, meetingId, relationshipId, dueDate',
  topics: 'id',
  settings: 'key',
  auditLog: '++seq, at, [table+recordId]',
};

/** Version 2: relationships carry lastMeetingDate (indexed) so the dashboard needs no meeting scan. */
export const SCHEMA_V2: StoreList = {
  ...SCHEMA_V1,
  relationships: 'id, programId, mentorId, menteeId, status, lastMeetingDate',
};

/**
 * Version 3: what the dashboard asks is indexed, through fields derived from each record alone (see
 * derived-fields.ts): a pair's meeting-clock start by status, its planned end by status, and an action
 * item's due date while it is open. The derived fields never leave the database (reads strip them).
 */
export const SCHEMA_V3: StoreList = {
  ...SCHEMA_V2,
  relationships:
    'id, programId, mentorId, menteeId, status, lastMeetingDate, [status+clockStart], [status+plannedEndDate]',
  actionItems: 'id, meetingId, relationshipId, dueDate, openDueDate',
};

/**
 * Version 4: people are indexed by their name as search keys (accents and capitals ignored) with the id
 * to break ties, so the People list and the name type-aheads read one page at a time (keyset paging).
 */
export const SCHEMA_V4: StoreList = {
  ...SCHEMA_V3,
  people: 'id, name, email, profession, [nameKey+id]',
};

/**
 * Version 5: the clinic lock. No index changes and no data changed by the upgrade: from this version on,
 * the free text of SEALED_FIELDS may be stored sealed (lock/sealing.ts) once the manager turns the lock on.
 */
export const SCHEMA_V5: StoreList = { ...SCHEMA_V4 };

/**
 * Version 6: mentor training (the clinic's courses, each mentor's completions, indexed by renew-by day
 * for the dashboard) and recognition entries. New tables only: nothing to change in existing records.
 */
export const SCHEMA_V6: StoreList = {
  ...SCHEMA_V5,
  trainingCourses: 'id, name',
  trainingRecords: 'id, personId, courseId, renewBy',
  recognitions: 'id, personId',
};

/**
 * Version 7: pairs are indexed by status and start date (with the id to break ties), so the
 * Relationships list and the pairing picker read one page of the newest pairs at a time. No field is
 * added: the index is over fields every pair has.
 */
export const SCHEMA_V7: StoreList = {
  ...SCHEMA_V6,
  relationships:
    'id, programId, mentorId, menteeId, status, lastMeetingDate, [status+clockStart], [status+plannedEndDate], [status+startDate+id]',
};

/**
 * Version 8: questionnaires. The clinic's own questionnaires, every response (answers sealed at rest,
 * never indexed), and the private "please contact me" requests. Ended pairs are indexed by status and end
 * date, so the dashboard finds the pairs whose evaluation is due (the start-date index of version 7 finds
 * those whose pairing-fit check is due) without reading the rest.
 */
export const SCHEMA_V8: StoreList = {
  ...SCHEMA_V7,
  relationships: `${SCHEMA_V7.relationships}, [status+endDate]`,
  questionnaires: 'id',
  responses: 'id, questionnaireId, personId, relationshipId, answeredOn',
  supportRequests: 'id',
};

/**
 * Version 9: the dashboard reads only what it shows. An action item carries its due date while it is
 * open and its pair live (derived-fields.ts, pairLivenessMiddleware), so the past-due items of live pairs
 * are one range: counted, and the first rows read, without reading the rest. Active pairs are indexed by
 * program and meeting-clock start, so each program's overdue pairs are a range too.
 */
export const SCHEMA_V9: StoreList = {
  ...SCHEMA_V8,
  relationships: `${SCHEMA_V8.relationships}, [status+programId+clockStart]`,
  actionItems: `${SCHEMA_V8.actionItems}, liveDueDate`,
};

/**
 * Version 10: development plans. Goals by pair, by open status and target date (the dashboard's overdue
 * goals) and by the day they were set; their history by goal, by meeting, and by status and date; the
 * clinic's own goal areas. New tables only. Goal text, steps, notes and drop reasons are never indexed.
 */
export const SCHEMA_V10: StoreList = {
  ...SCHEMA_V9,
  goalAreas: 'id',
  goals: 'id, relationshipId, [status+targetDate], setDate',
  goalProgress: 'id, goalId, meetingId, [status+date]',
};

/**
 * Version 11: milestones and their debriefs, and the clinic's meeting guides. A milestone is found by its
 * pairing, mentee or date (its description is sealed, never indexed); a debrief meeting names its
 * milestone, indexed so the dashboard reads which milestones were debriefed from the index keys alone.
 * New tables only and a new index of a field no record has yet: no record changes.
 */
export const SCHEMA_V11: StoreList = {
  ...SCHEMA_V10,
  meetings: `${SCHEMA_V10.meetings}, milestoneId`,
  milestoneTypes: 'id',
  milestones: 'id, relationshipId, menteeId, date',
  meetingGuides: 'id',
};

/**
 * Version 12: every card of the dashboard is a range of an index (summary-fields.ts). A pair's start
 * while it has no goal, by status (pairs a month in without a plan); a goal's target date while it is
 * open and its pair live (goals past their target); a milestone's debrief due day while no meeting has
 * debriefed it and its pair can meet (debriefs due); a mentor's furthest renew-by day (training to
 * renew); an open request for contact's day. Each is kept on every write, in the same transaction, from
 * the records it summarises; the upgrade computes them all.
 */
export const SCHEMA_V12: StoreList = {
  ...SCHEMA_V11,
  people: `${SCHEMA_V11.people}, mentorRenewBy`,
  relationships: `${SCHEMA_V11.relationships}, [status+startWithoutPlan]`,
  goals: `${SCHEMA_V11.goals}, liveTargetDate`,
  milestones: `${SCHEMA_V11.milestones}, debriefDueOn`,
  supportRequests: `${SCHEMA_V11.supportRequests}, openSince`,
};

/**
 * Version 13: the dashboard's due questionnaires card reads who has answered which checkpoint of a pair
 * from the keys of one index (pair, checkpoint, person), never a response record: the answers are not
 * read, nor opened under the clinic lock, to say who is still waiting. An index of existing fields only;
 * a response without a pair or a checkpoint is not in it (an IndexedDB key holds no null), and is never
 * due either.
 */
export const SCHEMA_V13: StoreList = {
  ...SCHEMA_V12,
  responses: `${SCHEMA_V12.responses}, [relationshipId+checkpoint+personId]`,
};

/**
 * Version 14: people are indexed by the words of their name, e-mail, specialty and tags (a multi-entry
 * index of a derived field, derived-fields.ts), so a search of the People list, of New pairing's mentee
 * and of the pair picker reads the people whose words start with what was typed, not everyone. The
 * upgrade computes the words of every person.
 */
export const SCHEMA_V14: StoreList = {
  ...SCHEMA_V13,
  people: `${SCHEMA_V13.people}, *wordKeys`,
};

/**
 * Version 15: the dashboard's due questionnaires card is a range of one index. A pair carries who has
 * answered which of its questionnaires (a summary of the responses naming it, summary-fields.ts) and,
 * indexed (multi-entry), the due day of each questionnaire its status asks for that someone has yet to
 * answer; the questionnaires due today are the last 30 days of it, counted on the index, with only the
 * pairs of the rows shown read. The upgrade computes both for every pair.
 */
export const SCHEMA_V15: StoreList = {
  ...SCHEMA_V14,
  relationships: `${SCHEMA_V14.relationships}, *questionnaireDueOn`,
};

/**
 * Version 16: people are indexed by each of their words followed by their name key and id (a multi-entry
 * index of a derived field, derived-fields.ts), so the people with a given word come in name order
 * straight from the index: a search for a word many people share reads only the rows of its page, not
 * every match to sort them. The upgrade computes the entries of every person.
 */
export const SCHEMA_V16: StoreList = {
  ...SCHEMA_V15,
  people: `${SCHEMA_V15.people}, *wordNames`,
};

/**
 * Version 17: the meetings lose their index of the pairing alone. `[relationshipId+date]` starts with the
 * pairing and every meeting has both, so it answers every query by pairing (Dexie reads a query on
 * `relationshipId` from the compound index's prefix); the second index only cost an entry on every write
 * of a meeting, the sealing of every note when the clinic lock is turned on included.
 */
export const SCHEMA_V17: StoreList = {
  ...SCHEMA_V16,
  meetings: 'id, date, [relationshipId+date], milestoneId',
};

/**
 * Version 18: each person carries their pairing summaries (summary-fields.ts): their proposed and active
 * pairs as mentor, and whether a pair gives them a mentor. Indexed from those: a mentor's load while they
 * mentor and are not archived (New pairing reads its mentors and their loads from it, no pair read),
 * whether they mentor with room left, and whether they are a mentee without a mentor (the People list's
 * two pairing filters are ranges of it). The upgrade computes them from every pair.
 */
export const SCHEMA_V18: StoreList = {
  ...SCHEMA_V17,
  people: `${SCHEMA_V17.people}, openMentorLoad, withRoom, withoutMentor`,
};

/**
 * Version 19: each person carries a sort key for each column of the People list other than the name
 * (derived-fields.ts, personSortKeys), each indexed with the name key and the id, so the list sorted by
 * profession, specialty, role or tags reads a page at a time (keyset paging) instead of everyone. The
 * upgrade computes the keys of every person.
 */
export const SCHEMA_V19: StoreList = {
  ...SCHEMA_V18,
  people: `${SCHEMA_V18.people}, [sortProfession+nameKey+id], [sortSpecialty+nameKey+id], [sortRole+nameKey+id], [sortTags+nameKey+id]`,
};

/**
 * Version 20: the People list's two pairing filters and New pairing's mentors read only the rows they
 * show. Each pairing group is indexed with the name order (`[withRoom+nameKey+id]`,
 * `[withoutMentor+nameKey+id]`), so a page of the group is a range of it; their indexes of version 18
 * are dropped (a query on the group alone reads the compound index's prefix). Each mentor who is not
 * archived carries (summary-fields.ts) whether they are full, indexed with their load and name
 * (`[mentorFull+openMentorLoad+nameKey+id]`: the ranking of mentors sharing nothing with the mentee), and
 * each specialty or tag they offer with the same (`*mentorMatches`: those sharing some, ranked from the
 * index keys). The upgrade computes both for every person.
 */
export const SCHEMA_V20: StoreList = {
  ...SCHEMA_V19,
  people:
    'id, name, email, profession, [nameKey+id], mentorRenewBy, *wordKeys, *wordNames, openMentorLoad, [sortProfession+nameKey+id], [sortSpecialty+nameKey+id], [sortRole+nameKey+id], [sortTags+nameKey+id], [withRoom+nameKey+id], [withoutMentor+nameKey+id], [mentorFull+openMentorLoad+nameKey+id], *mentorMatches',
};

/**
 * Version 21: the People list sorted by profession, specialty, role or tags with a profession chosen reads
 * a page of that profession alone: each column's sort key is indexed again behind the profession
 * (`[profession+sortSpecialty+nameKey+id]`…), so the page is a range of it instead of a walk of the whole
 * column's order that keeps the profession's people. Fields every person already has: IndexedDB builds the
 * indexes from the stored records, no record changes.
 */
export const SCHEMA_V21: StoreList = {
  ...SCHEMA_V20,
  people: `${SCHEMA_V20.people}, [profession+sortProfession+nameKey+id], [profession+sortSpecialty+nameKey+id], [profession+sortRole+nameKey+id], [profession+sortTags+nameKey+id]`,
};

/**
 * Version 22: each action item carries the date of the meeting it was agreed at (`meetingDate`, a
 * summary kept by summary-fields.ts when an item is written and when its meeting's date changes),
 * indexed, so a report reads the action items of its period's meetings as one range, not every item.
 * The upgrade puts every meeting's date on its items.
 */
export const SCHEMA_V22: StoreList = {
  ...SCHEMA_V21,
  actionItems: `${SCHEMA_V8.actionItems}, liveDueDate, meetingDate`,
};

/**
 * Version 23: the meeting notes move to a table of their own, `meetingNotes` (`{ id, notes }`, the id
 * being the meeting's, no other index); the meetings no longer store them. Reading or rewriting a meeting
 * (a report, a summary) no longer carries the note text, and the clinic lock's sealing walk goes through
 * records that hold the note alone, with no index entry to rewrite. A sealed note keeps its binding to
 * the meeting (sealContextTable in lock/seal.ts), so the upgrade moves sealed values as they are: it runs
 * before any unlock. The backup document is unchanged: a meeting record there carries its notes.
 */
export const SCHEMA_V23: StoreList & { meetingNotes: string } = {
  ...SCHEMA_V22,
  meetingNotes: 'id',
};

/**
 * Version 24: each pair has an entry for each of its two people (`sideKeys`, a multi-entry index of a
 * derived field, derived-fields.ts): the person and their side. A person's pairs are then one request
 * of the index's primary keys instead of two (the mentee and mentor indexes), in the same order; the
 * pair picker's search makes hundreds of them for a whole name typed. The upgrade computes the entries
 * of every pair.
 */
export const SCHEMA_V24: StoreList & { meetingNotes: string } = {
  ...SCHEMA_V23,
  relationships: `${SCHEMA_V23.relationships}, *sideKeys`,
};

/**
 * Version 25: no index change. With the clinic lock on, a record of a table with several sealed fields
 * (a pair's end reason and capacity reason, a response's answers and support, a goal's four texts)
 * keeps them as one sealed value (`$sealedFields`, lock/seal.ts) instead of one a field, and an empty
 * value of a table with one sealed field is left plain: a whole-table read (a backup) opens a third
 * fewer values. Rewriting the sealed records needs the key, so the upgrade does nothing while the
 * database opens: the next unlock seals them again the new way (keyring.ts, `recordFormat`). The
 * version keeps an earlier app, which would not read the new way, from opening the database.
 */
export const SCHEMA_V25: StoreList & { meetingNotes: string } = SCHEMA_V24;

/**
 * Version 26: `reportDigests`, what a report counts, one record a calendar month (its meetings, action
 * items, responses and goals) and one a table read whole (report-digests.ts), each made by the first
 * report that needs it and dropped by every write that touches it. Copies kept beside the records, never
 * backed up: the upgrade adds the empty table only.
 */
export const SCHEMA_V26: StoreList & { meetingNotes: string; reportDigests: string } = {
  ...SCHEMA_V25,
  reportDigests: 'key',
};

export const CURRENT_SCHEMA_VERSION = 26;

/**
 * Every shipped schema, by version: SHIPPED_SCHEMAS[version - 1] is the stores of that version (the
 * upgrade tests and the benchmarks write older databases from it). A new version is added here too.
 */
export const SHIPPED_SCHEMAS: readonly StoreList[] = [
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V12,
  SCHEMA_V13,
  SCHEMA_V14,
  SCHEMA_V15,
  SCHEMA_V16,
  SCHEMA_V17,
  SCHEMA_V18,
  SCHEMA_V19,
  SCHEMA_V20,
  SCHEMA_V21,
  SCHEMA_V22,
  SCHEMA_V23,
  SCHEMA_V24,
  SCHEMA_V25,
  SCHEMA_V26,
];

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const latest = new Map<string, string>();
  await tx.table('meetings').each((meeting: Pick<Meeting, 'relationshipId' | 'date'>) => {
    const known = latest.get(meeting.relationshipId);
    if (!known || meeting.date > known) latest.set(meeting.relationshipId, meeting.date);
  });
  await tx
    .table('relationships')
    .toCollection()
    .modify((relationship: Relationship) => {
      relationship.lastMeetingDate = latest.get(relationship.id) ?? null;
    });
}

export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('relationships')
    .toCollection()
    .modify((relationship: Relationship) => {
      Object.assign(relationship, relationshipDerived(relationship));
    });
  await tx
    .table('actionItems')
    .toCollection()
    .modify((item: ActionItem) => {
      const derived = actionItemDerived(item);
      if (derived.openDueDate === undefined) delete (item as Partial<ActionItemDerived>).openDueDate;
      else Object.assign(item, derived);
    });
}

export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('people')
    .toCollection()
    .modify((person: Person) => {
      Object.assign(person, { nameKey: nameKeyOf(person) });
    });
}

export async function upgradeToV9(tx: Transaction): Promise<void> {
  const live = new Set(
    await tx.table('relationships').where('status').anyOf(LIVE_PAIR_STATUSES).primaryKeys(),
  );
  await tx
    .table('actionItems')
    .toCollection()
    .modify((item: ActionItem & Partial<ActionItemLiveness>) => {
      const { liveDueDate } = actionItemLiveness(item, live.has(item.relationshipId));
      if (liveDueDate === undefined) delete item.liveDueDate;
      else item.liveDueDate = liveDueDate;
    });
}

type Stored = Record<string, unknown>;

/** Sets the fields of `values` on `row`, removing those that are undefined. */
function assignFields(row: Stored, values: object): void {
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) delete row[field];
    else row[field] = value;
  }
}

export async function upgradeToV12(tx: Transaction): Promise<void> {
  const planned = new Set((await tx.table('goals').orderBy('relationshipId').uniqueKeys()).map(String));
  const debriefed = new Set((await tx.table('meetings').orderBy('milestoneId').uniqueKeys()).map(String));
  const statuses = new Map<string, string>();
  await tx.table('relationships').each((pair: Relationship) => {
    statuses.set(pair.id, pair.status);
  });
  const renewBy = new Map<string, string>();
  await tx.table('trainingRecords').each((record: TrainingRecord) => {
    const known = renewBy.get(record.personId);
    if (!known || record.renewBy > known) renewBy.set(record.personId, record.renewBy);
  });
  await tx
    .table('relationships')
    .toCollection()
    .modify((pair: Relationship & Stored) => {
      assignFields(pair, { hasGoal: planned.has(pair.id) ? true : undefined });
      assignFields(pair, relationshipPlanDerived(pair));
    });
  await tx
    .table('goals')
    .toCollection()
    .modify((goal: Goal & Stored) => {
      assignFields(goal, { pairStatus: statuses.get(goal.relationshipId) });
      assignFields(goal, goalDerived(goal));
    });
  await tx
    .table('milestones')
    .toCollection()
    .modify((milestone: Milestone & Stored) => {
      assignFields(milestone, {
        pairStatus: statuses.get(milestone.relationshipId),
        debriefed: debriefed.has(milestone.id) ? true : undefined,
      });
      assignFields(milestone, milestoneDerived(milestone));
    });
  // Only the people with training have a summary to store.
  await tx
    .table('people')
    .where('id')
    .anyOf([...renewBy.keys()])
    .modify((person: Person & Stored) => {
      assignFields(person, { trainingRenewBy: renewBy.get(person.id) });
      assignFields(person, personTrainingDerived(person));
    });
  await tx
    .table('supportRequests')
    .toCollection()
    .modify((request: SupportRequest & Stored) => {
      assignFields(request, supportRequestDerived(request));
    });
}

export async function upgradeToV14(tx: Transaction): Promise<void> {
  await tx
    .table('people')
    .toCollection()
    .modify((person: Person) => {
      Object.assign(person, { wordKeys: personDerived(person).wordKeys });
    });
}

export async function upgradeToV15(tx: Transaction): Promise<void> {
  const answers = new Map<string, string[]>();
  // The keys of the (pair, checkpoint, person) index of version 13: no response record is read.
  const keys = (await tx
    .table('responses')
    .orderBy('[relationshipId+checkpoint+personId]')
    .keys()) as unknown as [string, QuestionnaireResponse['checkpoint'] & string, string][];
  for (const [pairId, checkpoint, personId] of keys)
    answers.set(pairId, [...(answers.get(pairId) ?? []), questionnaireAnswerKey(checkpoint, personId)]);
  await tx
    .table('relationships')
    .toCollection()
    .modify((pair: Relationship & Stored) => {
      const known = answers.get(pair.id);
      assignFields(pair, { questionnaireAnswers: known ? [...new Set(known)].sort() : undefined });
      assignFields(pair, relationshipQuestionnaireDerived(pair));
    });
}

export async function upgradeToV16(tx: Transaction): Promise<void> {
  await tx
    .table('people')
    .toCollection()
    .modify((person: Person) => {
      Object.assign(person, { wordNames: personDerived(person).wordNames });
    });
}

export async function upgradeToV18(tx: Transaction): Promise<void> {
  const asMentor = new Map<string, RelationshipStatus[]>();
  const asMentee = new Map<string, RelationshipStatus[]>();
  const add = (map: Map<string, RelationshipStatus[]>, id: string, status: RelationshipStatus) => {
    const known = map.get(id);
    if (known) known.push(status);
    else map.set(id, [status]);
  };
  await tx.table('relationships').each((pair: Relationship) => {
    add(asMentor, pair.mentorId, pair.status);
    add(asMentee, pair.menteeId, pair.status);
  });
  await tx
    .table('people')
    .toCollection()
    .modify((person: Person & Stored) => {
      assignFields(person, pairingSummary(asMentor.get(person.id) ?? [], asMentee.get(person.id) ?? []));
      assignFields(person, personPairingDerived(person));
    });
}

export async function upgradeToV19(tx: Transaction): Promise<void> {
  await tx
    .table('people')
    .toCollection()
    .modify((person: Person & Stored) => {
      assignFields(person, personSortKeys(person));
    });
}

/** How many meetings the upgrade to version 23 moves the notes of at a time. */
const NOTES_MOVED_AT_ONCE = 2000;

/**
 * Every meeting's notes go to meetingNotes, as stored (a sealed note stays sealed, bound to its meeting),
 * and leave the meeting record: a page of meetings at a time, in primary-key order, so that 200,000
 * meetings never sit in memory at once. A meeting without notes gets an empty note.
 */
export async function upgradeToV23(tx: Transaction): Promise<void> {
  // Straight to the object stores: no layer of the database depends on the notes, and a note left plain
  // by an interrupted sealing walk must move as it is, with no key (the clinic is still locked).
  const idbtrans = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans;
  const meetingStore = idbtrans.objectStore('meetings');
  const noteStore = idbtrans.objectStore('meetingNotes');
  const meetings = tx.table('meetings');
  const total = await meetings.count();
  let done = 0;
  let after: string | null = null;
  try {
    for (;;) {
      reportUpgradeProgress({ what: 'meetings', done, total });
      const collection = after === null ? meetings.orderBy(':id') : meetings.where(':id').above(after);
      const page = (await collection.limit(NOTES_MOVED_AT_ONCE).raw().toArray()) as Stored[];
      if (page.length === 0) break;
      for (const meeting of page) {
        noteStore.put({ id: meeting.id, notes: meeting.notes ?? '' });
        delete meeting.notes;
        meetingStore.put(meeting);
      }
      done += page.length;
      after = page[page.length - 1]?.id as string;
      if (page.length < NOTES_MOVED_AT_ONCE) break;
    }
  } finally {
    reportUpgradeProgress(null);
  }
}

export async function upgradeToV24(tx: Transaction): Promise<void> {
  // Straight to the object store: only the new entries are written, every other field (a sealed one
  // included: the upgrade runs before any unlock) stays exactly as stored.
  const store = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore('relationships');
  const pairs = (await tx.table('relationships').toCollection().raw().toArray()) as Relationship[];
  for (const pair of pairs) store.put({ ...pair, ...relationshipSidesDerived(pair) });
}

export async function upgradeToV20(tx: Transaction): Promise<void> {
  // Only the mentors who are not archived have a rank to store.
  await tx
    .table('people')
    .filter((person: Person) => person.isMentor && !person.archived)
    .modify((person: Person & Stored) => {
      assignFields(person, personMentorRankDerived(person));
    });
}

export async function upgradeToV22(tx: Transaction): Promise<void> {
  // Each meeting's date from the date index alone (its key, and the meeting's id), no meeting read.
  const dates = new Map<string, IsoDate>();
  await tx
    .table('meetings')
    .orderBy('date')
    .eachKey((date, cursor) => {
      dates.set(cursor.primaryKey as string, date as IsoDate);
    });
  await tx
    .table('actionItems')
    .toCollection()
    .modify((item: ActionItem & Stored) => {
      assignFields(item, { meetingDate: dates.get(item.meetingId) });
    });
}

/**
 * How a transaction is committed (docs/data-model.md, "Durability"). Everyday edits are relaxed: "Done"
 * comes once the operating system has the change. Writes that must survive a power cut right after
 * "Done" (a roster import, the record of a schema upgrade, a restore) go through the strict connection,
 * whose commits wait until the change is on the disk itself.
 */
export type Durability = 'relaxed' | 'strict';

/**
 * Fields stored only for the indexes, hidden from every read (a raw read, which skips the reading hooks,
 * must drop them itself).
 */
export const DERIVED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  people: ['nameKey', 'wordKeys', 'wordNames', ...PERSON_SORT_FIELDS, ...SUMMARY_FIELDS.people],
  relationships: ['clockStart', 'sideKeys', ...SUMMARY_FIELDS.relationships],
  actionItems: ['openDueDate', 'liveDueDate', ...SUMMARY_FIELDS.actionItems],
  goals: SUMMARY_FIELDS.goals,
  milestones: SUMMARY_FIELDS.milestones,
  supportRequests: SUMMARY_FIELDS.supportRequests,
};

export class GuidingHandsDb extends Dexie {
  people!: EntityTable<Person, 'id'>;
  programs!: EntityTable<Program, 'id'>;
  relationships!: EntityTable<Relationship, 'id'>;
  /** The meetings as stored: their notes are in meetingNotes (schema version 23). */
  meetings!: EntityTable<StoredMeeting, 'id'>;
  meetingNotes!: EntityTable<MeetingNote, 'id'>;
  /** What reports count, a month or a table a record (schema version 26): copies, never backed up. */
  reportDigests!: EntityTable<ReportDigestRecord, 'key'>;
  actionItems!: EntityTable<ActionItem, 'id'>;
  topics!: EntityTable<Topic, 'id'>;
  goalAreas!: EntityTable<GoalArea, 'id'>;
  goals!: EntityTable<Goal, 'id'>;
  goalProgress!: EntityTable<GoalProgress, 'id'>;
  settings!: EntityTable<ClinicSettings, 'key'>;
  auditLog!: EntityTable<AuditEntry, 'seq'>;
  trainingCourses!: EntityTable<TrainingCourse, 'id'>;
  trainingRecords!: EntityTable<TrainingRecord, 'id'>;
  recognitions!: EntityTable<Recognition, 'id'>;
  questionnaires!: EntityTable<ClinicQuestionnaire, 'id'>;
  responses!: EntityTable<QuestionnaireResponse, 'id'>;
  supportRequests!: EntityTable<SupportRequest, 'id'>;
  milestoneTypes!: EntityTable<MilestoneType, 'id'>;
  milestones!: EntityTable<Milestone, 'id'>;
  meetingGuides!: EntityTable<MeetingGuide, 'id'>;

  /** The version an upgrade brought this database to while it opened; null when none ran. */
  private upgradedTo: number | null = null;

  constructor(
    name: string = DEFAULT_DB_NAME,
    readonly durability: Durability = 'relaxed',
  ) {
    super(name, { chromeTransactionDurability: durability });
    if (currentOnDisk.has(name)) {
      // Nothing to upgrade (learnWhatIsOnDisk): the current version alone, without the cost of the others.
      // Should the database be found older all the same (deleted and made again by an older release since
      // the browser was asked), no upgrade would run: the opening fails instead, and the next connection
      // declares every version and upgrades it in full.
      this.version(CURRENT_SCHEMA_VERSION)
        .stores(SHIPPED_SCHEMAS[CURRENT_SCHEMA_VERSION - 1] as StoreList)
        .upgrade(() => {
          currentOnDisk.delete(name);
          throw new Error('The clinic database was changed by another copy of the app. Open the app again.');
        });
      // Another connection deleting or upgrading the database makes what the browser said out of date.
      this.on('versionchange', () => {
        currentOnDisk.delete(name);
      });
    } else this.declareEveryVersion();
    // First, so lowest of the app's layers: it sees every write a report's digest copies, as stored.
    this.use(reportDigestsMiddleware());
    this.use(
      derivedFieldsMiddleware({
        people: {
          derive: (person: Person) => ({
            ...personDerived(person),
            ...personSortKeys(person),
            ...personTrainingDerived(person),
            ...personPairingDerived(person),
            ...personMentorRankDerived(person),
          }),
          fields: DERIVED_FIELDS.people,
        },
        relationships: {
          derive: (pair: Relationship) => ({
            ...relationshipDerived(pair),
            ...relationshipSidesDerived(pair),
            ...relationshipPlanDerived(pair),
            ...relationshipQuestionnaireDerived(pair),
          }),
          fields: DERIVED_FIELDS.relationships,
        },
        actionItems: { derive: actionItemDerived, fields: DERIVED_FIELDS.actionItems },
        goals: { derive: goalDerived, fields: DERIVED_FIELDS.goals },
        milestones: { derive: milestoneDerived, fields: DERIVED_FIELDS.milestones },
        supportRequests: { derive: supportRequestDerived, fields: DERIVED_FIELDS.supportRequests },
      }),
    );
    // Registered before the sealing middleware, so below it: they read and rewrite records as stored.
    this.use(summaryFieldsMiddleware());
    this.use(pairLivenessMiddleware());
    for (const [table, fields] of Object.entries(DERIVED_FIELDS))
      hideDerivedFields(this.table(table), fields);
    this.use(sealingMiddleware());
    // After the sealing layer, so above it: the notes it moves to meetingNotes are sealed on the way down.
    this.use(meetingNotesMiddleware());
    openSealedFieldsOnRead((name) => this.table(name));
    // Sticky: also after a reopen. Nothing else runs on this connection until it has finished.
    this.on('ready', () => this.confirmUpgrade(), true);
  }

  /** Every version's upgrade goes through here, so that the upgrade is confirmed strictly afterwards. */
  /**
   * Every version, each with its upgrade: what a database written by an older version of the app needs.
   * The database library re-reads every version declared so far as each is declared, so this costs tens
   * of milliseconds a connection (docs/benchmarks.md), paid only where an upgrade may be due.
   */
  private declareEveryVersion(): void {
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(this.upgrading(2, upgradeToV2));
    this.version(3).stores(SCHEMA_V3).upgrade(this.upgrading(3, upgradeToV3));
    this.version(4).stores(SCHEMA_V4).upgrade(this.upgrading(4, upgradeToV4));
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(this.upgrading(5, async () => {}));
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade(this.upgrading(6, async () => {}));
    // Only an index is added: IndexedDB builds it from the stored pairs, no record changes.
    this.version(7)
      .stores(SCHEMA_V7)
      .upgrade(this.upgrading(7, async () => {}));
    // New tables and an index only: no record changes, but the upgrade is confirmed like the others.
    this.version(8)
      .stores(SCHEMA_V8)
      .upgrade(this.upgrading(8, async () => undefined));
    this.version(9).stores(SCHEMA_V9).upgrade(this.upgrading(9, upgradeToV9));
    // New tables only: nothing to change in existing records, only the confirmation.
    this.version(10)
      .stores(SCHEMA_V10)
      .upgrade(this.upgrading(10, async () => {}));
    // New tables and an index of a field no record has yet: no record changes, only the confirmation.
    this.version(11)
      .stores(SCHEMA_V11)
      .upgrade(this.upgrading(11, async () => {}));
    // Dashboard summaries and derived index fields: nothing to change in the app's records, only beside them.
    this.version(12).stores(SCHEMA_V12).upgrade(this.upgrading(12, upgradeToV12));
    // An index of existing fields only: IndexedDB builds it from the stored responses, no record changes.
    this.version(13)
      .stores(SCHEMA_V13)
      .upgrade(this.upgrading(13, async () => {}));
    this.version(14).stores(SCHEMA_V14).upgrade(this.upgrading(14, upgradeToV14));
    this.version(15).stores(SCHEMA_V15).upgrade(this.upgrading(15, upgradeToV15));
    this.version(16).stores(SCHEMA_V16).upgrade(this.upgrading(16, upgradeToV16));
    // An index removed only: IndexedDB drops its entries, no record changes.
    this.version(17)
      .stores(SCHEMA_V17)
      .upgrade(this.upgrading(17, async () => {}));
    this.version(18).stores(SCHEMA_V18).upgrade(this.upgrading(18, upgradeToV18));
    this.version(19).stores(SCHEMA_V19).upgrade(this.upgrading(19, upgradeToV19));
    this.version(20).stores(SCHEMA_V20).upgrade(this.upgrading(20, upgradeToV20));
    // Indexes of fields every person already has: IndexedDB builds them, no record changes.
    this.version(21)
      .stores(SCHEMA_V21)
      .upgrade(this.upgrading(21, async () => {}));
    this.version(22).stores(SCHEMA_V22).upgrade(this.upgrading(22, upgradeToV22));
    this.version(23).stores(SCHEMA_V23).upgrade(this.upgrading(23, upgradeToV23));
    this.version(24).stores(SCHEMA_V24).upgrade(this.upgrading(24, upgradeToV24));
    // No record changes while the database opens: the sealed records are sealed again after the unlock.
    this.version(25)
      .stores(SCHEMA_V25)
      .upgrade(this.upgrading(25, async () => {}));
    // A new table only, empty: the digests are made by the first report that needs them.
    this.version(26)
      .stores(SCHEMA_V26)
      .upgrade(this.upgrading(26, async () => {}));
  }

  private upgrading(version: number, upgrade: (tx: Transaction) => Promise<void>) {
    return async (tx: Transaction) => {
      this.upgradedTo = version;
      await upgrade(tx);
    };
  }

  /**
   * IndexedDB gives the upgrade transaction itself no durability option. So an upgrade is followed,
   * before anything else reads the data, by a strict commit that records it in the audit log: that commit
   * reaches the disk only with everything written before it, the upgrade included.
   */
  private async confirmUpgrade(): Promise<void> {
    if (this.upgradedTo === null) return;
    const version = this.upgradedTo;
    this.upgradedTo = null;
    const strict = this.durability === 'strict' ? this : new GuidingHandsDb(this.name, 'strict');
    try {
      await strict.auditLog.add({
        at: new Date().toISOString(),
        table: 'settings',
        recordId: 'clinic',
        action: 'update',
        fields: ['schemaVersion'],
        detail: `Database upgraded to version ${version}.`,
      });
    } finally {
      if (strict !== this) strict.close();
    }
  }
}

/** The databases found at the current version before their first connection. */
const currentOnDisk = new Set<string>();

/**
 * Asks the browser which version each database is at, before the first connection is made: a database
 * at the current version needs none of the older versions' declarations and upgrades, and its
 * connections are made without them. Any other answer (an older version, a newer one, none yet, no
 * answer) leaves every version declared, as always. Called once by the page's entry; a connection
 * already made is not changed.
 */
export async function learnWhatIsOnDisk(names: readonly string[] = [DEFAULT_DB_NAME]): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  let found: IDBDatabaseInfo[];
  try {
    found = await indexedDB.databases();
  } catch {
    return;
  }
  for (const name of names) {
    // The library stores version n as n × 10. A database not listed gets every version all the same.
    if (found.some((database) => database.name === name && database.version === CURRENT_SCHEMA_VERSION * 10))
      currentOnDisk.add(name);
  }
}

/** Forgets what learnWhatIsOnDisk found (tests). */
export function forgetWhatIsOnDisk(): void {
  currentOnDisk.clear();
}

let current: GuidingHandsDb | null = null;
let strictTwin: GuidingHandsDb | null = null;

/** The app's database; tests point it at a fresh name with switchDatabase(). */
export function getDb(): GuidingHandsDb {
  if (!current) current = new GuidingHandsDb();
  return current;
}

/**
 * A second connection to the same database whose transactions commit strictly. Use it for a whole
 * transaction (its tables, never getDb()'s, inside it): a write through getDb() would run apart.
 */
export function getStrictDb(): GuidingHandsDb {
  const db = getDb();
  if (!strictTwin || strictTwin.name !== db.name) {
    strictTwin?.close();
    strictTwin = new GuidingHandsDb(db.name, 'strict');
  }
  return strictTwin;
}

/** Closes both connections, e.g. before the database is deleted. */
export function closeDatabase(): void {
  current?.close();
  strictTwin?.close();
  strictTwin = null;
}

export function switchDatabase(name: string): GuidingHandsDb {
  closeDatabase();
  current = new GuidingHandsDb(name);
  return current;
}
