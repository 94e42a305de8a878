import type { z } from 'zod';
import { BUILT_IN_TOPICS } from '../../domain/types';
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
