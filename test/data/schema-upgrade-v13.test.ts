// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tablesOfSchema } from '../../renderer/data/db';
import { loadDueQuestionnaires } from '../../renderer/data/questionnaires.repo';
import { readStored } from './helpers';
import {
  closeUpgradeDatabasesAfterEach,
  pairAsStored,
  staffAsStored,
  storedTables,
  type TableContent,
  upgradeAppDatabaseFrom,
} from './schema-upgrade-helpers';

// A clinic on version 12 opens version 13: every record keeps every field it had, and the new index of
// the responses (pair, checkpoint, person) holds every response about a pair's checkpoint, so the
// dashboard's due questionnaires card says who is still waiting without reading a response.

closeUpgradeDatabasesAfterEach();

const STAMP = '2024-01-01T09:00:00.000Z';
const TODAY = '2024-06-15';

const response = (
  id: string,
  personId: string,
  relationshipId: string | null,
  checkpoint: string | null,
  questionnaireId = 'pairing-fit',
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

// Two pairs whose 1-month check fell due on 10 June: Liam has answered his, Maya and her mentor have not;
// a session rating (no checkpoint) and a clinic questionnaire (no pair) are stored too.
const OLD_CONTENT: TableContent = {
  people: [
    staffAsStored('grace', 'Grace Okafor', 'mentor'),
    staffAsStored('liam', 'Liam Chen', 'mentee'),
    staffAsStored('maya', 'Maya Ruiz', 'mentee'),
  ],
  programs: [{ id: 'residency', name: 'New-graduate nurse residency', createdAt: STAMP }],
  relationships: [
    pairAsStored('pair-liam', {
      mentorId: 'grace',
      menteeId: 'liam',
      startDate: '2024-05-10',
      clockStart: '2024-05-10',
    }),
    pairAsStored('pair-maya', {
      mentorId: 'grace',
      menteeId: 'maya',
      startDate: '2024-05-10',
      clockStart: '2024-05-10',
    }),
  ],
  responses: [
    response('r-liam', 'liam', 'pair-liam', 'month-1'),
    response('r-rating', 'grace', 'pair-liam', null, 'session-rating'),
    response('r-clinic', 'maya', null, null, 'wellbeing'),
  ],
};

async function upgraded(): Promise<string> {
  const { name, db } = await upgradeAppDatabaseFrom(12, OLD_CONTENT);
  expect(db.verno).toBeGreaterThanOrEqual(13);
  return name;
}

describe('upgrading a version 12 database to version 13', () => {
  it('keeps every field of every record in every table of version 12', async () => {
    const name = await upgraded();
    const stored = await storedTables(name);
    for (const table of tablesOfSchema(12))
      expect(stored[table], table).toEqual(expect.arrayContaining([...(OLD_CONTENT[table] ?? [])]));
    expect(stored.responses).toHaveLength(3);
  });

  it('indexes every response about a pair’s checkpoint by pair, checkpoint and person, and no other', async () => {
    const name = await upgraded();
    const keys = await readStored(name, (raw) =>
      raw.table('responses').orderBy('[relationshipId+checkpoint+personId]').keys(),
    );
    expect(keys).toEqual([['pair-liam', 'month-1', 'liam']]);
  });

  it('lists the due questionnaires from the index as before: whoever has not answered', async () => {
    await upgraded();
    const due = await loadDueQuestionnaires(TODAY);
    expect(due.total).toBe(2);
    expect(
      due.rows.map((row) => [row.relationshipId, row.checkpoint, row.waitingFor.map((id) => row.names[id])]),
    ).toEqual([
      ['pair-liam', 'month-1', ['Grace Okafor']],
      ['pair-maya', 'month-1', ['Maya Ruiz', 'Grace Okafor']],
    ]);
  });
});
