import type { z } from 'zod';
import { BUILT_IN_GOAL_AREA_IDS } from '../../domain/goal-areas';
import { checkAnswers } from '../../domain/questionnaires/answers';
import { BUILT_IN_QUESTIONNAIRES } from '../../domain/questionnaires/built-in';
import type {
  ClinicQuestionnaire,
  QuestionnaireDefinition,
  QuestionnaireResponse,
  SupportRequest,
} from '../../domain/questionnaires/types';
import { RuleError } from '../../domain/rules';
import {
  type ActionItem,
  BUILT_IN_MILESTONE_TYPES,
  BUILT_IN_TOPICS,
  type Goal,
  type GoalProgress,
  type Meeting,
  type Milestone,
  type Recognition,
  type Relationship,
  type TrainingRecord,
} from '../../domain/types';
import { TABLE_NAMES, type TableName } from '../db';
import { type BackupIssue, InvalidBackupDataError } from './errors';
import { ruleProblems } from './record-rules';
import { type BackupTables, PRIMARY_KEYS, recordSchemas } from './schemas';

// The one check of a backup's records: the shape of each record, the app's own rules, then the links
// between them. It runs record by record as a document is read (or written), keeping only the keys the
// links need, never the records, and names the first problems found by table, record and field.

const MAX_REPORTED_ISSUES = 20;

export type RawTables = Record<TableName, unknown[]>;

/** The tables did not come in the order a backup writes them (a link's target first). */
export class TablesOutOfOrder extends Error {}

