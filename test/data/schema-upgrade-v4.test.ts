// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  closeDatabase,
  GuidingHandsDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  switchDatabase,
} from '../../renderer/data/db';
import { listPeoplePage } from '../../renderer/data/people.repo';

// A clinic on version 3 opens version 4: every person keeps every field and gains only the name key
// the People list pages by (the name without accents or capitals); the app never sees it.

const STAMP = '2024-01-01T09:00:00.000Z';
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

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

async function createVersion3Database(name: string): Promise<void> {
  const v3 = new Dexie(name);
  v3.version(1).stores(SCHEMA_V1);
  v3.version(2).stores(SCHEMA_V2);
  v3.version(3).stores(SCHEMA_V3);
  await v3.open();
  await v3.table('people').bulkAdd(PEOPLE);
  v3.close();
}

/** The records exactly as stored, derived fields included (no app hooks on this connection). */
async function storedPeople(name: string): Promise<object[]> {
  const raw = new Dexie(name);
  opened.push(raw);
  await raw.open();
  const rows = await raw.table('people').toArray();
  raw.close();
  return rows;
}

async function upgrade(name: string): Promise<GuidingHandsDb> {
  await createVersion3Database(name);
  const db = new GuidingHandsDb(name);
  opened.push(db);
  await db.open();
  expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  return db;
}

describe('upgrading a version 3 database to version 4', () => {
  it('keeps every field of every person and adds only the name key', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const db = await upgrade(name);
    db.close();
    expect(await storedPeople(name)).toStrictEqual(PEOPLE.map((row) => ({ ...row, nameKey: KEYS[row.id] })));
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
