// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { archivePerson, createPerson, mentorLoadsOf, peopleIdsIn } from '../../renderer/data/people.repo';
import {
  archiveProgram,
  createProgram,
  listPrograms,
  updateProgram,
} from '../../renderer/data/programs.repo';
import {
  changeRelationshipStatus,
  createRelationship,
  getRelationship,
  listRelationships,
  listRelationshipsForPerson,
  updateRelationship,
} from '../../renderer/data/relationships.repo';
import { RuleError } from '../../renderer/domain/rules';
import {
  auditOf,
  fixTodayPerTest,
  freshDatabasePerTest,
  meetingInput,
  menteeInput,
  personInput,
  programInput,
  seedPair,
} from './helpers';

const db = freshDatabasePerTest();
fixTodayPerTest();

describe('programs', () => {
  it('are listed by name and audited on create, update and archive', async () => {
    const leadership = await createProgram(programInput({ name: 'Leadership', cadenceDays: 30 }));
    const residency = await createProgram(programInput());
    expect((await listPrograms()).map((program) => program.name)).toEqual([
      'Leadership',
      'New-graduate nurse residency',
    ]);
    await updateProgram(leadership.id, { cadenceDays: 21 });
    await archiveProgram(leadership.id);
    expect((await auditOf(leadership.id)).map((entry) => [entry.action, entry.fields])).toEqual([
      ['create', ['cadenceDays', 'name', 'typicalLengthMonths']],
      ['update', ['cadenceDays']],
      ['update', ['archived']],
    ]);
    expect((await auditOf(residency.id)).length).toBe(1);
  });

  it('refuses a second program with the same name, whatever its case', async () => {
    await createProgram(programInput());
    await expect(createProgram(programInput({ name: ' NEW-GRADUATE nurse residency ' }))).rejects.toThrow(
      /already a program called/,
    );
    expect(await db().programs.count()).toBe(1);
  });
});

describe('pairing a mentor and a mentee', () => {
  it('stores an active pair that has not met yet, and audits it', async () => {
    const { relationship, mentor, mentee } = await seedPair();
    expect(await getRelationship(relationship.id)).toEqual(relationship);
    expect(relationship).toMatchObject({
      status: 'active',
      lastMeetingDate: null,
      endDate: null,
      capacityOverride: null,
      statusHistory: [{ status: 'active', date: '2024-03-01' }],
    });
    expect((await listRelationshipsForPerson(mentor.id)).map((pair) => pair.id)).toEqual([relationship.id]);
    expect((await listRelationshipsForPerson(mentee.id)).map((pair) => pair.id)).toEqual([relationship.id]);
    const [entry] = await auditOf(relationship.id);
    expect(entry).toMatchObject({ table: 'relationships', action: 'create' });
    expect(entry.fields).toEqual(expect.arrayContaining(['mentorId', 'menteeId', 'startDate', 'status']));
    expect(entry.detail).toBeUndefined();
  });

  it('refuses to pair someone with themselves and writes nothing', async () => {
    const program = await createProgram(programInput());
    const both = await createPerson(personInput({ isMentee: true }));
    const before = await db().auditLog.count();
    await expect(
      createRelationship({
        programId: program.id,
        mentorId: both.id,
        menteeId: both.id,
        focus: 'peer',
        startDate: '2024-03-01',
        plannedEndDate: null,
      }),
    ).rejects.toMatchObject({ code: 'self-mentoring' });
    expect(await listRelationships()).toEqual([]);
    expect(await db().auditLog.count()).toBe(before);
  });

  it('refuses a planned end before the start', async () => {
    await expect(seedPair({ startDate: '2024-03-01', plannedEndDate: '2024-02-01' })).rejects.toThrow(
      'The planned end must be after the start date.',
    );
    expect(await listRelationships()).toEqual([]);
  });
});

