import Dexie from 'dexie';
import { BUILT_IN_QUESTIONNAIRES } from '../domain/questionnaires/built-in';
import type { AnsweredKey } from '../domain/questionnaires/schedule';
import type { ReportMilestone } from '../domain/reports/milestone-debriefs';
import type { ReportQuestionnaireData } from '../domain/reports/questionnaires';
import {
  type ReportActionItem,
  type ReportData,
  type ReportMeeting,
  relationshipsNeedingEarlierMeeting,
} from '../domain/reports/report-data';
import type { Id, IsoDate, PaperSize, Program, Relationship } from '../domain/types';
import { type GuidingHandsDb, getDb } from './db';
import { openRecordsInBulk } from './lock/bulk-crypto';
import { SEALED_RECORD_FIELD } from './lock/seal';
import { hasSealedValue, openRecord } from './lock/sealing';
import {
  byKeys,
  goalsOfPeriod,
  keysWithin,
  readMonth,
  readTable,
  saveDigests,
  type UnsavedDigests,
} from './report-digest-reads';
import { EVERY_DIGEST } from './report-digests';
import { type DigestPair, digestPair, reportPerson, reportResponse, SharedValues } from './report-records';
import { getSettings } from './settings.repo';
import type { RelationshipPlanFields } from './summary-fields';

// Loads what an accreditation report needs, as plain data. Meetings and their action items come a
// calendar month at a time (so the screen can say how far it got): from the month's digest (one record,
// report-digests.ts) where one is kept, else through the date index and the index of each item's meeting
// date, the month then saved as a digest for the next report; so do the month's questionnaire responses
// (through their answer-date index). Goals come as the period's figures need them. Meetings and action items
// are read raw: the reading hooks that would open sealed note and action-item text (the clinic lock) are
// skipped, and that text is dropped here, before anything reaches a report. Every record is kept as a
// lean copy (report-records.ts): the fields a report uses, each repeated string held once.
// Who answered each pair's scheduled questionnaires before the period comes from the pairs' own summary
// of their answers (summary-fields.ts).

/** How far loading a report's data has got, for a progress bar the manager can read. */
export type ReportLoadProgress =
  | { step: 'records' }
  | { step: 'meetings'; monthsRead: number; months: number; meetingsRead: number }
  | { step: 'follow-up' };

export interface LoadReportOptions {
  /** The connection to read through; the app's database when absent (a worker passes its own). */
  db?: GuidingHandsDb;
  onProgress?: (progress: ReportLoadProgress) => void;
  /** Called between reads; throwing stops the load (e.g. when the manager chose another period). */
  checkStillWanted?: () => void;
  /**
   * Opens the sealed end reasons (clinic lock) where the clinic's key is: a worker has no key, so it
   * asks the window. Absent: opened here.
   */
  openEndReasons?: OpenEndReasons;
  /**
   * Opens, in place, the sealed answers of the period's questionnaire responses (clinic lock): a worker
   * is lent the data key for it. Absent: opened with this thread's key.
   */
  openResponses?: OpenResponses;
  /**
   * False: everything is read from the records, and no digest is read or saved (tests and benchmarks
   * compare the two). Absent: the digests are used and kept (report-digests.ts).
   */
  digests?: boolean;
}

export type OpenResponses = (responses: Record<string, unknown>[]) => Promise<void>;

/** Opens responses' sealed answers with this thread's key; one that does not open counts as empty. */
export const openResponsesHere: OpenResponses = (responses) =>
  openRecordsInBulk('responses', responses, () => undefined);

/**
 * A pair's end reason as stored: sealed while the clinic lock is on, with the pair's other sealed field
 * (since schema version 25, both in SEALED_RECORD_FIELD).
 */
export interface StoredEndReason {
  id: string;
  endReason: unknown;
  [SEALED_RECORD_FIELD]?: unknown;
}

/** The sealed fields a stored pair keeps together (schema version 25), if any. */
function sealedFieldsOf(pair: Relationship): unknown {
  return (pair as unknown as Record<string, unknown>)[SEALED_RECORD_FIELD];
}
export type OpenEndReasons = (
  pairs: StoredEndReason[],
) => Promise<{ id: string; endReason: string | null }[]>;

/** Opens sealed end reasons with the key this thread holds (the window's, while unlocked). */
export const openEndReasonsHere: OpenEndReasons = async (pairs) =>
  pairs.map((pair) => {
    const opened = openRecord('relationships', { ...pair });
    return { id: pair.id, endReason: typeof opened.endReason === 'string' ? opened.endReason : null };
  });

/** The digests the last report of each connection is saving, if any. */
const savingDigests = new WeakMap<GuidingHandsDb, Promise<void>>();

