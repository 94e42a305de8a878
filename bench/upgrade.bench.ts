import Dexie from 'dexie';
import { getDb, SHIPPED_SCHEMAS, switchDatabase } from '../renderer/data/db';
import { writeClinicAtSchema } from './app-database';
import { machineLoad, measure, progress, seconds } from './suite';

// The newest schema upgrade at the synthetic clinic's size (10,000 people, 200,000 meetings): a database
// written at the version before is opened by the app's database, which upgrades it before the app can
// show anything. Version 23 moves every meeting's note into a table of its own, so this is the start
// after the update that brings it. The records are written at the older version as the cold-start suite
// writes them (most fields earlier versions derive are left out: the newest upgrade reads the meetings
// only). `scale=small` runs it on a clinic a tenth the size.

export const name = 'upgrade';

export async function run(): Promise<Record<string, number | string>> {
  const small = new URLSearchParams(location.search).get('scale') === 'small';
  const size = small ? { people: 1_000, relationships: 2_000, meetings: 20_000 } : ('large' as const);
  const dbName = `bench-upgrade-${Date.now()}`;
  const from = SHIPPED_SCHEMAS.length - 1;
  try {
    progress(`upgrade: writing the clinic at schema version ${from}…`);
    await writeClinicAtSchema(dbName, size, from);
    const older = new Dexie(dbName);
    const meetings = await older.open().then(() => older.table('meetings').count());
    older.close();

    const load = await machineLoad();
    progress(`upgrade: opening it at version ${from + 1}…`);
    const db = switchDatabase(dbName);
    const opening = await measure(() => db.open());
    const notes = await db.meetingNotes.count();
    if (notes !== meetings) throw new Error(`the upgrade moved ${notes} notes of ${meetings} meetings`);
    return {
      meetings,
      [`open with the upgrade from version ${from} to ${from + 1} (s)`]: seconds(opening.ms),
      'load average before opening (1 / 5 / 15 min)': load,
      'load average after': await machineLoad(),
    };
  } finally {
    getDb().close();
    await Dexie.delete(dbName);
  }
}