describe("a mentor's capacity", () => {
  async function mentorWithOnePlace() {
    const { program, mentor, relationship } = await seedPair({}, { mentor: { mentorCapacity: 1 } });
    const second = await createPerson(menteeInput({ name: 'Sofia Rossi', email: 'sofia@clinic.example' }));
    const input = {
      programId: program.id,
      mentorId: mentor.id,
      menteeId: second.id,
      focus: 'career' as const,
      startDate: '2024-04-01',
      plannedEndDate: null,
    };
    return { mentor, input, first: relationship };
  }

  it('refuses a pairing beyond capacity without a reason, and writes nothing', async () => {
    const { mentor, input } = await mentorWithOnePlace();
    const auditBefore = await db().auditLog.count();
    const refusal = createRelationship(input);
    await expect(refusal).rejects.toBeInstanceOf(RuleError);
    await expect(refusal).rejects.toMatchObject({ code: 'over-capacity' });
    await expect(refusal).rejects.toThrow(
      'Grace Okafor already mentors 1 of 1. To pair them anyway, give a reason.',
    );
    await expect(createRelationship(input, { capacityOverrideReason: '  ' })).rejects.toMatchObject({
      code: 'over-capacity',
    });
    expect((await listRelationships()).length).toBe(1);
    expect(await db().auditLog.count()).toBe(auditBefore);
    expect((await mentorLoadsOf([mentor.id])).get(mentor.id)).toBe(1);
  });

  it('accepts it with a reason, recording the override on the pair and in the audit log', async () => {
    const { mentor, input } = await mentorWithOnePlace();
    const pair = await createRelationship(input, {
      capacityOverrideReason: '  Only oncology mentor this year ',
    });
    expect(pair.capacityOverride).toEqual({
      reason: 'Only oncology mentor this year',
      at: expect.any(String),
    });
    expect((await getRelationship(pair.id))?.capacityOverride?.reason).toBe('Only oncology mentor this year');
    const [entry] = await auditOf(pair.id);
    expect(entry.detail).toMatch(/over capacity/);
    expect((await mentorLoadsOf([mentor.id])).get(mentor.id)).toBe(2);
  });

  it('does not record an override when the mentor had room, even if a reason was typed', async () => {
    const { relationship } = await seedPair({}, { mentor: { mentorCapacity: 3 } });
    expect(relationship.capacityOverride).toBeNull();
    const withReason = await createRelationship(
      {
        programId: relationship.programId,
        mentorId: relationship.mentorId,
        menteeId: (await createPerson(menteeInput({ name: 'Noah Patel', email: 'noah@clinic.example' }))).id,
        focus: 'research',
        startDate: '2024-04-01',
        plannedEndDate: null,
      },
      { capacityOverrideReason: 'just in case' },
    );
    expect(withReason.capacityOverride).toBeNull();
    expect((await auditOf(withReason.id))[0].detail).toBeUndefined();
  });

  it('frees a place when a pair completes', async () => {
    const { mentor, input, first } = await mentorWithOnePlace();
    await changeRelationshipStatus(first.id, 'completed', '2024-05-01');
    expect((await mentorLoadsOf([mentor.id])).get(mentor.id)).toBe(0);
    const pair = await createRelationship(input);
    expect(pair.capacityOverride).toBeNull();
  });
});

describe("changing a pair's status", () => {
  it('ends a pair early only with a reason, then records the end date, reason and history', async () => {
    const { relationship } = await seedPair();
    await expect(
      changeRelationshipStatus(relationship.id, 'ended-early', '2024-05-10'),
    ).rejects.toMatchObject({
      code: 'reason-required',
    });
    expect(await getRelationship(relationship.id)).toEqual(relationship);
    const ended = await changeRelationshipStatus(
      relationship.id,
      'ended-early',
      '2024-05-10',
      ' Mentee moved away ',
    );
    expect(ended).toMatchObject({
      status: 'ended-early',
      endDate: '2024-05-10',
      endReason: 'Mentee moved away',
      statusHistory: [
        { status: 'active', date: '2024-03-01' },
        { status: 'ended-early', date: '2024-05-10' },
      ],
    });
    expect(await getRelationship(relationship.id)).toEqual(ended);
    expect((await auditOf(relationship.id)).at(-1)?.fields).toEqual([
      'endDate',
      'endReason',
      'status',
      'statusHistory',
    ]);
  });

  it('refuses to resume a completed pair', async () => {
    const { relationship } = await seedPair();
    const completed = await changeRelationshipStatus(relationship.id, 'completed', '2024-06-01');
    await expect(changeRelationshipStatus(relationship.id, 'active', '2024-06-10')).rejects.toThrow(
      'A completed pairing cannot become active.',
    );
    expect(await getRelationship(relationship.id)).toEqual(completed);
  });

  it('pauses and resumes a pair, keeping each step in its history', async () => {
    const { relationship } = await seedPair();
    await changeRelationshipStatus(relationship.id, 'paused', '2024-04-01');
    const resumed = await changeRelationshipStatus(relationship.id, 'active', '2024-05-01');
    expect(resumed.statusHistory.map((step) => step.status)).toEqual(['active', 'paused', 'active']);
    expect(resumed.endDate).toBeNull();
  });
});