/** Settles once the digests the last report made on `db` are saved (or could not be). */
export function digestsSaved(db: GuidingHandsDb = getDb()): Promise<void> {
  return savingDigests.get(db) ?? Promise.resolve();
}

/** Everything for a report over [start, end]; both days included. */
export async function loadReportData(
  range: { start: IsoDate; end: IsoDate },
  options: LoadReportOptions = {},
): Promise<ReportData> {
  const db = options.db ?? getDb();
  const progress = options.onProgress ?? (() => undefined);
  const check = options.checkStillWanted ?? (() => undefined);
  // Each repeated id, day and list of topics is kept once (report-records.ts); each month's meetings are
  // made lean as they arrive, so the stored ones go as soon as the month is read.
  // A report asked while the last one's digests are being saved reads them once saved.
  await digestsSaved(db);
  const shared = new SharedValues();
  const digests = options.digests !== false;
  let unsaved: UnsavedDigests = { everyStamp: null, digests: [] };
  const data = await db.transaction(
    'r',
    [
      db.people,
      db.programs,
      db.relationships,
      db.meetings,
      db.actionItems,
      db.topics,
      db.goalAreas,
      db.goals,
      db.goalProgress,
      db.settings,
      db.trainingRecords,
      db.milestones,
      db.questionnaires,
      db.responses,
      db.reportDigests,
    ],
    async () => {
      progress({ step: 'records' });
      // Every read is asked for at once, so the database reads ahead while this thread takes each
      // answer in; the meetings come a month at a time, each month told as it arrives.
      const months = monthSpans(range.start, range.end);
      let monthsRead = 0;
      let meetingsRead = 0;
      const firstReads = Promise.all([
        getSettings(db),
        // Raw: people hold no sealed field, and the fields the reading hook would hide are not kept.
        readTable(
          db,
          'people',
          async () =>
            (await db.people.toCollection().raw().toArray()).map((person) => reportPerson(person, shared)),
          digests,
          shared,
        ),
        db.programs.toArray(),
        // Raw, like meetings: the reading hook would open sealed reasons, which a worker cannot. With
        // the summaries read below (whether each has a plan, who answered what), no index field.
        readTable<DigestPair>(
          db,
          'relationships',
          async (range) =>
            (await keysWithin(db.relationships, range).raw().toArray()).map((pair) =>
              digestPair(pair, shared),
            ),
          digests,
          shared,
        ),
        db.topics.toArray(),
        // Dates and hours only are kept; training records hold no sealed field.
        readTable(
          db,
          'trainingRecords',
          async () =>
            (await db.trainingRecords.toCollection().raw().toArray()).map(
              ({ personId, completedOn, hours, renewBy }) => ({ personId, completedOn, hours, renewBy }),
            ),
          digests,
          shared,
        ),
        db.questionnaires.toArray(),
        // Whether every digest was dropped since (a digest made below is saved only if not).
        digests ? db.reportDigests.get(EVERY_DIGEST) : Promise.resolve(undefined),
        ...months.map((month) =>
          readMonth(db, month, shared, digests).then((read) => {
            check();
            monthsRead++;
            meetingsRead += read.meetings.length;
            progress({ step: 'meetings', monthsRead, months: months.length, meetingsRead });
            return read;
          }),
        ),
      ]);
      // Then the follow-up records (goals, milestones), asked for behind them so the database reads on.
      // Raw, so no goal text, progress note or milestone description is even opened; dropped at once.
      const followUp = Promise.all([
        db.goalAreas.toArray(),
        readTable(db, 'milestones', () => loadReportMilestones(db), digests, shared),
      ]);
      // Awaited below; a first read that fails (or a newer choice) must not leave this one unhandled.
      followUp.catch(() => undefined);
      const [
        settings,
        peopleRead,
        programs,
        pairsRead,
        topics,
        trainingRead,
        clinicQuestionnaires,
        every,
        ...monthly
      ] = await firstReads;
      const people = peopleRead.rows;
      const relationships = pairsRead.rows;
      const training = trainingRead.rows;
      check();
      const meetings: ReportMeeting[] = monthly.flatMap((read) => read.meetings);
      // The period's answers only (the pairs' summary says who answered before it); as stored, opened below.
      const storedResponses = monthly.flatMap((read) => read.responses);
      const tablesRead = [peopleRead, pairsRead, trainingRead];
      const plannedRead = pairsPlannedByDay(db, range.end, relationships);
      plannedRead.catch(() => undefined);

      progress({ step: 'follow-up' });
      const [goalAreas, milestonesRead] = await followUp;
      const milestones = milestonesRead.rows;
      unsaved = {
        everyStamp: every?.stamp ?? null,
        digests: [
          ...[...tablesRead, milestonesRead].flatMap((read) => read.unsaved),
          ...monthly.flatMap((read) => (read.unsaved ? [read.unsaved] : [])),
        ],
      };
      // The goals set or achieved in the period, with the achieved ones' histories (from the months).
      const periodGoals = goalsOfPeriod(monthly);
      // Already as a report keeps them, their strings shared: counted so (report-digest-reads.ts), or
      // unpacked from a digest of what was counted so.
      const goals = periodGoals.goals;
      const goalProgress = periodGoals.history;
      const pairsPlannedBy = await plannedRead;
      // As a report keeps them already (counted so, or unpacked so), those of the meetings read: a month's
      // items are those whose meeting's day is within the span read.
      const actionItems: ReportActionItem[] = monthly.flatMap((read) => read.actionItems);
      check();

      // Only pairs that met after the period began but not within it need a look further back.
      const lastMeetingBeforeRange: Record<string, IsoDate> = {};
      for (const id of relationshipsNeedingEarlierMeeting(relationships, meetings, range.start)) {
        const last = await db.meetings
          .where('[relationshipId+date]')
          .between([id, Dexie.minKey], [id, range.start], true, false)
          .raw()
          .last();
        if (last) lastMeetingBeforeRange[id] = last.date;
      }

      // The people were read as a report keeps them (above); the pairs lose the summaries read beside them
      // (their strings already shared: nothing to share again).
      const pairs: Relationship[] = relationships.map(({ hasGoal: _, answered: __, ...pair }) => pair);
      const questionnaires: ReportQuestionnaireData = {
        questionnaires: [...BUILT_IN_QUESTIONNAIRES, ...clinicQuestionnaires],
        // As stored until opened and made lean below, outside the transaction.
        responses: storedResponses as unknown as ReportQuestionnaireData['responses'],
        answered: answeredFromSummaries(relationships),
      };
      return {
        questionnaires,
        clinicName: settings.clinicName,
        paperSize: settings.paperSize,
        people,
        programs,
        relationships: pairs,
        topics,
        meetingRange: { start: range.start, end: range.end },
        meetings,
        actionItems,
        lastMeetingBeforeRange,
        trainingRecords: training.map(({ personId, completedOn, hours, renewBy }) => ({
          personId,
          completedOn,
          hours,
          renewBy,
        })),
        milestones,
        goalAreas,
        goals,
        goalProgress,
        pairsPlannedBy,
      };
    },
  );
  // What was counted from the records is kept for the next report, after this one is on its way (saving
  // large digests takes seconds at a large clinic), and never a reason for this one to fail.
  if (unsaved.digests.length > 0)
    savingDigests.set(
      db,
      saveDigests(db, unsaved).catch(() => undefined),
    );
  // Outside the transaction: opening may wait on the window, and a transaction cannot wait.
  const questionnaireData = data.questionnaires as ReportQuestionnaireData;
  const stored = questionnaireData.responses as unknown as Record<string, unknown>[];
  const sealedResponses = new Set(stored.filter((response) => hasSealedValue('responses', response)));
  if (sealedResponses.size > 0) await (options.openResponses ?? openResponsesHere)(stored);
  // A plain response was read as a report keeps it (report-digest-reads.ts); an opened one is made so.
  questionnaireData.responses = stored.map((response) =>
    sealedResponses.has(response)
      ? reportResponse(response, shared)
      : (response as unknown as ReportQuestionnaireData['responses'][number]),
  );
  const sealed = data.relationships.filter((pair) =>
    hasSealedValue('relationships', pair as unknown as Record<string, unknown>),
  );
  if (sealed.length > 0) {
    const opened = new Map(
      (
        await (options.openEndReasons ?? openEndReasonsHere)(
          sealed.map((pair) => ({
            id: pair.id,
            endReason: pair.endReason,
            [SEALED_RECORD_FIELD]: sealedFieldsOf(pair),
          })),
        )
      ).map((pair) => [pair.id, pair.endReason]),
    );
    data.relationships = data.relationships.map((pair) => {
      if (!opened.has(pair.id)) return pair;
      const open: Relationship = { ...pair, endReason: opened.get(pair.id) ?? null };
      delete (open as unknown as Record<string, unknown>)[SEALED_RECORD_FIELD];
      return open;
    });
  }
  return data;
}

