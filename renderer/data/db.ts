import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type {
  ActionItem,
  AuditEntry,
  ClinicSettings,
  Meeting,
  Person,
  Program,
  Relationship,
  Topic,
} from '../domain/types';

// The one Dexie database and its schema history. Only repositories (renderer/data/*.repo.ts) and the
// backup module import this file. Migration policy (docs/data-model.md): versions are only ever added,
// never edited; each version that changes data has an upgrade function and a test in test/data/.
// Note text and action-item text are never indexed.

export const DEFAULT_DB_NAME = 'guiding-hands';

export const TABLE_NAMES = [
  'people',
  'programs',
  'relationships',
  'meetings',
  'actionItems',
  'topics',
  'settings',
  'auditLog',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Version 1: the first schema. Kept verbatim: a Dexie version is never edited once shipped. */
export const SCHEMA_V1: Record<TableName, string> = {
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
export const SCHEMA_V2: Record<TableName, string> = {
  ...SCHEMA_V1,
  relationships: 'id, programId, mentorId, menteeId, status, lastMeetingDate',
};

export const CURRENT_SCHEMA_VERSION = 2;

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

export class GuidingHandsDb extends Dexie {
  people!: EntityTable<Person, 'id'>;
  programs!: EntityTable<Program, 'id'>;
  relationships!: EntityTable<Relationship, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  actionItems!: EntityTable<ActionItem, 'id'>;
  topics!: EntityTable<Topic, 'id'>;
  settings!: EntityTable<ClinicSettings, 'key'>;
  auditLog!: EntityTable<AuditEntry, 'seq'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
}

let current: GuidingHandsDb | null = null;

/** The app's database; tests point it at a fresh name with switchDatabase(). */
export function getDb(): GuidingHandsDb {
  if (!current) current = new GuidingHandsDb();
  return current;
}

export function switchDatabase(name: string): GuidingHandsDb {
  current?.close();
  current = new GuidingHandsDb(name);
  return current;
}
