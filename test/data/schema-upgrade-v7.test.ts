// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, switchDatabase } from '../../renderer/data/db';
import { listRelationshipsPage } from '../../renderer/data/relationships.repo';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  openUpgraded,
  pairAsStored,
  storedRecords,
} from './schema-upgrade-helpers';

// A clinic on version 6 opens version 7, which only adds the status and start-date index of pairs: every
// pair is kept exactly as it was, and the Relationships list finds them all by the new index.

// Also closes the app's database that the Relationships list opens.
closeUpgradeDatabasesAfterEach();

function pair(id: string, status: string, startDate: string) {
  return pairAsStored(id, {
    status,
    startDate,
    statusHistory: [{ status, date: startDate }],
    clockStart: startDate,
  });
}

const PAIRS = [
  pair('a', 'active', '2024-02-01'),
  pair('b', 'paused', '2024-03-01'),
  pair('c', 'completed', '2023-01-01'),
];

describe('upgrading a version 6 database to version 7', () => {
  it('keeps every pair as it was and lists them by the new index, newest first', async () => {
    const name = `upgrade-v7-${crypto.randomUUID()}`;
    await createDatabaseAt(name, 6, { relationships: PAIRS });
    const db = await openUpgraded(name);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
    expect(await storedRecords(name, 'relationships')).toStrictEqual(PAIRS);

    switchDatabase(name);
    const page = await listRelationshipsPage({ statuses: ['active', 'paused', 'completed'], limit: 10 });
    expect(page.relationships.map((relationship) => relationship.id)).toEqual(['b', 'a', 'c']);
  });
});