/**
 * The pairs with a goal set on or before `day`. Each pair's summary says whether it has a goal at all
 * (`hasGoal`, summary-fields.ts), so only the side of the set-date index past `day` is read — the goals
 * set later, and every goal of their pairs to see whether one came earlier — while those are few (a
 * quarter of the pairs at most); otherwise the goals set by `day` are read instead.
 */
export async function pairsPlannedByDay(
  db: GuidingHandsDb,
  day: IsoDate,
  pairs: readonly Relationship[],
): Promise<Id[]> {
  const few = Math.max(1, Math.floor(pairs.length / 4));
  const laterGoals = await db.goals.where('setDate').above(day).limit(few).raw().toArray();
  if (laterGoals.length >= few) {
    const earlier = await db.goals.where('setDate').belowOrEqual(day).raw().toArray();
    return [...new Set(earlier.map((goal) => goal.relationshipId))];
  }
  const unsure = [...new Set(laterGoals.map((goal) => goal.relationshipId))];
  const theirGoals = await byKeys(db.goals, 'relationshipId', unsure);
  const planned = new Set(
    theirGoals.filter((goal) => goal.setDate <= day).map((goal) => goal.relationshipId),
  );
  const unsureSet = new Set(unsure);
  for (const pair of pairs)
    if ((pair as Relationship & RelationshipPlanFields).hasGoal && !unsureSet.has(pair.id))
      planned.add(pair.id);
  return [...planned];
}

