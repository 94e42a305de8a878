import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createPerson, deletePerson, updatePerson } from '../../renderer/data/people.repo';
import { createProgram } from '../../renderer/data/programs.repo';
import { addRecognition, deleteRecognition, listRecognitionFor } from '../../renderer/data/recognition.repo';
import { createRelationship } from '../../renderer/data/relationships.repo';
import {
  addCourse,
  addTraining,
  deleteTraining,
  listCourses,
  listTrainingFor,
  loadTrainingDue,
  mentorTrainingStatuses,
  updateCourse,
} from '../../renderer/data/training.repo';
import { RuleError } from '../../renderer/domain/rules';
import {
  auditOf,
  auditText,
  fixTodayPerTest,
  freshDatabasePerTest,
  menteeInput,
  personInput,
  programInput,
  TODAY,
} from './helpers';

const getDb = freshDatabasePerTest();
fixTodayPerTest();

async function course(name = 'Mentor basics') {
  return addCourse({ name, provider: 'Regional college', renewalMonths: 12 });
}

async function trained(personId: string, courseId: string, completedOn: string, renewBy: string) {
  return addTraining(
    { personId, courseId, provider: 'Regional college', completedOn, hours: 6, renewBy },
    TODAY,
  );
}

describe('the clinic list of courses', () => {
  it('adds, renames and archives a course, archived ones listed last', async () => {
    const basics = await course();
    const ethics = await course('Ethics for mentors');
    await updateCourse(basics.id, { name: 'Mentor basics (2024)', renewalMonths: 24 });
    await updateCourse(ethics.id, { archived: true });
    expect((await listCourses()).map((item) => [item.name, item.renewalMonths, item.archived])).toEqual([
      ['Mentor basics (2024)', 24, false],
      ['Ethics for mentors', 12, true],
    ]);
  });

  it('refuses a second course of the same name', async () => {
    await course();
    await expect(course('MENTOR basics')).rejects.toThrow(
      'There is already a course called "MENTOR basics".',
    );
  });
});

describe('training records', () => {
  it('keeps a completion for a mentor, the latest first, and deletes one', async () => {
    const mentor = await createPerson(personInput());
    const basics = await course();
    const first = await trained(mentor.id, basics.id, '2023-03-01', '2024-03-01');
    const second = await trained(mentor.id, basics.id, '2024-03-05', '2025-03-05');
    expect((await listTrainingFor(mentor.id)).map((record) => record.id)).toEqual([second.id, first.id]);
    await deleteTraining(first.id);
    expect((await listTrainingFor(mentor.id)).map((record) => record.id)).toEqual([second.id]);
    expect((await auditOf(first.id)).map((entry) => entry.action)).toEqual(['create', 'delete']);
  });

  it('writes nothing when a rule is broken', async () => {
    const mentor = await createPerson(personInput());
    await expect(
      addTraining(
        { personId: mentor.id, courseId: 'gone', provider: '', completedOn: TODAY, hours: 0, renewBy: TODAY },
        TODAY,
      ),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await getDb().trainingRecords.count()).toBe(0);
  });

  it('a person with training is archived, never deleted', async () => {
    const mentor = await createPerson(personInput());
    await trained(mentor.id, (await course()).id, '2024-01-01', '2025-01-01');
    await expect(deletePerson(mentor.id)).rejects.toThrow(/training or recognition records/);
  });
});

describe('the dashboard list of mentors whose training lapses', () => {
  it('lists lapsed and lapsing mentors, lapsed longest first, and leaves out those renewed or far off', async () => {
    const basics = await course();
    const names = ['Ada Lapsed', 'Ben Soon', 'Cy Renewed', 'Dee Current', 'Eve Archived'];
    const [ada, ben, cy, dee, eve] = await Promise.all(
      names.map((name, index) => createPerson(personInput({ name, email: `m${index}@clinic.example` }))),
    );
    await trained(ada.id, basics.id, '2023-05-01', '2024-05-01'); // lapsed on TODAY (2024-06-15)
    await trained(ben.id, basics.id, '2023-07-01', '2024-07-01'); // lapses in 16 days
    await trained(cy.id, basics.id, '2023-05-01', '2024-05-01');
    await trained(cy.id, basics.id, '2024-04-20', '2025-04-20'); // renewed in time
    await trained(dee.id, basics.id, '2024-01-10', '2025-01-10');
    await trained(eve.id, basics.id, '2023-01-01', '2024-01-01');
    await updatePerson(eve.id, { archived: true });
    const due = await loadTrainingDue(TODAY);
    expect(due.rows.map((row) => [row.name, row.state, row.renewBy])).toEqual([
      ['Ada Lapsed', 'lapsed', '2024-05-01'],
      ['Ben Soon', 'lapsing', '2024-07-01'],
    ]);
    expect(due.total).toBe(2);
  });

  it('shows ten rows and counts them all', async () => {
    const basics = await course();
    for (let index = 0; index < 12; index += 1) {
      const mentor = await createPerson(
        personInput({ name: `Mentor ${index}`, email: `m${index}@c.example` }),
      );
      await trained(mentor.id, basics.id, '2023-01-01', `2024-01-${String(10 + index).padStart(2, '0')}`);
    }
    const due = await loadTrainingDue(TODAY, 10);
    expect(due.rows).toHaveLength(10);
    expect(due.total).toBe(12);
    expect(due.rows[0].name).toBe('Mentor 0');
  });
});

