import { getDb, TABLE_NAMES } from '../renderer/data/db';
import { generateSampleClinic, type SampleSize } from '../renderer/sample-clinic';

/** The day every benchmark's synthetic clinic is built around. */
export const BENCH_TODAY = '2026-01-15';

/**
 * Writes the synthetic clinic of `size`, built around `today`, into the open database, in one
 * transaction, as fast as Dexie can.
 */
export async function fillDatabase(size: SampleSize, today: string = BENCH_TODAY): Promise<void> {
  const clinic = generateSampleClinic({ seed: 1, size, today });
  const db = getDb();
  await db.transaction(
    'rw',
    TABLE_NAMES.map((table) => db.table(table)),
    async () => {
      await db.people.bulkAdd(clinic.people);
      await db.programs.bulkAdd(clinic.programs);
      await db.relationships.bulkAdd(clinic.relationships);
      await db.meetings.bulkAdd(clinic.meetings);
      await db.actionItems.bulkAdd(clinic.actionItems);
      await db.topics.bulkAdd(clinic.topics);
      await db.settings.put(clinic.settings);
    },
  );
}
