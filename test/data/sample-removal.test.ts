// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { createPerson } from '../../renderer/data/people.repo';
import { createProgram } from '../../renderer/data/programs.repo';
import { createRelationship } from '../../renderer/data/relationships.repo';
import { hasSampleData, removeSampleData } from '../../renderer/data/sample-records.repo';
import { getSettings } from '../../renderer/data/settings.repo';
import { isSampleId } from '../../renderer/domain/sample-records';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import {
  fixTodayPerTest,
  freshDatabasePerTest,
  meetingInput,
  menteeInput,
  personInput,
  programInput,
  TODAY,
} from './helpers';

// "Look around first" loads the sample clinic marked as sample; "Start for real" removes only it.

const db = freshDatabasePerTest();
fixTodayPerTest();

async function everyId(): Promise<string[]> {
  const d = db();
  const lists = await Promise.all([
    d.people.toCollection().primaryKeys(),
    d.programs.toCollection().primaryKeys(),
    d.relationships.toCollection().primaryKeys(),
    d.meetings.toCollection().primaryKeys(),
    d.actionItems.toCollection().primaryKeys(),
    d.trainingCourses.toCollection().primaryKeys(),
    d.trainingRecords.toCollection().primaryKeys(),
    d.recognitions.toCollection().primaryKeys(),
  ]);
  return lists.flat().map(String);
}

describe('the sample clinic', () => {
  it('is marked as sample record by record, links included', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY, asSample: true });
    const ids = await everyId();
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.every(isSampleId)).toBe(true);
    const pairs = await db().relationships.toArray();
    expect(pairs.every((pair) => [pair.mentorId, pair.menteeId, pair.programId].every(isSampleId))).toBe(
      true,
    );
    const meetings = await db().meetings.toArray();
    expect(meetings.every((meeting) => isSampleId(meeting.relationshipId))).toBe(true);
    expect(await hasSampleData()).toBe(true);
  });

  it('"Start for real" leaves an empty, named clinic when nothing real was entered', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY, asSample: true });
    const removed = await removeSampleData('Harbour Street Clinic');
    expect(removed.keptInUse).toBe(0);
    expect(await everyId()).toEqual([]);
    // The built-in topics stay: they are every clinic's, not the sample's.
    expect((await db().topics.toArray()).every((topic) => topic.builtIn && !isSampleId(topic.id))).toBe(true);
    expect((await getSettings()).clinicName).toBe('Harbour Street Clinic');
    expect(await hasSampleData()).toBe(false);
    expect((await db().auditLog.toArray()).at(-1)?.detail).toMatch(/^Sample clinic removed: \d+ people/);
  });

  it('keeps every record the manager entered, and a sample mentor her real pairing uses', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY, asSample: true });
    const sampleMentor = (await db().people.toArray()).find((person) => person.isMentor && !person.archived);
    const samplePair = (await db().relationships.toArray()).find((pair) => pair.status === 'active');
    const program = await createProgram(programInput({ name: 'Our own residency' }));
    const mentor = await createPerson(personInput({ name: 'Noor Haddad', email: 'noor@clinic.example' }));
    const mentee = await createPerson(menteeInput({ name: 'Ivo Petrov', email: 'ivo@clinic.example' }));
    const realPair = await createRelationship(
      {
        programId: program.id,
        mentorId: mentor.id,
        menteeId: mentee.id,
        focus: 'clinical',
        startDate: '2024-03-01',
        plannedEndDate: null,
      },
      {},
    );
    const realMeeting = await logMeeting(meetingInput(realPair.id, { date: '2024-03-05' }));
    const pairWithSampleMentor = await createRelationship(
      {
        programId: program.id,
        mentorId: sampleMentor!.id,
        menteeId: mentee.id,
        focus: 'career',
        startDate: '2024-03-01',
        plannedEndDate: null,
      },
      { capacityOverrideReason: 'The sample mentor is real enough' },
    );
    // A meeting logged on a sample pairing goes with it.
    await logMeeting(meetingInput(samplePair!.id, { date: TODAY }));
    const realBefore = {
      people: await db().people.bulkGet([mentor.id, mentee.id]),
      program: await db().programs.get(program.id),
      pairs: await db().relationships.bulkGet([realPair.id, pairWithSampleMentor.id]),
      meeting: await db().meetings.get(realMeeting.id),
    };

    const removed = await removeSampleData('Harbour Street Clinic');

    expect(removed.keptInUse).toBe(1);
    expect({
      people: await db().people.bulkGet([mentor.id, mentee.id]),
      program: await db().programs.get(program.id),
      pairs: await db().relationships.bulkGet([realPair.id, pairWithSampleMentor.id]),
      meeting: await db().meetings.get(realMeeting.id),
    }).toEqual(realBefore);
    // The kept mentor keeps her own training and recognition, and the courses her training names.
    const training = await db().trainingRecords.toArray();
    const recognitions = await db().recognitions.toArray();
    const courses = await db().trainingCourses.toArray();
    expect([...training, ...recognitions].every((record) => record.personId === sampleMentor!.id)).toBe(true);
    expect(courses.map((course) => course.id).sort()).toEqual(
      [...new Set(training.map((t) => t.courseId))].sort(),
    );
    expect((await everyId()).filter(isSampleId).sort()).toEqual(
      [
        sampleMentor!.id,
        ...training.map((t) => t.id),
        ...recognitions.map((r) => r.id),
        ...courses.map((c) => c.id),
      ].sort(),
    );
    expect(await db().meetings.where('relationshipId').equals(samplePair!.id).count()).toBe(0);
    expect(await hasSampleData()).toBe(false);
  });

  it('asks for the clinic’s name and removes nothing without it', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY, asSample: true });
    const before = (await everyId()).length;
    await expect(removeSampleData('   ')).rejects.toMatchObject({ field: 'clinicName' });
    expect((await everyId()).length).toBe(before);
  });
});
