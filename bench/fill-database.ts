import { getDb, TABLE_NAMES } from '../renderer/data/db';
import { generateSampleClinic, type SampleSize } from '../renderer/sample-clinic';

/** The day every benchmark's synthetic clinic is built around. */
export const BENCH_TODAY = '2026-01-15';

/**
 * Writes the synthetic clinic of `size`, built around `today`, into the open database, in one
 * transaction, as fast as Dexie can: every table it holds (training, milestones, goals, answers…), in
 * the order a restore writes them, so that each record finds the records it depends on.
 */
export async function fillDatabase(size: SampleSize, today: string = BENCH_TODAY): Promise<void> {
  const clinic = generateSampleClinic({ seed: 1, size, today });
  const db = getDb();
  await db.transaction(
    'rw',
    // The meetings' notes go to their own table as the meetings are written.
    [...TABLE_NAMES.map((table) => db.table(table)), db.meetingNotes],
    async () => {
      for (const table of TABLE_NAMES) {
        if (table === 'auditLog') continue;
        if (table === 'settings') {
          await db.settings.put(clinic.settings);
          continue;
        }
        const records = (clinic as unknown as Record<string, unknown[] | undefined>)[table] ?? [];
        if (records.length) await db.table(table).bulkAdd(records);
      }
    },
  );
}
