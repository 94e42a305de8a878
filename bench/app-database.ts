import Dexie from 'dexie';
import { DEFAULT_DB_NAME, SHIPPED_SCHEMAS, switchDatabase, tablesOfSchema } from '../renderer/data/db';
import {
  actionItemDerived,
  derivedFieldsMiddleware,
  nameKeyOf,
  relationshipDerived,
} from '../renderer/data/derived-fields';
import type { Person } from '../renderer/domain/types';
import { generateSampleClinic, type SampleSize } from '../renderer/sample-clinic';
import { BENCH_TODAY, fillDatabase } from './fill-database';

// The app's own database (the name the app opens), filled with a synthetic clinic for the cold-start
// measurement. The baseline app (an older build, served from another origin, so with a database of
// its own) may know an older schema only: its database is written at that version.

declare global {
  interface Window {
    /** Called on a bench page of the origin whose app database is to be filled (see scripts/bench.mjs). */
    benchFillAppDatabase?: (size: SampleSize, schemaVersion?: number) => Promise<void>;
  }
}

/** Replaces the app's database of this origin with the synthetic clinic of `size`. */
export async function fillAppDatabase(size: SampleSize, schemaVersion?: number): Promise<void> {
  await Dexie.delete(DEFAULT_DB_NAME);
  if (schemaVersion === undefined) {
    const db = switchDatabase(DEFAULT_DB_NAME);
    await fillDatabase(size);
    db.close();
    return;
  }
  await writeClinicAtSchema(DEFAULT_DB_NAME, size, schemaVersion);
}

/**
 * Writes the synthetic clinic of `size` into database `name` at an older schema version: its stores, and
 * the index fields of versions 3 and 4, which that app derives too (those of later versions are left out).
 */
export async function writeClinicAtSchema(
  name: string,
  size: SampleSize,
  schemaVersion: number,
): Promise<void> {
  const db = new Dexie(name);
  for (let version = 1; version <= schemaVersion; version++)
    db.version(version).stores(SHIPPED_SCHEMAS[version - 1] ?? {});
  db.use(
    derivedFieldsMiddleware({
      people: { derive: (person: Person) => ({ nameKey: nameKeyOf(person) }), fields: ['nameKey'] },
      relationships: { derive: relationshipDerived, fields: ['clockStart'] },
      actionItems: { derive: actionItemDerived, fields: ['openDueDate'] },
    }),
  );
  const clinic = generateSampleClinic({ seed: 1, size, today: BENCH_TODAY });
  const tables = tablesOfSchema(schemaVersion);
  await db.transaction('rw', [...tables], async () => {
    for (const table of tables) {
      const records =
        table === 'settings'
          ? [clinic.settings]
          : ((clinic as unknown as Record<string, unknown>)[table] ?? []);
      if (Array.isArray(records) && records.length) await db.table(table).bulkAdd(records);
    }
  });
  db.close();
}

window.benchFillAppDatabase = fillAppDatabase;