describe('the training of the mentors New pairing shows', () => {
  it("gives each named mentor's training on the day from their own records, and no one else's", async () => {
    const basics = await course();
    const [ada, ben, cy, dee] = await Promise.all(
      ['Ada', 'Ben', 'Cy', 'Dee'].map((name, index) =>
        createPerson(personInput({ name: `${name} Mentor`, email: `t${index}@clinic.example` })),
      ),
    );
    await trained(ada.id, basics.id, '2023-05-01', '2024-05-01');
    await trained(ben.id, basics.id, '2023-05-01', '2024-05-01');
    await trained(ben.id, basics.id, '2024-04-20', '2025-04-20');
    await trained(cy.id, basics.id, '2024-01-10', '2025-01-10');
    const statuses = await mentorTrainingStatuses(TODAY, [ada.id, ben.id, dee.id]);
    expect(Object.fromEntries(statuses)).toEqual({
      [ada.id]: { state: 'lapsed', renewBy: '2024-05-01' },
      [ben.id]: { state: 'current', renewBy: '2025-04-20' },
      [dee.id]: { state: 'none', renewBy: null },
    });
    // On the day of a pairing's start, as the screen asks: Ada's training still covered it then.
    expect((await mentorTrainingStatuses('2024-04-01', [ada.id])).get(ada.id)?.state).not.toBe('lapsed');
    expect(await mentorTrainingStatuses(TODAY, [])).toEqual(new Map());
  });
});

describe('a pairing with a mentor whose training has lapsed', () => {
  it('is allowed, and remembers the lapse and its renew-by day', async () => {
    const program = await createProgram(programInput());
    const mentor = await createPerson(personInput());
    const mentee = await createPerson(menteeInput());
    await trained(mentor.id, (await course()).id, '2023-05-01', '2024-05-01');
    const pair = await createRelationship({
      programId: program.id,
      mentorId: mentor.id,
      menteeId: mentee.id,
      focus: 'clinical',
      startDate: TODAY,
      plannedEndDate: null,
    });
    expect((await getDb().relationships.get(pair.id))?.mentorTraining).toEqual({
      state: 'lapsed',
      renewBy: '2024-05-01',
    });
    expect((await auditOf(pair.id))[0].detail).toBe('mentor training lapsed: noted on the pairing');
  });

  it('remembers nothing when the training is current on the start date', async () => {
    const program = await createProgram(programInput());
    const mentor = await createPerson(personInput());
    const mentee = await createPerson(menteeInput());
    await trained(mentor.id, (await course()).id, '2024-01-01', '2025-01-01');
    const pair = await createRelationship({
      programId: program.id,
      mentorId: mentor.id,
      menteeId: mentee.id,
      focus: 'clinical',
      startDate: TODAY,
      plannedEndDate: null,
    });
    expect((await getDb().relationships.get(pair.id))?.mentorTraining).toBeUndefined();
  });
});

describe('recognition entries', () => {
  it('keeps entries the latest first, never copies their text into the audit log, and deletes one', async () => {
    const mentor = await createPerson(personInput());
    const thanks = await addRecognition(
      {
        personId: mentor.id,
        kind: 'thanks',
        date: '2024-05-02',
        text: 'You got me through my first code blue.',
      },
      TODAY,
    );
    const award = await addRecognition(
      { personId: mentor.id, kind: 'award', date: '2024-06-01', text: 'Mentor of the year' },
      TODAY,
    );
    expect((await listRecognitionFor(mentor.id)).map((entry) => entry.id)).toEqual([award.id, thanks.id]);
    expect(await auditText()).not.toContain('code blue');
    expect(await auditText()).not.toContain('Mentor of the year');
    await deleteRecognition(thanks.id);
    expect((await listRecognitionFor(mentor.id)).map((entry) => entry.id)).toEqual([award.id]);
  });

  it('refuses an entry without words and writes nothing', async () => {
    const mentor = await createPerson(personInput());
    await expect(
      addRecognition({ personId: mentor.id, kind: 'award', date: TODAY, text: '   ' }, TODAY),
    ).rejects.toThrow(/a few words/);
    expect(await getDb().recognitions.count()).toBe(0);
  });
});