/**
 * Every milestone without its description, with the date of its first debrief meeting. Read raw, like
 * meetings: the sealed description and notes are never opened, only dropped.
 */
async function loadReportMilestones(db: GuidingHandsDb): Promise<ReportMilestone[]> {
  const firstDebrief = new Map<string, IsoDate>();
  // Only debrief meetings are in the milestone index, a handful beside all meetings.
  const debriefs = await db.meetings.where('milestoneId').above('').raw().toArray();
  for (const meeting of debriefs) {
    if (!meeting.milestoneId) continue;
    const known = firstDebrief.get(meeting.milestoneId);
    if (!known || meeting.date < known) firstDebrief.set(meeting.milestoneId, meeting.date);
  }
  return (await db.milestones.toCollection().raw().toArray()).map((milestone) => ({
    id: milestone.id,
    relationshipId: milestone.relationshipId,
    menteeId: milestone.menteeId,
    typeId: milestone.typeId,
    date: milestone.date,
    debriefWithinDays: milestone.debriefWithinDays,
    debriefDate: firstDebrief.get(milestone.id) ?? null,
  }));
}

/** The calendar months (cut to the range) that [start, end] touches, in order. */
export function monthSpans(start: IsoDate, end: IsoDate): { start: IsoDate; end: IsoDate }[] {
  const spans: { start: IsoDate; end: IsoDate }[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  let from = start;
  while (from <= end) {
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    const next = `${String(nextYear).padStart(4, '0')}-${String(nextMonth).padStart(2, '0')}-01`;
    const last = previousDay(next);
    spans.push({ start: from, end: last < end ? last : end });
    from = next;
    year = nextYear;
    month = nextMonth;
  }
  return spans;
}

function previousDay(firstOfMonth: IsoDate): IsoDate {
  const date = new Date(`${firstOfMonth}T00:00:00Z`);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export interface ReportChoices {
  clinicName: string;
  paperSize: PaperSize;
  programs: Program[];
  /** The first meeting ever logged, to offer sensible years; null when none yet. */
  firstMeetingDate: IsoDate | null;
}

/**
 * What the report screen's controls offer: small tables only, so the controls show at once. (The
 * mentors for a recognition letter come with the report, which reads every person anyway.)
 */
export async function loadReportChoices(): Promise<ReportChoices> {
  const db = getDb();
  return db.transaction('r', [db.programs, db.meetings, db.settings], async () => {
    const [settings, programs, firstMeeting] = await Promise.all([
      getSettings(),
      db.programs.toArray(),
      db.meetings.orderBy('date').raw().first(),
    ]);
    return {
      clinicName: settings.clinicName,
      paperSize: settings.paperSize,
      programs: programs.sort((a, b) => a.name.localeCompare(b.name)),
      firstMeetingDate: firstMeeting?.date ?? null,
    };
  });
}

/**
 * Who answered which pair's scheduled questionnaire, from each pair's summary of its answers
 * (`questionnaireAnswers`, kept with every response written: summary-fields.ts; split by `digestPair`), so
 * that no response outside the period is read.
 */
function answeredFromSummaries(pairs: readonly DigestPair[]): AnsweredKey[] {
  const answered: AnsweredKey[] = [];
  for (const pair of pairs) {
    for (const { checkpoint, personId } of pair.answered ?? [])
      answered.push({ relationshipId: pair.id, checkpoint, personId });
  }
  return answered;
}