function recordIdOf(table: TableName, record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const key = (record as Record<string, unknown>)[PRIMARY_KEYS[table]];
  return typeof key === 'string' || typeof key === 'number' ? String(key) : null;
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has fields the app does not know: ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type') return `should be ${issue.expected}`;
  if (issue.code === 'invalid_value') return `should be one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'custom') return issue.message;
  return issue.message.replace(/^Invalid input: /, '');
}

type Where = Pick<BackupIssue, 'table' | 'position' | 'recordId'>;

/**
 * Checks the records of a backup one at a time, in the order a backup writes its tables (TABLE_NAMES).
 * Links point backwards (a pair's people and program come before it) except a meeting's topics, which
 * are checked in finish().
 */
export class BackupValidator {
  readonly issues: BackupIssue[] = [];
  totalIssues = 0;
  private tableIndex = 0;
  private readonly positions = new Map<TableName, number>();
  private readonly seen = new Map<TableName, Set<string>>();
  /** Pair id → a number standing for it, so a meeting keeps a small number, not a copy of the id. */
  private readonly relationships = new Map<string, number>();
  /** Meeting id → its pair's number (-1 when the pair is not in the backup). */
  private readonly meetingPairs = new Map<string, number>();
  /** Topic → the first meeting that uses it, to name it if the topic is missing. */
  private readonly topicsUsed = new Map<string, Where>();
  private readonly topics = new Set<string>(BUILT_IN_TOPICS.map((topic) => topic.id));
  /** Questionnaires answers may belong to: the built-in ones and the clinic's own (few, kept whole). */
  private readonly questionnaires = new Map<string, QuestionnaireDefinition>(
    BUILT_IN_QUESTIONNAIRES.map((questionnaire) => [questionnaire.id, questionnaire]),
  );
  private readonly milestoneTypes = new Set<string>(BUILT_IN_MILESTONE_TYPES.map((type) => type.id));
  /** Milestone id → its pair's number (-1 when the pair is not in the backup). */
  private readonly milestonePairs = new Map<string, number>();
  /** A guide's topic → where the guide is, checked once every topic is known. */
  private readonly guideTopics = new Map<string, Where>();
  /** Goal id → its pair's number (-1 when the pair is not in the backup). */
  private readonly goalPairs = new Map<string, number>();

  /**
   * `rules: false` leaves out the app's own rules (shape, keys and links are always checked): for a
   * safety copy, which must put back the records exactly as they were, even ones from before a rule.
   */
  constructor(private readonly options: { rules: boolean } = { rules: true }) {}

  private add(issue: BackupIssue): void {
    this.totalIssues += 1;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(issue);
  }

  /**
   * A sealed field of the record just checked could not be opened as the backup was made (damaged, or
   * copied from another record): it is left out of the backup, which is then marked "needs repair".
   */
  unopened(table: TableName, recordId: string, field: string): void {
    this.add({
      table,
      position: this.positions.get(table) ?? 0,
      recordId,
      field,
      problem:
        'could not be opened (it was damaged or belongs to another record) and was left out of this backup',
    });
  }

  get valid(): boolean {
    return this.totalIssues === 0;
  }

  /** Checks one record; false when it breaks a rule (the problems are added to `issues`). */
  check(table: TableName, record: unknown): boolean {
    const index = TABLE_NAMES.indexOf(table);
    if (index < this.tableIndex) throw new TablesOutOfOrder();
    this.tableIndex = index;
    const position = (this.positions.get(table) ?? 0) + 1;
    this.positions.set(table, position);
    const recordId = recordIdOf(table, record);
    const at: Where = { table, position, recordId };
    const before = this.totalIssues;
    const result = recordSchemas[table].safeParse(record);
    if (!result.success) {
      for (const problem of result.error.issues.slice(0, 3))
        this.add({
          ...at,
          field: problem.path.length ? problem.path.join('.') : null,
          problem: describeZodIssue(problem),
        });
      // Known by its key all the same, so the records that point at it are not blamed as well.
      if (recordId !== null) this.seenIn(table).add(recordId);
      return false;
    }
    if (recordId === null) return false;
    const seen = this.seenIn(table);
    if (seen.has(recordId))
      this.add({ ...at, field: PRIMARY_KEYS[table], problem: 'appears twice in the backup' });
    seen.add(recordId);
    if (this.options.rules) for (const broken of ruleProblems(table, record)) this.add({ ...at, ...broken });
    this.checkLinks(table, record, at);
    return this.totalIssues === before;
  }

  private checkLinks(table: TableName, record: unknown, at: Where): void {
    switch (table) {
      case 'relationships': {
        const pair = record as Relationship;
        if (!this.seenIn('programs').has(pair.programId))
          this.add({ ...at, field: 'programId', problem: 'points at a program that is not in the backup' });
        if (!this.seenIn('people').has(pair.mentorId))
          this.add({ ...at, field: 'mentorId', problem: 'points at a mentor who is not in the backup' });
        if (!this.seenIn('people').has(pair.menteeId))
          this.add({ ...at, field: 'menteeId', problem: 'points at a mentee who is not in the backup' });
        if (pair.mentorId === pair.menteeId)
          this.add({ ...at, field: 'menteeId', problem: 'pairs a person with themselves' });
        if (!this.relationships.has(pair.id)) this.relationships.set(pair.id, this.relationships.size);
        return;
      }
      case 'milestoneTypes':
        this.milestoneTypes.add((record as { id: string }).id);
        return;
      case 'milestones': {
        const milestone = record as Milestone;
        const pair = this.relationships.get(milestone.relationshipId);
        if (pair === undefined)
          this.add({
            ...at,
            field: 'relationshipId',
            problem: 'points at a mentoring pair that is not in the backup',
          });
        if (!this.seenIn('people').has(milestone.menteeId))
          this.add({ ...at, field: 'menteeId', problem: 'points at a mentee who is not in the backup' });
        if (!this.milestoneTypes.has(milestone.typeId))
          this.add({
            ...at,
            field: 'typeId',
            problem: 'points at a kind of milestone that is not in the backup',
          });
        this.milestonePairs.set(milestone.id, pair ?? -1);
        return;
      }
      case 'meetings': {
        const meeting = record as Meeting;
        const pair = this.relationships.get(meeting.relationshipId);
        if (pair === undefined)
          this.add({
            ...at,
            field: 'relationshipId',
            problem: 'points at a mentoring pair that is not in the backup',
          });
        if (meeting.milestoneId !== undefined) {
          const milestonePair = this.milestonePairs.get(meeting.milestoneId);
          if (milestonePair === undefined)
            this.add({
              ...at,
              field: 'milestoneId',
              problem: 'points at a milestone that is not in the backup',
            });
          else if (milestonePair !== (pair ?? -1))
            this.add({ ...at, field: 'milestoneId', problem: 'debriefs a milestone of a different pair' });
        }
        for (const topic of meeting.topics) if (!this.topicsUsed.has(topic)) this.topicsUsed.set(topic, at);
        this.meetingPairs.set(meeting.id, pair ?? -1);
        return;
      }
      case 'actionItems': {
        const item = record as ActionItem;
        const meetingPair = this.meetingPairs.get(item.meetingId);
        if (meetingPair === undefined)
          this.add({ ...at, field: 'meetingId', problem: 'points at a meeting that is not in the backup' });
        else if (meetingPair !== this.relationships.get(item.relationshipId))
          this.add({ ...at, field: 'relationshipId', problem: 'names a different pair than its meeting' });
        return;
      }
      case 'topics':
        this.topics.add((record as { id: string }).id);
        return;
      case 'trainingRecords': {
        const training = record as TrainingRecord;
        if (!this.seenIn('people').has(training.personId))
          this.add({ ...at, field: 'personId', problem: 'points at a person who is not in the backup' });
        if (!this.seenIn('trainingCourses').has(training.courseId))
          this.add({
            ...at,
            field: 'courseId',
            problem: 'points at a training course that is not in the backup',
          });
        return;
      }
      case 'recognitions':
        if (!this.seenIn('people').has((record as Recognition).personId))
          this.add({ ...at, field: 'personId', problem: 'points at a person who is not in the backup' });
        return;
      case 'questionnaires': {
        const questionnaire = record as ClinicQuestionnaire;
        this.questionnaires.set(questionnaire.id, questionnaire);
        return;
      }
      case 'responses':
        this.checkResponse(record as QuestionnaireResponse, at);
        return;
      case 'supportRequests':
        if (!this.seenIn('people').has((record as SupportRequest).personId))
          this.add({ ...at, field: 'personId', problem: 'points at a person who is not in the backup' });
        return;
      case 'meetingGuides':
        this.guideTopics.set((record as { id: string }).id, at);
        return;
      case 'goals': {
        const goal = record as Goal;
        const pair = this.relationships.get(goal.relationshipId);
        if (pair === undefined)
          this.add({
            ...at,
            field: 'relationshipId',
            problem: 'points at a mentoring pair that is not in the backup',
          });
        if (!BUILT_IN_GOAL_AREA_IDS.has(goal.areaId) && !this.seenIn('goalAreas').has(goal.areaId))
          this.add({ ...at, field: 'areaId', problem: 'points at a goal area that is not in the backup' });
        this.goalPairs.set(goal.id, pair ?? -1);
        return;
      }
      case 'goalProgress': {
        const entry = record as GoalProgress;
        const goalPair = this.goalPairs.get(entry.goalId);
        if (goalPair === undefined)
          this.add({ ...at, field: 'goalId', problem: 'points at a goal that is not in the backup' });
        else if (goalPair !== this.relationships.get(entry.relationshipId))
          this.add({ ...at, field: 'relationshipId', problem: 'names a different pair than its goal' });
        if (entry.meetingId !== null && this.meetingPairs.get(entry.meetingId) === undefined)
          this.add({ ...at, field: 'meetingId', problem: 'points at a meeting that is not in the backup' });
        return;
      }
      default:
        return;
    }
  }

  private checkResponse(response: QuestionnaireResponse, at: Where): void {
    if (!this.seenIn('people').has(response.personId))
      this.add({ ...at, field: 'personId', problem: 'points at a person who is not in the backup' });
    if (response.relationshipId !== null && !this.relationships.has(response.relationshipId))
      this.add({
        ...at,
        field: 'relationshipId',
        problem: 'points at a mentoring pair that is not in the backup',
      });
    const questionnaire = this.questionnaires.get(response.questionnaireId);
    if (!questionnaire) {
      this.add({
        ...at,
        field: 'questionnaireId',
        problem: 'points at a questionnaire that is not in the backup',
      });
      return;
    }
    if (!this.options.rules) return;
    // No answer at all: the app never saves such a response, so these were erased with the clinic
    // lock's sealed text (both its passphrase and its recovery sheet lost). It still counts as a response.
    if (Object.keys(response.answers).length === 0) return;
    try {
      checkAnswers(questionnaire, response.answers);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      // The message names the field only: an answer itself never goes into a message or a log.
      this.add({ ...at, field: 'answers', problem: 'do not fit the questionnaire they answer' });
    }
  }

  private seenIn(table: TableName): Set<string> {
    let seen = this.seen.get(table);
    if (!seen) {
      seen = new Set();
      this.seen.set(table, seen);
    }
    return seen;
  }

  /** After the last record: the links that point forward (a meeting's topics) or wait for every topic. */
  finish(): void {
    for (const [topic, at] of this.guideTopics)
      if (!this.topics.has(topic))
        this.add({
          ...at,
          field: 'id',
          problem: `is the guide of a topic that is not in the backup ("${topic}")`,
        });
    for (const [topic, at] of this.topicsUsed)
      if (!this.topics.has(topic))
        this.add({ ...at, field: 'topics', problem: `uses a topic that is not in the backup ("${topic}")` });
  }

  /** Throws InvalidBackupDataError naming the first problems, if there were any. */
  throwIfInvalid(): void {
    if (this.totalIssues > 0) throw new InvalidBackupDataError(this.issues, this.totalIssues);
  }
}

/**
 * Returns the tables, typed, when every record has the right shape and every link holds;
 * otherwise throws InvalidBackupDataError naming the first problems.
 */
export function validateTables(tables: RawTables, options = { rules: true }): BackupTables {
  const validator = new BackupValidator(options);
  for (const table of TABLE_NAMES) for (const record of tables[table] ?? []) validator.check(table, record);
  validator.finish();
  validator.throwIfInvalid();
  return tables as unknown as BackupTables;
}