describe('editing a pair', () => {
  it('saves a new planned end and audits only that field', async () => {
    const { relationship } = await seedPair();
    const edited = await updateRelationship(relationship.id, { plannedEndDate: '2025-06-01' });
    expect(edited.plannedEndDate).toBe('2025-06-01');
    expect((await auditOf(relationship.id)).at(-1)).toMatchObject({
      action: 'update',
      fields: ['plannedEndDate'],
    });
  });

  it('refuses to move the start after a meeting the pair already had', async () => {
    const { relationship } = await seedPair();
    await logMeeting(meetingInput(relationship.id, { date: '2024-03-05' }));
    await expect(updateRelationship(relationship.id, { startDate: '2024-03-10' })).rejects.toMatchObject({
      code: 'meetings-before-start',
    });
    expect((await getRelationship(relationship.id))?.startDate).toBe('2024-03-01');
  });

  it('moves the first step of the history with the start date, so reports count the right days', async () => {
    const { relationship } = await seedPair();
    const moved = await updateRelationship(relationship.id, { startDate: '2024-02-15' });
    expect(moved.statusHistory).toEqual([{ status: 'active', date: '2024-02-15' }]);
  });

  it('refuses a start on or after a later pause or end, changing nothing', async () => {
    const { relationship } = await seedPair();
    await changeRelationshipStatus(relationship.id, 'completed', '2024-04-01');
    await expect(updateRelationship(relationship.id, { startDate: '2024-05-01' })).rejects.toMatchObject({
      code: 'start-after-changes',
    });
    const kept = await getRelationship(relationship.id);
    expect(kept?.startDate).toBe('2024-03-01');
    expect(kept?.statusHistory[0]).toEqual({ status: 'active', date: '2024-03-01' });
  });

  it('does not re-check capacity when a full mentor’s pair is edited', async () => {
    const { relationship } = await seedPair({}, { mentor: { mentorCapacity: 1 } });
    await expect(updateRelationship(relationship.id, { focus: 'career' })).resolves.toMatchObject({
      focus: 'career',
    });
  });

  it('still lets the manager correct a pair after its mentor has been archived', async () => {
    const { relationship, mentor } = await seedPair();
    await changeRelationshipStatus(relationship.id, 'completed', '2024-06-01');
    await archivePerson(mentor.id);
    await expect(updateRelationship(relationship.id, { focus: 'career' })).resolves.toMatchObject({
      focus: 'career',
    });
  });
});

describe('mentees with a mentor, for the people list’s filter', () => {
  it('counts a paused pair as having a mentor, and an ended one as not', async () => {
    const { mentee, relationship } = await seedPair();
    expect(await peopleIdsIn('mentees-without-mentor')).toEqual(new Set());
    await changeRelationshipStatus(relationship.id, 'paused', '2024-05-01', 'Parental leave');
    expect(await peopleIdsIn('mentees-without-mentor')).toEqual(new Set());
    // Paused pairs free the mentor's place while the mentee keeps the mentor.
    expect((await mentorLoadsOf([relationship.mentorId])).get(relationship.mentorId)).toBe(0);
    await changeRelationshipStatus(relationship.id, 'completed', '2024-06-01');
    expect(await peopleIdsIn('mentees-without-mentor')).toEqual(new Set([mentee.id]));
  });
});
