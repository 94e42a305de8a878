// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { switchDatabase, tablesOfSchema } from '../../renderer/data/db';
import { relationshipDerived } from '../../renderer/data/derived-fields';
import { loadDueQuestionnaires } from '../../renderer/data/questionnaires.repo';
import {
  closeUpgradeDatabasesAfterEach,
  createDatabaseAt,
  pairAsStored,
  storedTables,
  type TableContent,
} from './schema-upgrade-helpers';

// A clinic on version 14 opens version 15: every record keeps every field it had, and every pair gains
// who has answered which of its questionnaires and, indexed, the due day of each questionnaire its status
// asks for that someone has yet to answer, so the due questionnaires card is one range of that index.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-01-01T09:00:00.000Z';
const TODAY = '2024-06-15';

const person = (id: string, name: string, isMentor: boolean) => ({
  id,
  name,
  email: `${id}@clinic.example`,
  profession: 'nurse',
  tags: [],
  isMentor,
  isMentee: !isMentor,
  archived: false,
  nameKey: name.toLowerCase(),
});
const response = (
  id: string,
  personId: string,
  relationshipId: string | null,
  checkpoint: string | null,
  questionnaireId = 'builtin-pairing-fit',
) => ({
  id,
  questionnaireId,
  personId,
  relationshipId,
  checkpoint,
  answeredOn: '2024-06-12',
  createdAt: STAMP,
  answers: { 'often-enough': 3 },
  support: 'not-offered',
});

// Liam's pair: he answered its 1-month check (twice), his mentor has not. Maya's pair: both answered.
// Noah's pair ended on 1 June, both answered its evaluation. Ines's pair is only proposed. A session
// rating (no checkpoint) and a clinic questionnaire (no pair) are stored too.
/** A pair as version 14 stores it: with its meeting-clock start (version 3). */
function pair(id: string, fields: object) {
  const stored = pairAsStored(id, fields);
  return { ...stored, ...relationshipDerived(stored as never) };
}

const OLD_CONTENT: TableContent = {
  people: [
    person('grace', 'Grace Okafor', true),
    person('liam', 'Liam Chen', false),
    person('maya', 'Maya Ruiz', false),
    person('noah', 'Noah Berg', false),
    person('ines', 'Ines Duarte', false),
  ],
  programs: [{ id: 'residency', name: 'New-graduate nurse residency', createdAt: STAMP }],
  relationships: [
    pair('pair-liam', { mentorId: 'grace', menteeId: 'liam', startDate: '2024-05-10' }),
    pair('pair-maya', { mentorId: 'grace', menteeId: 'maya', startDate: '2024-05-10' }),
    pair('pair-noah', {
      mentorId: 'grace',
      menteeId: 'noah',
      startDate: '2023-06-01',
      status: 'completed',
      endDate: '2024-06-01',
    }),
    pair('pair-ines', {
      mentorId: 'grace',
      menteeId: 'ines',
      startDate: '2024-05-01',
      status: 'proposed',
    }),
  ],
  responses: [
    response('r-liam', 'liam', 'pair-liam', 'month-1'),
    response('r-liam-again', 'liam', 'pair-liam', 'month-1'),
    response('r-maya', 'maya', 'pair-maya', 'month-1'),
    response('r-maya-mentor', 'grace', 'pair-maya', 'month-1'),
    response('r-noah', 'noah', 'pair-noah', 'end', 'builtin-end-of-pairing'),
    response('r-noah-mentor', 'grace', 'pair-noah', 'end', 'builtin-end-of-pairing'),
    response('r-rating', 'grace', 'pair-liam', null, 'builtin-session-rating'),
    response('r-clinic', 'maya', null, null, 'wellbeing'),
  ],
};

/** What the upgrade adds beside each pair. */
const ADDED: Record<string, object> = {
  'pair-liam': {
    questionnaireAnswers: ['month-1:liam'],
    questionnaireDueOn: ['2024-06-10', '2024-08-10', '2024-11-10'],
  },
  'pair-maya': {
    questionnaireAnswers: ['month-1:grace', 'month-1:maya'],
    questionnaireDueOn: ['2024-08-10', '2024-11-10'],
  },
  'pair-noah': { questionnaireAnswers: ['end:grace', 'end:noah'] },
  'pair-ines': {},
};

async function upgraded(): Promise<string> {
  const name = `upgrade-v15-${crypto.randomUUID()}`;
  await createDatabaseAt(name, 14, OLD_CONTENT);
  const db = switchDatabase(name);
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(15);
  return name;
}

async function raw<T>(name: string, read: (db: Dexie) => Promise<T>): Promise<T> {
  const db = new Dexie(name);
  await db.open();
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

const NEW_FIELDS = ['questionnaireAnswers', 'questionnaireDueOn'];

describe('upgrading a version 14 database to version 15', () => {
  it('keeps every field of every record in every table of version 14', async () => {
    const name = await upgraded();
    const stored = await storedTables(name);
    for (const table of tablesOfSchema(14))
      expect(stored[table], table).toEqual(expect.arrayContaining([...(OLD_CONTENT[table] ?? [])]));
    expect(stored.responses).toHaveLength(OLD_CONTENT.responses!.length);
  });

  it('gives every pair who answered which questionnaire, and the due days still waiting for someone', async () => {
    const name = await upgraded();
    const pairs = (await raw(name, (db) => db.table('relationships').toArray())) as Record<string, unknown>[];
    for (const pair of pairs) {
      const old = OLD_CONTENT.relationships!.find((row) => (row as { id: string }).id === pair.id)!;
      // Every field of version 14 as it was (derived ones included), and the new ones.
      expect(
        Object.fromEntries(Object.entries(pair).filter(([field]) => field in old)),
        `${pair.id}`,
      ).toEqual(old);
      expect(
        Object.fromEntries(Object.entries(pair).filter(([field]) => NEW_FIELDS.includes(field))),
        `${pair.id}`,
      ).toEqual(ADDED[pair.id as string]);
    }
    // The index answers: the days of the last 30 days hold the one questionnaire still waiting today.
    const waiting = await raw(name, (db) =>
      db
        .table('relationships')
        .where('questionnaireDueOn')
        .between('2024-05-17', TODAY, true, true)
        .primaryKeys(),
    );
    expect(waiting).toEqual(['pair-liam']);
  });

  it('lists the due questionnaires from the new index: whoever has not answered', async () => {
    await upgraded();
    const due = await loadDueQuestionnaires(TODAY);
    expect(due.total).toBe(1);
    expect(due.rows).toEqual([
      expect.objectContaining({
        relationshipId: 'pair-liam',
        checkpoint: 'month-1',
        dueOn: '2024-06-10',
        waitingFor: ['grace'],
      }),
    ]);
    // The evaluation of the ended pair was answered by both: nothing due on its end day either.
    expect((await loadDueQuestionnaires('2024-06-02')).total).toBe(0);
  });
});
