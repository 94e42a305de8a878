// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  closeDatabase,
  GuidingHandsDb,
  KEPT_COPY_TABLES,
  SHIPPED_SCHEMAS,
  switchDatabase,
  type TableName,
  tablesOfSchema,
} from '../../renderer/data/db';
import { readStored } from './helpers';
import { withoutSummaryFields } from './stored-rows';

// Shared set-up of the schema-upgrade tests (test/data/schema-upgrade*.test.ts): a database written
// exactly as an older version of the app left it, the app's database opened on it (every upgrade
// function runs), and the records read back raw, without the app's hooks.
//
// Writing the test of the next version N (from a version N - 1 database):
//   1. Add SCHEMA_VN to SHIPPED_SCHEMAS in renderer/data/db.ts (every upgrade test fails until it is there),
//      version N with its upgrade to declareEveryVersion(), and move CURRENT_SCHEMA_VERSION to N.
//   2. In test/data/schema-upgrade-vN.test.ts:
//        import 'fake-indexeddb/auto';   // first, as in every data test
//        import { closeUpgradeDatabasesAfterEach, storedTables, type TableContent, upgradeFrom }
//          from './schema-upgrade-helpers';
//        closeUpgradeDatabasesAfterEach();
//        const OLD_CONTENT: TableContent = { people: [...], ... };   // as version N - 1 stored it
//        const { name, db } = await upgradeFrom(N - 1, OLD_CONTENT);   // in each test
//        expect(db.verno).toBeGreaterThanOrEqual(N);
//        db.close();
//        const stored = await storedTables(name);   // every field as stored, derived ones included
//      then assert every field of every record of every table of version N - 1 is kept, what the
//      upgrade adds, and that the new indexes answer.
//      (createDatabaseAt + openUpgraded do the same in two steps, for a name of the test's choosing.)
//   3. Later versions run after yours: assert what your upgrade wrote, not the final version number.
//   4. Check the test fails with your upgrade function replaced by one that does nothing.

/** Every shipped schema, by version (from the app), checked against the version the app is at. */
export const SCHEMAS = SHIPPED_SCHEMAS;
if (SCHEMAS.length !== CURRENT_SCHEMA_VERSION)
  throw new Error(
    `SCHEMAS lists ${SCHEMAS.length} versions; the app is at ${CURRENT_SCHEMA_VERSION}: add the new one.`,
  );

/** Records by table, as an older version stored them (derived index fields included). */
export type TableContent = Partial<Record<TableName, readonly object[]>>;

/** Every connection these tests open (raw or the app's), closed and its database deleted after each test. */
const opened: Dexie[] = [];

/** Closes the app's database and every database a test opened, and deletes them, after each test. */
export function closeUpgradeDatabasesAfterEach(): void {
  afterEach(async () => {
    closeDatabase();
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });
}

/**
 * Creates database `name` at schema `version`, declared version by version as the app once did, and
 * stores `content` table by table in one transaction. Content for a table that version did not have
 * is refused (it would be a mistake in the test, not data an old clinic could have).
 */
export async function createDatabaseAt(name: string, version: number, content: TableContent): Promise<void> {
  if (version < 1 || version > SCHEMAS.length) throw new Error(`No schema version ${version}.`);
  const tables = tablesOfSchema(version);
  const unknown = Object.keys(content).filter((table) => !tables.includes(table as TableName));
  if (unknown.length > 0) throw new Error(`Version ${version} has no table ${unknown.join(', ')}.`);
  const old = new Dexie(name);
  for (const [index, stores] of SCHEMAS.slice(0, version).entries()) old.version(index + 1).stores(stores);
  opened.push(old);
  await old.open();
  await old.transaction('rw', [...tables], async () => {
    for (const table of tables) await old.table(table).bulkAdd([...(content[table] ?? [])]);
  });
  old.close();
}

/** Opens the app's database `name`: every upgrade from the version it is at runs. */
export async function openUpgraded(name: string): Promise<GuidingHandsDb> {
  const db = new GuidingHandsDb(name);
  opened.push(db);
  await db.open();
  return db;
}

