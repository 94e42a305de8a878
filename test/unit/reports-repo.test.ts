import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { switchDatabase } from '../../renderer/data/db';
import { loadReportChoices, loadReportData } from '../../renderer/data/reports.repo';
import type { ActionItem, Meeting, Person, Program, Relationship } from '../../renderer/domain/types';

const stamp = '2024-01-01T00:00:00.000Z';
let dbCount = 0;

function person(id: string, name: string, isMentor: boolean): Person {
  return {
    id,
    name,
    email: `${id}@clinic.example`,
    profession: 'nurse',
    specialty: '',
    careerStage: 'early-career',
    hireDate: '2020-01-01',
    leavingDate: null,
    tags: [],
    isMentor,
    isMentee: !isMentor,
    mentorCapacity: isMentor ? 2 : 0,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function meeting(id: string, relationshipId: string, date: string): Meeting {
  return {
    id,
    relationshipId,
    date,
    durationMinutes: 30,
    format: 'video',
    topics: [],
    notes: 'PRIVATE NOTE TEXT',
    confidential: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function pair(id: string, lastMeetingDate: string | null): Relationship {
  return {
    id,
    programId: 'p1',
    mentorId: 'ana',
    menteeId: 'ben',
    focus: 'clinical',
    startDate: '2023-01-01',
    plannedEndDate: null,
    endDate: null,
    status: 'active',
    endReason: null,
    statusHistory: [{ status: 'active', date: '2023-01-01' }],
    capacityOverride: null,
    lastMeetingDate,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

beforeEach(async () => {
  const db = switchDatabase(`reports-repo-${Date.now()}-${dbCount++}`);
  const program: Program = {
    id: 'p1',
    name: 'Nurse residency',
    cadenceDays: 14,
    typicalLengthMonths: 12,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const item: ActionItem = {
    id: 'a1',
    meetingId: 'm-in',
    relationshipId: 'met-inside',
    text: 'PRIVATE ACTION TEXT',
    owner: 'mentee',
    dueDate: null,
    done: false,
    doneDate: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await db.people.bulkAdd([person('ana', 'Ana', true), person('ben', 'Ben', false)]);
  await db.programs.add(program);
  await db.relationships.bulkAdd([pair('met-inside', '2024-03-01'), pair('met-only-after', '2024-09-01')]);
  await db.meetings.bulkAdd([
    meeting('m-old', 'met-only-after', '2023-11-05'),
    meeting('m-older', 'met-only-after', '2023-10-01'),
    meeting('m-after', 'met-only-after', '2024-09-01'),
    meeting('m-in', 'met-inside', '2024-03-01'),
  ]);
  await db.actionItems.add(item);
  await db.settings.put({
    key: 'clinic',
    clinicName: 'Harbour Clinic',
    paperSize: 'Letter',
    backupWarnDays: 7,
    lastBackupAt: null,
    onboarded: true,
  });
});

describe('loading a report', () => {
  it('loads the period’s meetings and their action items without any note or action text', async () => {
    const data = await loadReportData({ start: '2024-01-01', end: '2024-06-30' });
    expect(data.clinicName).toBe('Harbour Clinic');
    expect(data.paperSize).toBe('Letter');
    expect(data.meetings.map((m) => m.id)).toEqual(['m-in']);
    expect(data.actionItems.map((a) => a.id)).toEqual(['a1']);
    expect(JSON.stringify(data)).not.toMatch(/PRIVATE/);
    expect(JSON.stringify(data)).not.toMatch(/clinic\.example/);
  });

  it('finds the last meeting before the period for a pair that met only after it', async () => {
    const data = await loadReportData({ start: '2024-01-01', end: '2024-06-30' });
    expect(data.lastMeetingBeforeRange).toEqual({ 'met-only-after': '2023-11-05' });
  });

  it('offers the programs, the mentors and the first meeting’s date to choose from', async () => {
    const choices = await loadReportChoices();
    expect(choices.programs.map((p) => p.name)).toEqual(['Nurse residency']);
    expect(choices.mentors).toEqual([{ id: 'ana', name: 'Ana' }]);
    expect(choices.firstMeetingDate).toBe('2023-10-01');
  });
});
