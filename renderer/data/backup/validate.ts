import type { z } from 'zod';
import { type ActionItem, BUILT_IN_TOPICS, type Meeting, type Relationship } from '../../domain/types';
import { TABLE_NAMES, type TableName } from '../db';
import { type BackupIssue, InvalidBackupDataError } from './errors';
import { type BackupTables, PRIMARY_KEYS, recordSchemas } from './schemas';

// Checks every record of every table, then the links between them, before a restore may touch anything.
// The first problems found are reported by table, record and field, in plain words.

const MAX_REPORTED_ISSUES = 20;

export type RawTables = Record<TableName, unknown[]>;

class IssueList {
  readonly reported: BackupIssue[] = [];
  total = 0;
  add(issue: BackupIssue): void {
    this.total += 1;
    if (this.reported.length < MAX_REPORTED_ISSUES) this.reported.push(issue);
  }
}

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

function checkShapes(tables: RawTables, issues: IssueList): void {
  for (const table of TABLE_NAMES) {
    const schema = recordSchemas[table];
    const seen = new Set<string>();
    tables[table].forEach((record, index) => {
      const recordId = recordIdOf(table, record);
      const result = schema.safeParse(record);
      if (!result.success) {
        for (const problem of result.error.issues.slice(0, 3)) {
          issues.add({
            table,
            position: index + 1,
            recordId,
            field: problem.path.length ? problem.path.join('.') : null,
            problem: describeZodIssue(problem),
          });
        }
        return;
      }
      if (recordId !== null) {
        if (seen.has(recordId))
          issues.add({
            table,
            position: index + 1,
            recordId,
            field: PRIMARY_KEYS[table],
            problem: 'appears twice in the backup',
          });
        seen.add(recordId);
      }
    });
  }
}

function checkLinks(tables: BackupTables, issues: IssueList): void {
  const people = new Set(tables.people.map((person) => person.id));
  const programs = new Set(tables.programs.map((program) => program.id));
  const relationships = new Set(tables.relationships.map((relationship) => relationship.id));
  const meetingRelationship = new Map(tables.meetings.map((meeting) => [meeting.id, meeting.relationshipId]));
  // Built-in topics may be used before the topics table holds them (they are added on first use).
  const topics = new Set([
    ...tables.topics.map((topic) => topic.id),
    ...BUILT_IN_TOPICS.map((topic) => topic.id),
  ]);

  tables.relationships.forEach((relationship, index) => {
    const at = { table: 'relationships', position: index + 1, recordId: relationship.id };
    if (!programs.has(relationship.programId))
      issues.add({ ...at, field: 'programId', problem: 'points at a program that is not in the backup' });
    if (!people.has(relationship.mentorId))
      issues.add({ ...at, field: 'mentorId', problem: 'points at a mentor who is not in the backup' });
    if (!people.has(relationship.menteeId))
      issues.add({ ...at, field: 'menteeId', problem: 'points at a mentee who is not in the backup' });
    if (relationship.mentorId === relationship.menteeId)
      issues.add({ ...at, field: 'menteeId', problem: 'pairs a person with themselves' });
  });
  tables.meetings.forEach((meeting, index) => {
    const at = { table: 'meetings', position: index + 1, recordId: meeting.id };
    if (!relationships.has(meeting.relationshipId))
      issues.add({
        ...at,
        field: 'relationshipId',
        problem: 'points at a mentoring pair that is not in the backup',
      });
    const unknownTopic = meeting.topics.find((topic) => !topics.has(topic));
    if (unknownTopic !== undefined)
      issues.add({
        ...at,
        field: 'topics',
        problem: `uses a topic that is not in the backup ("${unknownTopic}")`,
      });
  });
  tables.actionItems.forEach((item, index) => {
    const at = { table: 'actionItems', position: index + 1, recordId: item.id };
    const meetingPair = meetingRelationship.get(item.meetingId);
    if (meetingPair === undefined)
      issues.add({ ...at, field: 'meetingId', problem: 'points at a meeting that is not in the backup' });
    else if (meetingPair !== item.relationshipId)
      issues.add({ ...at, field: 'relationshipId', problem: 'names a different pair than its meeting' });
  });
}

/**
 * Returns the tables, typed, when every record has the right shape and every link holds;
 * otherwise throws InvalidBackupDataError naming the first problems.
 */
export function validateTables(tables: RawTables): BackupTables {
  const issues = new IssueList();
  checkShapes(tables, issues);
  if (issues.total === 0) checkLinks(tables as unknown as BackupTables, issues);
  if (issues.total > 0) throw new InvalidBackupDataError(issues.reported, issues.total);
  return tables as unknown as BackupTables;
}

/**
 * The same checks as validateTables, one record at a time as a document is read, keeping only the keys
 * the links need (not the records). It only answers "all good?": at the first problem it says no, and
 * the caller reads the document whole and runs validateTables for the full report. Tables are expected
 * in the order a backup writes them (a link's target first); any other order is also a "no".
 */
export class RecordChecker {
  private readonly seen = new Map<TableName, Set<string>>();
  /** Pair id → a number standing for it, so a meeting keeps a small number, not a copy of the id. */
  private readonly relationships = new Map<string, number>();
  /** Meeting id → its pair's number. */
  private readonly meetingPairs = new Map<string, number>();
  private readonly topicsUsed = new Set<string>();
  private readonly topics = new Set<string>(BUILT_IN_TOPICS.map((topic) => topic.id));

  /** False when the record breaks a rule (or may: e.g. a link to a table not read yet). */
  check(table: TableName, record: unknown): boolean {
    if (!recordSchemas[table].safeParse(record).success) return false;
    const recordId = recordIdOf(table, record);
    if (recordId === null) return false;
    switch (table) {
      case 'relationships': {
        const pair = record as Relationship;
        if (this.relationships.has(pair.id)) return false;
        if (
          !this.seenIn('programs').has(pair.programId) ||
          !this.seenIn('people').has(pair.mentorId) ||
          !this.seenIn('people').has(pair.menteeId) ||
          pair.mentorId === pair.menteeId
        )
          return false;
        this.relationships.set(pair.id, this.relationships.size);
        return true;
      }
      case 'meetings': {
        const meeting = record as Meeting;
        const pair = this.relationships.get(meeting.relationshipId);
        if (pair === undefined || this.meetingPairs.has(meeting.id)) return false;
        for (const topic of meeting.topics) this.topicsUsed.add(topic);
        this.meetingPairs.set(meeting.id, pair);
        return true;
      }
      case 'actionItems': {
        const item = record as ActionItem;
        const pair = this.meetingPairs.get(item.meetingId);
        if (pair === undefined || pair !== this.relationships.get(item.relationshipId)) return false;
        break;
      }
      default:
        break;
    }
    const seen = this.seenIn(table);
    if (seen.has(recordId)) return false;
    seen.add(recordId);
    // Topics come after the meetings that use them: those links are checked in finish().
    if (table === 'topics') this.topics.add(recordId);
    return true;
  }

  private seenIn(table: TableName): Set<string> {
    let seen = this.seen.get(table);
    if (!seen) {
      seen = new Set();
      this.seen.set(table, seen);
    }
    return seen;
  }

  /** After the last record: the links that point forward. */
  finish(): boolean {
    for (const topic of this.topicsUsed) if (!this.topics.has(topic)) return false;
    return true;
  }
}
