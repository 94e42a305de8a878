// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeBackup, restoreBackupFile } from '../../renderer/data/backup';
import { getDb } from '../../renderer/data/db';
import { createPerson } from '../../renderer/data/people.repo';
import {
  type DueQuestionnairesView,
  loadDueQuestionnaires,
  saveResponse,
} from '../../renderer/data/questionnaires.repo';
import {
  changeRelationshipStatus,
  createRelationship,
  updateRelationship,
} from '../../renderer/data/relationships.repo';
import { addDaysIso } from '../../renderer/domain/calendar';
import { END_OF_PAIRING_ID, PAIRING_FIT_ID } from '../../renderer/domain/questionnaires/built-in';
import { dueQuestionnaires } from '../../renderer/domain/questionnaires/schedule';
import type { Checkpoint } from '../../renderer/domain/questionnaires/types';
import type { Id, IsoDate } from '../../renderer/domain/types';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { freshDatabasePerTest, menteeInput, personInput, seedPair, TODAY } from './helpers';

// The due questionnaires card reads a range of the pairs' index of questionnaires still waiting for an
// answer (schema version 15). Whatever the clinic and whatever was written, by whichever path, it must
// show exactly what the reading of every pair and every response shows.

freshDatabasePerTest();

/** The card as computed from whole tables (every pair, every response, every person), for each of `rows`. */
async function fullScan(today: IsoDate, rows: readonly number[]): Promise<DueQuestionnairesView[]> {
  const db = getDb();
  const [pairs, responses, people] = await Promise.all([
    db.relationships.toArray(),
    db.responses.toArray(),
    db.people.toArray(),
  ]);
  const due = dueQuestionnaires(pairs, responses, today);
  const byId = new Map(people.map((person) => [person.id, person.name]));
  return rows.map((count) => {
    const shown = due.slice(0, count);
    const names: Record<Id, string> = {};
    for (const id of shown.flatMap((item) => item.respondents)) names[id] = byId.get(id) ?? 'Unknown person';
    return { rows: shown.map((item) => ({ ...item, names })), total: due.length };
  });
}

const ROWS = [1, 3, 10, Number.POSITIVE_INFINITY];

async function expectSameAsFullScan(days: readonly IsoDate[], when = ''): Promise<void> {
  for (const day of days) {
    const expected = await fullScan(day, ROWS);
    for (const [at, rows] of ROWS.entries())
      expect(await loadDueQuestionnaires(day, rows), `${when} ${day}, ${rows} rows`).toEqual(expected[at]);
  }
}

/** Days every 13 days over a year and a half: the card's window slides over every checkpoint. */
const SPREAD = Array.from({ length: 42 }, (_, at) => addDaysIso(TODAY, -360 + at * 13));

/** The stored summary of a pair, as kept beside it (the app never sees it). */
async function storedSummary(pairId: Id): Promise<Record<string, unknown>> {
  const raw = new Dexie(getDb().name);
  await raw.open();
  try {
    const { questionnaireAnswers, questionnaireDueOn } = await raw.table('relationships').get(pairId);
    return { questionnaireAnswers, questionnaireDueOn };
  } finally {
    raw.close();
  }
}