/**
 * Writes `content` as version `from` stored it, opens it with the app's database (which runs every upgrade
 * after it), closes it and returns its name, for the test to read what was stored.
 */
export async function upgradedFrom(from: number, content: TableContent): Promise<string> {
  const name = `upgrade-v${from + 1}-${crypto.randomUUID()}`;
  await createDatabaseAt(name, from, content);
  const db = await openUpgraded(name);
  expect(db.verno).toBeGreaterThanOrEqual(from + 1);
  db.close();
  return name;
}

/**
 * A new database at `version` holding `content`, then opened as the app's own database (switchDatabase),
 * so the repositories read it: for tests of what the screens see after the upgrade.
 */
export async function upgradeAppDatabaseFrom(
  version: number,
  content: TableContent,
): Promise<{ name: string; db: GuidingHandsDb }> {
  const name = `upgrade-from-v${version}-${crypto.randomUUID()}`;
  await createDatabaseAt(name, version, content);
  const db = switchDatabase(name);
  await db.open();
  return { name, db };
}

/** A new database at `version` holding `content`, then opened by the app (all later upgrades run). */
export async function upgradeFrom(
  version: number,
  content: TableContent,
): Promise<{ name: string; db: GuidingHandsDb }> {
  const name = `upgrade-from-v${version}-${crypto.randomUUID()}`;
  await createDatabaseAt(name, version, content);
  return { name, db: await openUpgraded(name) };
}

/**
 * The tables as a version before 23 held them: each meeting with its notes, which version 23 moved to
 * meetingNotes (its own test, schema-upgrade-v23.test.ts, reads them as stored: rawStoredTables). So
 * the tests of earlier versions still check every field they kept, the notes included, wherever they are.
 */
function notesInMeetings(tables: Record<string, object[]>): Record<string, object[]> {
  const notes = tables.meetingNotes as { id: string; notes: unknown }[] | undefined;
  if (!notes) return tables;
  const byId = new Map(notes.map((note) => [note.id, note.notes]));
  const { meetingNotes: _notes, ...rest } = tables;
  if (rest.meetings)
    rest.meetings = (rest.meetings as { id: string }[]).map((meeting) =>
      byId.has(meeting.id) ? { ...meeting, notes: byId.get(meeting.id) } : meeting,
    );
  return rest;
}

/**
 * The records of one table as stored, derived fields included (no app hooks on this connection), less
 * the dashboard's summary fields of version 12, which its own test checks (schema-upgrade-v12.test.ts).
 */
export async function storedRecords(name: string, table: string): Promise<object[]> {
  if (table === 'meetings') return (await storedTables(name)).meetings ?? [];
  return readStored(name, async (raw) => withoutSummaryFields(table, await raw.table(table).toArray()));
}

/** Every table's records as stored (no app hooks on this connection), by table name, less version 12's summaries. */
export async function storedTables(name: string): Promise<Record<string, object[]>> {
  const tables = await everyStoredField(name);
  for (const [table, rows] of Object.entries(tables)) tables[table] = withoutSummaryFields(table, rows);
  return tables;
}

/**
 * Every table's records exactly as stored, every field (summaries and later versions' fields too), the
 * meetings with their notes as before version 23 (notesInMeetings), the pairs without the side entries of
 * version 24 (withoutSideKeys; its own test reads them: rawStoredTables), without the tables of kept
 * copies (version 26).
 */
export async function everyStoredField(name: string): Promise<Record<string, object[]>> {
  return withoutSideKeys(notesInMeetings(withoutKeptCopies(await rawStoredTables(name))));
}

/** The tables less those of copies kept from the others (version 26's month digests: their own test). */
function withoutKeptCopies(tables: Record<string, object[]>): Record<string, object[]> {
  const kept: ReadonlySet<string> = new Set(KEPT_COPY_TABLES);
  return Object.fromEntries(Object.entries(tables).filter(([table]) => !kept.has(table)));
}

