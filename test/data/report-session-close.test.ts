// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { type FromReportWorker, serveReportSession } from '../../renderer/data/report-session';
import { openEndReasonsHere } from '../../renderer/data/reports.repo';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { fixTodayPerTest, freshDatabasePerTest, LAST_YEAR_REPORT, TODAY } from './helpers';

// The report worker's side of closing: the screen left, so the worker stops any report and ends once the
// digests its last report counted are saved — a manager who leaves the screen as soon as the report shows
// must not make the next report count every month from the records again.

const db = freshDatabasePerTest();
fixTodayPerTest();

function serve() {
  const posted: FromReportWorker[] = [];
  const waiters: (() => void)[] = [];
  const handle = serveReportSession((message) => {
    posted.push(message);
    for (const wake of waiters.splice(0)) wake();
    // As the window does: sealed end reasons (clinic lock on) are opened where the key is.
    if (message.type === 'open-reasons')
      openEndReasonsHere(message.pairs).then((pairs) =>
        handle({ type: 'opened-reasons', id: message.id, pairs }),
      );
  });
  const until = async (type: FromReportWorker['type']) => {
    while (!posted.some((message) => message.type === type))
      await new Promise<void>((wake) => waiters.push(wake));
    return posted.find((message) => message.type === type) as FromReportWorker;
  };
  return { handle, posted, until };
}

const request = LAST_YEAR_REPORT;

const keptDigests = async () => (await db().reportDigests.toArray()).filter((row) => row.digest).length;

it('says it is closed only once the digests its report counted are saved', async () => {
  await loadSampleClinic({ seed: 5, size: { people: 30, relationships: 40, meetings: 400 }, today: TODAY });
  expect(await keptDigests()).toBe(0);
  const { handle, until } = serve();
  handle({ type: 'open', dbName: db().name, key: null });
  handle({ type: 'make', id: 1, request });
  await until('made');
  handle({ type: 'close' });
  await until('closed');
  // Saved before it said so: the 13 months the period touches and the 4 tables read whole (the pairs'
  // in 16 parts).
  expect(await keptDigests()).toBe(13 + 3 + 16);
});

it('stops a report still being made when closed, and says it is closed', async () => {
  await loadSampleClinic({ seed: 5, size: { people: 30, relationships: 40, meetings: 400 }, today: TODAY });
  const { handle, posted, until } = serve();
  handle({ type: 'open', dbName: db().name, key: null });
  handle({ type: 'make', id: 1, request });
  handle({ type: 'close' });
  await until('closed');
  await until('superseded');
  expect(posted.some((message) => message.type === 'made')).toBe(false);
});

it('says it is closed at once when it never made a report', async () => {
  const { handle, until } = serve();
  handle({ type: 'close' });
  expect((await until('closed')).type).toBe('closed');
});
