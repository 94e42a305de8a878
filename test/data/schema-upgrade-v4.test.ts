// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  closeDatabase,
  type GuidingHandsDb,
  switchDatabase,
} from '../../renderer/data/db';
import { listPeoplePage } from '../../renderer/data/people.repo';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  openUpgraded,
  storedRecords,
} from './schema-upgrade-helpers';

// A clinic on version 3 opens version 4: every person keeps every field and gains only the name key
// the People list pages by (the name without accents or capitals); the app never sees it.

const STAMP = '2024-01-01T09:00:00.000Z';
closeUpgradeDatabasesAfterEach();

function person(id: string, name: string) {
  return {
    id,
    name,
    email: `${id}@clinic.example`,
    profession: 'nurse',
    specialty: '',
    careerStage: 'experienced',
    hireDate: null,
    leavingDate: null,
    tags: ['evenings'],
    isMentor: true,
    isMentee: false,
    mentorCapacity: 2,
    archived: false,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

const PEOPLE = [person('a', 'Zoe Adams'), person('b', 'Émile  Zola'), person('c', 'ÓLAFUR Arnalds')];
const KEYS: Record<string, string> = { a: 'zoe adams', b: 'emile zola', c: 'olafur arnalds' };

async function upgrade(name: string): Promise<GuidingHandsDb> {
  await createDatabaseAt(name, 3, { people: PEOPLE });
  const db = await openUpgraded(name);
  expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  return db;
}

describe('upgrading a version 3 database to version 4', () => {
  it('keeps every field of every person and adds only the name key', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const db = await upgrade(name);
    db.close();
    expect(await storedRecords(name, 'people')).toStrictEqual(
      PEOPLE.map((row) => ({ ...row, nameKey: KEYS[row.id] })),
    );
  });

  it('shows the app the people as they were, without the name key', async () => {
    const db = await upgrade(`upgrade-v4-${crypto.randomUUID()}`);
    expect(await db.people.toArray()).toStrictEqual(PEOPLE);
  });

  it('lists the upgraded people by name, accents and capitals ignored', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const db = await upgrade(name);
    db.close();
    switchDatabase(name);
    try {
      const page = await listPeoplePage({ direction: 'ascending', limit: 10 });
      expect(page.people.map((row) => row.name)).toEqual(['Émile  Zola', 'ÓLAFUR Arnalds', 'Zoe Adams']);
    } finally {
      closeDatabase();
    }
  });
});
