import { digestsSaved, loadReportData } from '../../renderer/data/reports.repo';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, vi } from 'vitest';
import { closeDatabase, type GuidingHandsDb, getDb, switchDatabase } from '../../renderer/data/db';
import { createLock } from '../../renderer/data/lock/keyring';
import {
  isSealed,
  openSync,
  readPath,
  SEALED_RECORD_FIELD,
  SEALED_RECORD_PATH,
  sealContext,
} from '../../renderer/data/lock/seal';
import { sealClinic } from '../../renderer/data/lock/seal-all';
import { sealsTogether } from '../../renderer/data/lock/sealed-fields';
import { dataKey, setLockMode } from '../../renderer/data/lock/session';
import { createPerson, type PersonInput } from '../../renderer/data/people.repo';
import { createProgram, type ProgramInput } from '../../renderer/data/programs.repo';
import { createRelationship, type RelationshipInput } from '../../renderer/data/relationships.repo';
import type { ReportRequest } from '../../renderer/data/report-engine';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import type { MeetingInput } from '../../renderer/domain/rules';
import type { AuditEntry, Id, Person, Program, Relationship } from '../../renderer/domain/types';
import { personInput } from '../fixtures/people';

// Shared set-up for the data-layer tests: every test gets its own empty IndexedDB database
// (fake-indexeddb), and a fixed "today" so that rules about future meetings are deterministic.

/** The date the repositories believe is today in these tests. */
export const TODAY = '2024-06-15';

/**
 * True in the second configuration of the data tests ("locked" in vitest.config.ts): every suite runs
 * again with the clinic lock on and unlocked, so sealing must change nothing the app sees.
 */
export const LOCKED_CONFIGURATION = process.env.GH_TEST_LOCK === 'on';

/** A light scrypt cost for passphrases set in tests: each derivation takes milliseconds. */
export const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };

/** The passphrase of the lock the locked configuration turns on for each fresh database. */
export const TEST_CLINIC_PASSPHRASE = 'test clinic passphrase';

/** Gives each test a fresh, empty database; returns a getter for the current one. */
export function freshDatabasePerTest(): () => GuidingHandsDb {
  beforeEach(async () => {
    const db = switchDatabase(`test-${crypto.randomUUID()}`);
    if (LOCKED_CONFIGURATION) {
      await createLock(db.name, TEST_CLINIC_PASSPHRASE, FAST_SCRYPT);
      await sealClinic(db);
    }
  });
  afterEach(async () => {
    const db = getDb();
    closeDatabase();
    setLockMode('off');
    await db.delete();
  });
  return getDb;
}

/** Freezes only the clock (not timers, which IndexedDB's fake relies on) at midday on TODAY. */
export function fixTodayPerTest(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${TODAY}T12:00:00`));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

export { personInput };

export function menteeInput(overrides: Partial<PersonInput> = {}): PersonInput {
  return personInput({
    name: 'Liam Chen',
    email: 'liam.chen@clinic.example',
    careerStage: 'new-graduate',
    hireDate: '2024-01-08',
    tags: [],
    isMentor: false,
    isMentee: true,
    mentorCapacity: 0,
    ...overrides,
  });
}

export function programInput(overrides: Partial<ProgramInput> = {}): ProgramInput {
  return { name: 'New-graduate nurse residency', cadenceDays: 14, typicalLengthMonths: 12, ...overrides };
}

export interface SeededPair {
  program: Program;
  mentor: Person;
  mentee: Person;
  relationship: Relationship;
}

/** A program, a mentor, a mentee and an active pairing between them. */
export async function seedPair(
  overrides: Partial<RelationshipInput> = {},
  people: { mentor?: Partial<PersonInput>; mentee?: Partial<PersonInput> } = {},
): Promise<SeededPair> {
  const program = await createProgram(programInput());
  const mentor = await createPerson(personInput(people.mentor));
  const mentee = await createPerson(menteeInput(people.mentee));
  const relationship = await createRelationship({
    programId: program.id,
    mentorId: mentor.id,
    menteeId: mentee.id,
    focus: 'clinical',
    startDate: '2024-03-01',
    plannedEndDate: '2025-03-01',
    ...overrides,
  });
  return { program, mentor, mentee, relationship };
}

export function meetingInput(relationshipId: Id, overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    relationshipId,
    date: TODAY,
    durationMinutes: 45,
    format: 'in-person',
    topics: ['ethics', 'patient-loss'],
    notes: 'Talked through the loss of a patient on the night shift.',
    confidential: true,
    actionItems: [],
    ...overrides,
  };
}

export async function auditEntries(): Promise<AuditEntry[]> {
  return getDb().auditLog.toArray();
}

/** The whole audit table as one string, to search for text that must never be there. */
export async function auditText(): Promise<string> {
  return JSON.stringify(await auditEntries());
}

/** Audit entries about one record, oldest first. */
export async function auditOf(recordId: Id): Promise<AuditEntry[]> {
  return (await auditEntries()).filter((entry) => entry.recordId === recordId);
}

/** Opens database `name` as it is on disk (whatever version, no app hooks), reads, and closes it. */
export async function readStored<T>(name: string, read: (raw: Dexie) => Promise<T>): Promise<T> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return await read(raw);
  } finally {
    raw.close();
  }
}

/** The records of one table of database `name`, exactly as stored (sealed values as they are). */
export function storedRows<T = Record<string, unknown>>(name: string, table: string): Promise<T[]> {
  return readStored(name, (raw) => raw.table(table).toArray());
}

/** Every table's records of database `name`, exactly as stored, by table name. */
export function storedTablesOf(name: string): Promise<Record<string, Record<string, unknown>[]>> {
  return readStored(name, async (raw) => {
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const table of raw.tables) tables[table.name] = await table.toArray();
    return tables;
  });
}

/**
 * True when a sealed field of a stored record is sealed at rest: in its own sealed value (a table with
 * one sealed field) or among the record's fields sealed together (a table with several, schema version 25).
 */
export function sealedAtRest(table: string, record: Record<string, unknown>, path: string): boolean {
  if (!sealsTogether(table)) return isSealed(readPath(record, path));
  const together = record[SEALED_RECORD_FIELD];
  if (readPath(record, path) !== undefined || !isSealed(together)) return false;
  // Opened with the session's key: the field is really in it.
  const key = dataKey();
  if (!key) throw new Error('sealedAtRest needs the clinic unlocked.');
  const values = openSync(key, sealContext(table, String(record.id), SEALED_RECORD_PATH), together) as object;
  return path in values;
}

/** A report's data, once the digests it made are saved (they are saved after it is returned). */
export async function loadAndSave(...args: Parameters<typeof loadReportData>) {
  const data = await loadReportData(...args);
  await digestsSaved();
  return data;
}

/** What the Reports screen asks of its report session for the last 12 months, on TODAY. */
export const LAST_YEAR_REPORT: ReportRequest = {
  period: resolvePeriod({ kind: 'last-12-months' }, TODAY),
  programIds: 'all',
  today: TODAY,
  generatedAt: `${TODAY}T12:00:00.000Z`,
  appVersion: 'test',
  screenRows: 10,
};
