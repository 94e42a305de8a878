// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { createPerson } from '../../renderer/data/people.repo';
import { createProgram } from '../../renderer/data/programs.repo';
import {
  changeRelationshipStatus,
  createRelationship,
  deleteRelationship,
  getRelationship,
  updateRelationship,
} from '../../renderer/data/relationships.repo';
import { loadReportData } from '../../renderer/data/reports.repo';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import {
  auditOf,
  fixTodayPerTest,
  freshDatabasePerTest,
  meetingInput,
  menteeInput,
  personInput,
  programInput,
  seedPair,
  TODAY,
} from './helpers';

// A pairing entered by mistake is corrected or deleted, so a typo never counts as "ended early".

const db = freshDatabasePerTest();
fixTodayPerTest();

async function endedEarlyInReport(): Promise<number> {
  const period = resolvePeriod({ kind: 'custom', start: '2024-01-01', end: TODAY }, TODAY);
  const report = computeReport(await loadReportData(period), {
    period,
    programIds: 'all',
    today: TODAY,
    generatedAt: `${TODAY}T12:00:00.000Z`,
    appVersion: 'test',
  });
  return report.census.endedByReason.reduce((sum, row) => sum + row.count, 0);
}

describe('correcting a pairing that has not met', () => {
  it('puts the right mentor, mentee and program on it, and audits the fields', async () => {
    const { relationship } = await seedPair();
    const rightMentor = await createPerson(
      personInput({ name: 'Noor Haddad', email: 'noor@clinic.example' }),
    );
    const rightMentee = await createPerson(menteeInput({ name: 'Ivo Petrov', email: 'ivo@clinic.example' }));
    const rightProgram = await createProgram(programInput({ name: 'Physician advisory', cadenceDays: 90 }));
    const corrected = await updateRelationship(relationship.id, {
      mentorId: rightMentor.id,
      menteeId: rightMentee.id,
      programId: rightProgram.id,
    });
    expect(corrected).toMatchObject({
      mentorId: rightMentor.id,
      menteeId: rightMentee.id,
      programId: rightProgram.id,
      status: 'active',
    });
    expect((await auditOf(relationship.id)).at(-1)).toMatchObject({
      action: 'update',
      fields: expect.arrayContaining(['mentorId', 'menteeId', 'programId']),
    });
  });

  it('refuses another mentor once the pair has met, changing nothing', async () => {
    const { relationship, mentor } = await seedPair();
    await logMeeting(meetingInput(relationship.id, { date: '2024-03-05' }));
    const other = await createPerson(personInput({ name: 'Noor Haddad', email: 'noor@clinic.example' }));
    await expect(updateRelationship(relationship.id, { mentorId: other.id })).rejects.toMatchObject({
      code: 'has-meetings',
      field: 'mentorId',
    });
    expect((await getRelationship(relationship.id))?.mentorId).toBe(mentor.id);
  });

  it('refuses a new mentor who has no room, and the mentee as their own mentor', async () => {
    const { relationship, program, mentee } = await seedPair();
    const full = await createPerson(
      personInput({ name: 'Noor Haddad', email: 'noor@clinic.example', mentorCapacity: 1 }),
    );
    const someone = await createPerson(menteeInput({ name: 'Ivo Petrov', email: 'ivo@clinic.example' }));
    await createRelationship({
      programId: program.id,
      mentorId: full.id,
      menteeId: someone.id,
      focus: 'clinical',
      startDate: '2024-03-01',
      plannedEndDate: null,
    });
    await expect(updateRelationship(relationship.id, { mentorId: full.id })).rejects.toMatchObject({
      code: 'over-capacity',
    });
    await expect(updateRelationship(relationship.id, { mentorId: mentee.id })).rejects.toMatchObject({
      field: 'mentorId',
    });
  });
});

describe('deleting a pairing entered by mistake', () => {
  it('removes it with its reason in the audit log, so the report counts no early end', async () => {
    const { relationship } = await seedPair();
    await deleteRelationship(relationship.id, 'entered-by-mistake');
    expect(await getRelationship(relationship.id)).toBeUndefined();
    expect((await auditOf(relationship.id)).at(-1)).toMatchObject({
      action: 'delete',
      detail: 'deleted: Entered by mistake',
    });
    expect(await endedEarlyInReport()).toBe(0);
  });

  it('whereas ending the same typo early would have counted in the accreditation figures', async () => {
    const { relationship } = await seedPair();
    await changeRelationshipStatus(relationship.id, 'ended-early', '2024-04-01', 'Entered by mistake');
    expect(await endedEarlyInReport()).toBe(1);
  });

  it('needs a reason from the list, and refuses a pairing that has met; nothing is written', async () => {
    const { relationship } = await seedPair();
    const auditBefore = await db().auditLog.count();
    await expect(deleteRelationship(relationship.id, '')).rejects.toMatchObject({ code: 'reason-required' });
    await expect(deleteRelationship(relationship.id, 'because I said so')).rejects.toMatchObject({
      code: 'reason-required',
    });
    await logMeeting(meetingInput(relationship.id, { date: '2024-03-05' }));
    const withMeeting = await db().auditLog.count();
    expect(withMeeting).toBeGreaterThan(auditBefore);
    await expect(deleteRelationship(relationship.id, 'duplicate')).rejects.toMatchObject({
      code: 'has-meetings',
    });
    expect(await getRelationship(relationship.id)).toBeDefined();
    expect(await db().auditLog.count()).toBe(withMeeting);
  });
});
