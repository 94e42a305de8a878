import Dexie from 'dexie';
import { BENCH_TODAY, fillDatabase } from '../../bench/fill-database';
import {
  CURRENT_SCHEMA_VERSION,
  closeDatabase,
  DEFAULT_DB_NAME,
  SHIPPED_SCHEMAS,
  switchDatabase,
  tablesOfSchema,
} from '../../renderer/data/db';
import { closeKeyRings, createLock, setKeyRingState } from '../../renderer/data/lock/keyring';
import { SEALED_FIELDS } from '../../renderer/data/lock/sealed-fields';
import { closeSession, dataKey } from '../../renderer/data/lock/session';
import type { SampleCounts } from '../../renderer/sample-clinic';
import { sealEachFieldAlone } from '../fixtures/sealed-before-v25';

// Runs in a page of the app's origin, before the app is opened there (bundled and loaded by
// older-clinic-steps.ts for the schema upgrade specs): writes the app's database as an older version of
// the app left it. The synthetic clinic is written by today's app into a scratch database (every derived
// and summary field its middlewares keep, every sealed field sealed when a lock is asked for), then copied
// record for record into the app's database declared at the older version:
// - up to version 22 the meetings held their notes: each meeting's notes go back in its record (version 23
//   changed nothing else, and 24 added an index only);
// - with the lock on, before version 25 each sealed field was sealed alone, bound to its own path, an
//   empty value too, and the key ring said nothing of how records are sealed: the records are sealed
//   again that way, with the session's data key, and the key ring's record format is taken out.

/** The first schema version that keeps the notes apart from their meetings (meetingNotes). */
const NOTES_APART_SINCE = 23;

/** The first schema version that seals the several sealed fields of a record as one value. */
const SEALED_TOGETHER_SINCE = 25;

/** A light scrypt cost, so that setting the lock up and unlocking take milliseconds. */
const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };

export interface OlderClinicRequest {
  /** The schema version to write at: one before this version's (at most 24). */
  version: number;
  size: SampleCounts;
  /** With a passphrase, the clinic has its lock on: the sealed fields are sealed, the notes too. */
  passphrase?: string;
  /** The meetings whose stored notes are handed back. */
  notesOf: readonly string[];
}

export interface OlderClinicWritten {
  /** The meetings written, each with its notes. */
  meetings: number;
  /** The notes of the meetings asked for as stored at the older version (storedValueAsJson), by id. */
  storedNotes: Record<string, string>;
}

declare global {
  interface Window {
    writeClinicAtOlderVersion?: (request: OlderClinicRequest) => Promise<OlderClinicWritten>;
  }
}

/** A stored value as JSON, byte arrays as lists of numbers (a sealed note holds some). */
function storedValueAsJson(value: unknown): string {
  return JSON.stringify(value, (_key, part) => (part instanceof Uint8Array ? [...part] : part));
}

type StoredRecord = Record<string, unknown>;

/** Takes the record format out of the app's key ring, as versions before 25 wrote it. */
async function keyRingWithoutRecordFormat(): Promise<void> {
  // The key ring's own database, beside the app's (keyring.ts).
  const raw = new Dexie(`${DEFAULT_DB_NAME}-keyring`);
  await raw.open();
  try {
    await raw
      .table('rings')
      .where(':id')
      .equals('clinic')
      .modify((ring: StoredRecord) => {
        delete ring.recordFormat;
      });
  } finally {
    raw.close();
  }
}

/** Every table of database `name` exactly as stored, read past the app's middlewares. */
async function readRaw(name: string): Promise<Map<string, object[]>> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const tables = new Map<string, object[]>();
    for (const table of raw.tables) tables.set(table.name, await table.toArray());
    return tables;
  } finally {
    raw.close();
  }
}

/** Writes the synthetic clinic of `size` as the app's database at schema `version`. */
export async function writeClinicAtOlderVersion({
  version,
  size,
  passphrase,
  notesOf,
}: OlderClinicRequest): Promise<OlderClinicWritten> {
  if (version < 1 || version >= CURRENT_SCHEMA_VERSION) throw new Error(`Not an older version: ${version}.`);
  if (passphrase) {
    // No worker script is served to this page: the passphrase's key is derived here, as the data tests do.
    Reflect.deleteProperty(globalThis, 'Worker');
    // The key ring of the app's own database; the session it opens seals what is written next.
    await createLock(DEFAULT_DB_NAME, passphrase, FAST_SCRYPT);
  }
  const scratch = `older-clinic-${crypto.randomUUID()}`;
  switchDatabase(scratch);
  try {
    await fillDatabase(size, BENCH_TODAY);
  } finally {
    closeDatabase();
  }
  const stored = await readRaw(scratch);
  await Dexie.delete(scratch);
  if (passphrase) {
    const sealedEachAlone = version < SEALED_TOGETHER_SINCE;
    await setKeyRingState(DEFAULT_DB_NAME, 'on');
    // While the session still holds the data key: closing it wipes the key.
    if (sealedEachAlone)
      for (const table of Object.keys(SEALED_FIELDS))
        sealEachFieldAlone(table, (stored.get(table) ?? []) as StoredRecord[], dataKey() as Uint8Array);
    closeSession();
    closeKeyRings();
    if (sealedEachAlone) await keyRingWithoutRecordFormat();
  }

  const notes = new Map(
    (stored.get('meetingNotes') as { id: string; notes: unknown }[]).map((note) => [note.id, note.notes]),
  );
  const meetings = stored.get('meetings') as { id: string }[];
  if (version < NOTES_APART_SINCE) {
    stored.set(
      'meetings',
      meetings.map((meeting) => ({ ...meeting, notes: notes.get(meeting.id) })),
    );
  }

  const older = new Dexie(DEFAULT_DB_NAME);
  for (const [index, stores] of SHIPPED_SCHEMAS.slice(0, version).entries())
    older.version(index + 1).stores(stores);
  await older.open();
  const tables = [...tablesOfSchema(version), ...(version < NOTES_APART_SINCE ? [] : ['meetingNotes'])];
  await older.transaction('rw', tables, async () => {
    for (const table of tables) await older.table(table).bulkAdd(stored.get(table) ?? []);
  });
  older.close();
  return {
    meetings: meetings.length,
    storedNotes: Object.fromEntries(notesOf.map((id) => [id, storedValueAsJson(notes.get(id))])),
  };
}

window.writeClinicAtOlderVersion = writeClinicAtOlderVersion;
