import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createPerson, deletePerson } from '../../renderer/data/people.repo';
import {
  archiveQuestionnaire,
  createQuestionnaire,
  deleteQuestionnaire,
  listOpenSupportRequests,
  loadDueQuestionnaires,
  markSupportRequestDone,
  saveResponse,
  updateQuestionnaire,
} from '../../renderer/data/questionnaires.repo';
import { BURNOUT_ID, PAIRING_FIT_ID } from '../../renderer/domain/questionnaires/built-in';
import { RuleError } from '../../renderer/domain/rules';
import { personInput } from '../fixtures/people';
import { auditText, fixTodayPerTest, freshDatabasePerTest, seedPair } from './helpers';

// Questionnaire answers and the private request for contact, as the repository keeps them.
// Today is 15 June 2024 in these tests.

const getDb = freshDatabasePerTest();
fixTodayPerTest();

function burnoutAnswer(personId: string, level: number, wantsContact: boolean) {
  return saveResponse({
    questionnaireId: BURNOUT_ID,
    personId,
    relationshipId: null,
    checkpoint: null,
    answers: { burnout: level },
    wantsContact,
  });
}

describe('answers and support', () => {
  it('keeps a high burnout answer with a "yes" as a private request naming only the person', async () => {
    const { mentee } = await seedPair();
    const saved = await burnoutAnswer(mentee.id, 4, true);
    expect(saved.support).toBe('accepted');
    const open = await listOpenSupportRequests();
    expect(open).toEqual([
      { id: expect.any(String), personId: mentee.id, personName: 'Liam Chen', requestedOn: '2024-06-15' },
    ]);
    // The audit log names fields only: no answer, no level.
    const audit = await auditText();
    expect(audit).toContain('"table":"responses"');
    expect(audit).toContain('"fields":["answers","support"]');
    expect(audit).not.toMatch(/"burnout":|"answers":\{/);
  });

  it('keeps a "no, thank you" as support offered, and nothing reaches the manager', async () => {
    const { mentee } = await seedPair();
    expect((await burnoutAnswer(mentee.id, 3, false)).support).toBe('offered');
    expect(await listOpenSupportRequests()).toEqual([]);
    expect(await getDb().supportRequests.count()).toBe(0);
  });

  it('offers no support below the high end, whatever the form sent', async () => {
    const { mentee } = await seedPair();
    expect((await burnoutAnswer(mentee.id, 2, true)).support).toBe('not-offered');
    expect(await getDb().supportRequests.count()).toBe(0);
  });

  it('leaves the dashboard once the manager marks the contact made', async () => {
    const { mentee } = await seedPair();
    await burnoutAnswer(mentee.id, 5, true);
    const [request] = await listOpenSupportRequests();
    await markSupportRequestDone(request.id);
    expect(await listOpenSupportRequests()).toEqual([]);
  });

  it('refuses answers outside the scale in words, writing nothing', async () => {
    const { mentee } = await seedPair();
    await expect(burnoutAnswer(mentee.id, 6, true)).rejects.toThrow('Choose one of the options.');
    await expect(
      saveResponse({
        questionnaireId: PAIRING_FIT_ID,
        personId: mentee.id,
        relationshipId: null,
        checkpoint: null,
        answers: {},
        wantsContact: false,
      }),
    ).rejects.toThrow('Please answer at least one question, or stop without saving.');
    expect(await getDb().responses.count()).toBe(0);
    expect(await getDb().supportRequests.count()).toBe(0);
  });

  it('keeps a person who has answered: archive, not delete', async () => {
    const person = await createPerson(personInput({ name: 'Ada Obi', email: 'ada@clinic.example' }));
    await burnoutAnswer(person.id, 1, false);
    await expect(deletePerson(person.id)).rejects.toThrow(
      'This person has answered questionnaires, so their record is kept: archive them instead.',
    );
  });
});

describe("the clinic's own questionnaires", () => {
  const draft = {
    title: '  New-starter   check-in ',
    intro: 'Two quick questions.',
    questions: [
      {
        kind: 'scale' as const,
        prompt: 'I know whom to ask.',
        points: 5,
        lowLabel: 'Never',
        highLabel: 'Always',
      },
      { kind: 'choice' as const, prompt: 'Best shift?', options: ['Days', 'Nights', ''] },
    ],
  };

  it('is saved tidied, with numbered questions', async () => {
    const saved = await createQuestionnaire(draft);
    expect(saved.title).toBe('New-starter check-in');
    expect(saved.questions.map((question) => question.id)).toEqual(['q1', 'q2']);
    expect(saved.questions[1]).toEqual({
      id: 'q2',
      kind: 'choice',
      prompt: 'Best shift?',
      options: ['Days', 'Nights'],
    });
  });

  it('names every problem of a draft at once', async () => {
    const error = await createQuestionnaire({
      title: '',
      intro: '',
      questions: [{ kind: 'choice', prompt: 'Pick', options: ['Only one'] }],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).message).toBe(
      'The questionnaire needs a title. Question 1: give from 2 to 8 options, one per line.',
    );
    expect(await getDb().questionnaires.count()).toBe(0);
  });

  it('keeps its questions and itself once someone has answered; archiving still works', async () => {
    const saved = await createQuestionnaire(draft);
    const { mentee } = await seedPair();
    await saveResponse({
      questionnaireId: saved.id,
      personId: mentee.id,
      relationshipId: null,
      checkpoint: null,
      answers: { q1: 4 },
      wantsContact: false,
    });
    await expect(updateQuestionnaire(saved.id, draft)).rejects.toThrow(/already answered/);
    await expect(deleteQuestionnaire(saved.id)).rejects.toThrow(/archive it instead/);
    expect((await archiveQuestionnaire(saved.id)).archived).toBe(true);
  });

  it('can be deleted while nobody has answered it', async () => {
    const saved = await createQuestionnaire(draft);
    await deleteQuestionnaire(saved.id);
    expect(await getDb().questionnaires.count()).toBe(0);
  });
});

describe('due questionnaires on the dashboard', () => {
  it('lists the 1-month pairing-fit check for mentee and mentor, then only whoever has not answered', async () => {
    // Started 10 May: the 1-month check fell due on 10 June, five days ago.
    const { relationship, mentee, mentor } = await seedPair({ startDate: '2024-05-10' });
    const first = await loadDueQuestionnaires('2024-06-15');
    expect(first.total).toBe(1);
    expect(first.rows[0]).toMatchObject({
      relationshipId: relationship.id,
      checkpoint: 'month-1',
      dueOn: '2024-06-10',
      waitingFor: [mentee.id, mentor.id],
    });
    expect(first.rows[0].names[mentee.id]).toBe('Liam Chen');
    const answer = (personId: string) =>
      saveResponse({
        questionnaireId: PAIRING_FIT_ID,
        personId,
        relationshipId: relationship.id,
        checkpoint: 'month-1',
        answers: { 'often-enough': 3 },
        wantsContact: false,
      });
    await answer(mentee.id);
    expect((await loadDueQuestionnaires('2024-06-15')).rows[0].waitingFor).toEqual([mentor.id]);
    await answer(mentor.id);
    expect(await loadDueQuestionnaires('2024-06-15')).toEqual({ rows: [], total: 0 });
  });

  it('lists nothing for a pair whose check is not yet due, or fell due more than 30 days ago', async () => {
    await seedPair({ startDate: '2024-05-20' });
    expect((await loadDueQuestionnaires('2024-06-15')).total).toBe(0);
    expect((await loadDueQuestionnaires('2024-07-20')).total).toBe(0);
    expect((await loadDueQuestionnaires('2024-07-19')).total).toBe(1);
  });

  it('says who is still waiting from the index alone: no response is read, and other answers change nothing', async () => {
    const { relationship, mentee, mentor } = await seedPair({ startDate: '2024-05-10' });
    const answer = (
      personId: string,
      checkpoint: 'month-1' | 'month-3' | null,
      relationshipId: string | null,
    ) =>
      saveResponse({
        questionnaireId: checkpoint ? PAIRING_FIT_ID : BURNOUT_ID,
        personId,
        relationshipId,
        checkpoint,
        answers: checkpoint ? { 'often-enough': 3 } : { burnout: 1 },
        wantsContact: false,
      });
    await answer(mentee.id, 'month-1', relationship.id);
    // Answers that are not this checkpoint's: another checkpoint of the pair, and a questionnaire of no pair.
    await answer(mentor.id, 'month-3', relationship.id);
    await answer(mentor.id, null, null);

    // Every read of the responses table below the app, and whether it asked for the records themselves.
    const reads: string[] = [];
    const db = getDb();
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'count-response-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'responses') return table;
          return {
            ...table,
            get: (request) => {
              reads.push('get');
              return table.get(request);
            },
            getMany: (request) => {
              reads.push('getMany');
              return table.getMany(request);
            },
            query: (request) => {
              reads.push(`query ${request.values ? 'records' : 'keys'}`);
              return table.query(request);
            },
            openCursor: (request) => {
              reads.push(`cursor ${request.values ? 'records' : 'keys'}`);
              return table.openCursor(request);
            },
          };
        },
      }),
    });
    await db.open();

    const due = await loadDueQuestionnaires('2024-06-15');
    expect(due.total).toBe(1);
    expect(due.rows[0]).toMatchObject({ checkpoint: 'month-1', waitingFor: [mentor.id] });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((read) => !read.endsWith('keys'))).toEqual([]);
    db.unuse({ stack: 'dbcore', name: 'count-response-reads' });
  });
});