/** The tables with the pairs less the index entries version 24 gives every pair (schema-upgrade-v24.test.ts). */
function withoutSideKeys(tables: Record<string, object[]>): Record<string, object[]> {
  if (!tables.relationships) return tables;
  const relationships = tables.relationships.map((pair) => {
    const { sideKeys: _sides, ...rest } = pair as { sideKeys?: unknown };
    return rest;
  });
  return { ...tables, relationships };
}

/** Every table's records exactly as stored, meetingNotes (schema version 23) included. */
export async function rawStoredTables(name: string): Promise<Record<string, object[]>> {
  return readStored(name, async (raw) => {
    const tables: Record<string, object[]> = {};
    for (const table of raw.tables) tables[table.name] = await table.toArray();
    return tables;
  });
}

/**
 * A pairing as version 2 stored it (before any derived index field), active since 2024-01-08 with no
 * meeting yet; `fields` replace or add fields (a later version's clockStart, another status…).
 */
export function pairAsStored(id: string, fields: object = {}): { id: string } & Record<string, unknown> {
  return {
    id,
    programId: 'residency',
    mentorId: 'mentor',
    menteeId: 'mentee',
    focus: 'clinical',
    startDate: '2024-01-08',
    plannedEndDate: null,
    endDate: null,
    status: 'active',
    endReason: null,
    statusHistory: [{ status: 'active', date: '2024-01-08' }],
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: '2024-01-01T09:00:00.000Z',
    updatedAt: '2024-01-01T09:00:00.000Z',
    ...fields,
  };
}

/**
 * A person as versions 4 to 13 stored them (with the name key of version 4): a nurse, e-mail by first
 * name; `fields` replace or add fields.
 */
export function personAsStored(
  id: string,
  name: string,
  fields: object = {},
): { id: string } & Record<string, unknown> {
  const first = (name.split(' ')[0] ?? name).toLowerCase();
  return {
    id,
    name,
    email: `${first}@clinic.example`,
    profession: 'nurse',
    tags: [],
    nameKey: name.toLowerCase(),
    ...fields,
  };
}

/**
 * A person's own fields as today's app writes them (every field, before the database layer adds its
 * derived and summary fields): a nurse who is neither mentor nor mentee, e-mail by id; `fields` replace
 * or add fields.
 */
export function personRecordAsTyped(id: string, name: string, fields: object = {}) {
  return {
    id,
    name,
    email: `${id}@clinic.example`,
    profession: 'nurse',
    specialty: '',
    careerStage: 'experienced',
    hireDate: null,
    leavingDate: null,
    tags: [] as string[],
    isMentor: false,
    isMentee: false,
    mentorCapacity: 2,
    archived: false,
    createdAt: '2024-01-01T09:00:00.000Z',
    updatedAt: '2024-01-01T09:00:00.000Z',
    ...fields,
  };
}

/** The same, with the mentor and mentee roles and not archived. */
export function staffAsStored(id: string, name: string, role: 'mentor' | 'mentee') {
  return personAsStored(id, name, {
    isMentor: role === 'mentor',
    isMentee: role === 'mentee',
    archived: false,
  });
}

/** The mentor and the mentee of pairAsStored (Grace Okafor, Liam Chen), in primary-key order. */
export function pairPeopleAsStored(): object[] {
  return [personAsStored('mentee', 'Liam Chen'), personAsStored('mentor', 'Grace Okafor')];
}

/** Rows in primary-key order (id, key or seq), as a table reads back. */
export function inKeyOrder<T extends object>(rows: readonly T[]): T[] {
  const keyOf = (row: object) => {
    const { id, key, seq } = row as { id?: string; key?: string; seq?: number };
    return id ?? key ?? seq;
  };
  return [...rows].sort((a, b) => indexedDB.cmp(keyOf(a), keyOf(b)));
}

/** A table as the app reads it, the meetings with their notes joined back in (schema version 23). */
export async function appRecords(db: GuidingHandsDb, table: string): Promise<object[]> {
  const rows = (await db.table(table).toArray()) as { id: string }[];
  if (table !== 'meetings') return rows;
  const notes = await db.meetingNotes.bulkGet(rows.map((row) => row.id));
  return rows.map((row, index) => (notes[index] ? { ...row, notes: notes[index]?.notes } : row));
}
