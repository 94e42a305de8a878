// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { GuidingHandsDb } from '../../renderer/data/db';
import { dataCryptoKey, dataKey, hasLock } from '../../renderer/data/lock/session';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { SEARCH_INCOMPLETE, SearchEngine, type SearchProgress } from '../../renderer/data/search-engine';
import { fixTodayPerTest, freshDatabasePerTest, meetingInput, seedPair } from './helpers';

const db = freshDatabasePerTest();
fixTodayPerTest();

/** The engine as the window runs it, with every progress it reports kept. */
function engineOn(database: () => GuidingHandsDb) {
  const reported: SearchProgress[] = [];
  const engine = new SearchEngine(
    database,
    () => (hasLock() && dataKey() ? dataCryptoKey() : null),
    (progress) => reported.push(progress),
  );
  return { engine, reported };
}

/** The database as it is once it can no longer be read (closed, and not opened again on a read). */
function unreadable(): GuidingHandsDb {
  const database = db();
  database.close({ disableAutoOpen: true });
  return database;
}

describe('a search index that could not read every record says so', () => {
  it('a build that fails reports the index incomplete, in plain words, and passes the failure on', async () => {
    const { engine, reported } = engineOn(unreadable);
    await expect(engine.build()).rejects.toThrow();
    expect(engine.status.ready).toBe(false);
    expect(engine.status.incomplete).toBe(SEARCH_INCOMPLETE);
    expect(reported.at(-1)?.incomplete).toBe(SEARCH_INCOMPLETE);
  });

  it('a build that succeeds is complete; a change that then fails marks it incomplete, and searching still answers', async () => {
    const pair = await seedPair();
    const meeting = await logMeeting(
      meetingInput(pair.relationship.id, {
        notes: 'Talked about the night shift rota.',
        confidential: false,
      }),
    );
    const { engine, reported } = engineOn(db);
    await engine.build();
    expect(engine.status.ready).toBe(true);
    expect(reported.some((progress) => progress.incomplete)).toBe(false);

    db().close({ disableAutoOpen: true });
    await expect(engine.changed([{ table: 'meetings', ids: [meeting.id] }])).rejects.toThrow();
    expect(engine.status.incomplete).toBe(SEARCH_INCOMPLETE);
    expect(reported.at(-1)?.incomplete).toBe(SEARCH_INCOMPLETE);
    // What was read before the failure still answers.
    await db().open();
    const results = await engine.search('night shift');
    expect(results.groups.find((group) => group.kind === 'meeting')?.total).toBe(1);
  });
});