describe('the due questionnaires read by index', () => {
  it('shows the same rows and count as a full scan on generated clinics, over a year and a half of days', async () => {
    await loadSampleClinic({
      seed: 3,
      size: { people: 120, relationships: 300, meetings: 900 },
      today: TODAY,
    });
    // The clinic has due questionnaires, some answered by one of the two: the comparison is not empty.
    const today = await loadDueQuestionnaires(TODAY, Number.POSITIVE_INFINITY);
    expect(today.total).toBeGreaterThan(3);
    expect(today.rows.some((row) => row.waitingFor.length === 1)).toBe(true);
    await expectSameAsFullScan(SPREAD);
  });

  it('follows every write path: a new pair, answers, an edit of the start or the mentor, an end, a restore', async () => {
    const { relationship, mentor, mentee, program } = await seedPair({ startDate: '2024-05-10' });
    const days = ['2024-06-10', '2024-06-15', '2024-07-09', '2024-08-12', '2024-11-20', '2025-01-10'];
    expect((await loadDueQuestionnaires('2024-06-15')).total).toBe(1);
    expect(await storedSummary(relationship.id)).toEqual({
      questionnaireAnswers: undefined,
      questionnaireDueOn: ['2024-06-10', '2024-08-10', '2024-11-10'],
    });
    await expectSameAsFullScan(days, 'new pair');

    const answer = (personId: Id, checkpoint: Checkpoint, pairId: Id = relationship.id) =>
      saveResponse({
        questionnaireId: checkpoint === 'end' ? END_OF_PAIRING_ID : PAIRING_FIT_ID,
        personId,
        relationshipId: pairId,
        checkpoint,
        answers: checkpoint === 'end' ? { recommend: 1 } : { 'often-enough': 3 },
        wantsContact: false,
      });
    await answer(mentee.id, 'month-1');
    await expectSameAsFullScan(days, 'mentee answered month 1');
    await answer(mentor.id, 'month-1');
    expect((await loadDueQuestionnaires('2024-06-15')).total).toBe(0);
    expect(await storedSummary(relationship.id)).toEqual({
      questionnaireAnswers: [`month-1:${mentee.id}`, `month-1:${mentor.id}`].sort(),
      questionnaireDueOn: ['2024-08-10', '2024-11-10'],
    });
    await expectSameAsFullScan(days, 'both answered month 1');

    // Another mentor: the checks the former mentor answered are due again, waiting for the new one.
    const other = await createPerson(personInput({ name: 'Ana Ruiz', email: 'ana.ruiz@clinic.example' }));
    await updateRelationship(relationship.id, { mentorId: other.id });
    const afterSwap = await loadDueQuestionnaires('2024-06-15');
    expect(afterSwap.rows.map((row) => row.waitingFor)).toEqual([[other.id]]);
    await expectSameAsFullScan(days, 'another mentor');

    // A later start moves every check.
    await updateRelationship(relationship.id, { startDate: '2024-06-01' });
    await expectSameAsFullScan(days, 'a later start');

    // Ended: no more checks; the evaluation is due from the end day, until both have answered.
    await changeRelationshipStatus(relationship.id, 'completed', '2024-08-01');
    expect((await loadDueQuestionnaires('2024-08-12')).rows.map((row) => row.checkpoint)).toEqual(['end']);
    await expectSameAsFullScan(days, 'ended');
    await answer(mentee.id, 'end');
    await answer(other.id, 'end');
    expect((await loadDueQuestionnaires('2024-08-12')).total).toBe(0);
    await expectSameAsFullScan(days, 'evaluation answered');

    // A second pair of the same people, and a restore: the summaries are worked out again as it writes.
    const secondMentor = await createPerson(
      personInput({ name: 'Noor Haddad', email: 'noor@clinic.example' }),
    );
    const secondMentee = await createPerson(menteeInput({ name: 'Ivo Petrov', email: 'ivo@clinic.example' }));
    const secondPair = await createRelationship({
      programId: program.id,
      mentorId: secondMentor.id,
      menteeId: secondMentee.id,
      focus: 'clinical',
      startDate: '2024-07-01',
      plannedEndDate: '2025-07-01',
    });
    const second = { relationship: secondPair, mentee: secondMentee };
    await answer(second.mentee.id, 'month-1', second.relationship.id);
    const before = [await storedSummary(relationship.id), await storedSummary(second.relationship.id)];
    const backup = await makeBackup({ passphrase: 'a long enough passphrase', scryptWorkFactor: 2 });
    await restoreBackupFile(backup.bytes, 'a long enough passphrase');
    expect([await storedSummary(relationship.id), await storedSummary(second.relationship.id)]).toEqual(
      before,
    );
    expect(before[1]).toEqual({
      questionnaireAnswers: [`month-1:${second.mentee.id}`],
      questionnaireDueOn: ['2024-08-01', '2024-10-01', '2025-01-01'],
    });
    await expectSameAsFullScan(days, 'restored');
  });
});
