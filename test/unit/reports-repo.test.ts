import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, switchDatabase } from '../../renderer/data/db';
import { closeSession, LockedError, openSession, setLockMode } from '../../renderer/data/lock/session';
import { openReportSession, ReportSuperseded } from '../../renderer/data/report-session';
import {
  loadReportChoices,
  loadReportData,
  monthSpans,
  openEndReasonsHere,
} from '../../renderer/data/reports.repo';
import { resolvePeriod } from '../../renderer/domain/reports/period';
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
  // Pairs are written with their people, who keep their pairing summaries.
  await db.transaction('rw', db.relationships, db.people, () =>
    db.relationships.bulkAdd([pair('met-inside', '2024-03-01'), pair('met-only-after', '2024-09-01')]),
  );
  // Meetings are written with their notes' table (schema version 23).
  await db.transaction('rw', db.meetings, db.meetingNotes, () =>
    db.meetings.bulkAdd([
      meeting('m-old', 'met-only-after', '2023-11-05'),
      meeting('m-older', 'met-only-after', '2023-10-01'),
      meeting('m-after', 'met-only-after', '2024-09-01'),
      meeting('m-in', 'met-inside', '2024-03-01'),
    ]),
  );
  // Items are written with the meetings, whose date each item carries for the report's index.
  await db.transaction('rw', db.actionItems, db.meetings, () => db.actionItems.add(item));
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

  it('offers the programs and the first meeting’s date to choose from', async () => {
    const choices = await loadReportChoices();
    expect(choices.programs.map((p) => p.name)).toEqual(['Nurse residency']);
    expect(choices.firstMeetingDate).toBe('2023-10-01');
  });

  it('never opens a meeting or an action item through the reading hooks (where the clinic lock opens sealed text)', async () => {
    const db = getDb();
    const opened: string[] = [];
    db.meetings.hook('reading', (meeting) => {
      opened.push(`meeting ${meeting.id}`);
      return meeting;
    });
    db.actionItems.hook('reading', (item) => {
      opened.push(`action ${item.id}`);
      return item;
    });
    await loadReportData({ start: '2024-01-01', end: '2024-06-30' });
    await loadReportChoices();
    expect(opened).toEqual([]);
  });

  it('tells how far it got, a month of meetings at a time', async () => {
    const steps: string[] = [];
    await loadReportData(
      { start: '2024-01-15', end: '2024-03-10' },
      {
        onProgress: (progress) =>
          steps.push(
            progress.step === 'meetings'
              ? `meetings ${progress.monthsRead}/${progress.months} (${progress.meetingsRead})`
              : progress.step,
          ),
      },
    );
    expect(steps).toEqual([
      'records',
      'meetings 1/3 (0)',
      'meetings 2/3 (0)',
      'meetings 3/3 (1)',
      'follow-up',
    ]);
  });

  it('splits a period into its calendar months, cut at both ends', () => {
    expect(monthSpans('2023-12-16', '2024-03-01')).toEqual([
      { start: '2023-12-16', end: '2023-12-31' },
      { start: '2024-01-01', end: '2024-01-31' },
      { start: '2024-02-01', end: '2024-02-29' },
      { start: '2024-03-01', end: '2024-03-01' },
    ]);
    expect(monthSpans('2024-05-03', '2024-05-20')).toEqual([{ start: '2024-05-03', end: '2024-05-20' }]);
  });
});

describe('a report session (inline, where there are no workers)', () => {
  const period = resolvePeriod({ kind: 'custom', start: '2024-01-01', end: '2024-06-30' }, '2024-12-31');
  const request = {
    period,
    programIds: 'all' as const,
    today: '2024-12-31',
    generatedAt: stamp,
    appVersion: 'test',
    screenRows: 100,
  };

  it('makes the report with the mentors a letter can be made for, and keeps the whole report and letters', async () => {
    const session = await openReportSession();
    expect(session.inWorker).toBe(false);
    const made = await session.make(request, () => undefined);
    expect(made.report.compliance.totals.held).toBe(1);
    expect(made.totals.evidenceRows).toBe(1);
    expect(made.mentors).toEqual([{ id: 'ana', name: 'Ana' }]);
    expect((await session.full()).evidence.rows.map((row) => row.meetingId)).toEqual(['m-in']);
    expect((await session.letter('ana')).meetings).toBe(1);
    session.close();
  });

  it('gives up a report once a newer one is asked for', async () => {
    const session = await openReportSession();
    const first = session.make(request, () => undefined);
    const second = session.make({ ...request, programIds: ['p1'] }, () => undefined);
    await expect(first).rejects.toBeInstanceOf(ReportSuperseded);
    expect((await second).report.allPrograms).toBe(false);
    session.close();
  });
});

describe('with the clinic lock on', () => {
  afterEach(() => setLockMode('off'));

  async function endEarly() {
    const db = getDb();
    openSession(crypto.getRandomValues(new Uint8Array(32)), 'on');
    const ended = {
      ...pair('ended-early', '2024-03-01'),
      status: 'ended-early' as const,
      endDate: '2024-04-01',
      endReason: 'Moved to another site',
      statusHistory: [
        { status: 'active' as const, date: '2023-01-01' },
        { status: 'ended-early' as const, date: '2024-04-01' },
      ],
    };
    await db.transaction('rw', db.relationships, db.people, () => db.relationships.put(ended));
    const stored = await db.relationships.toCollection().raw().toArray();
    expect(JSON.stringify(stored)).not.toContain('Moved to another site');
  }

  it('reads pairs without the reading hook and opens only the sealed end reasons, where the key is', async () => {
    await endEarly();
    const asked: string[] = [];
    getDb().relationships.hook('reading', (relationship) => {
      asked.push(relationship.id);
      return relationship;
    });
    const data = await loadReportData(
      { start: '2024-01-01', end: '2024-06-30' },
      {
        // As a worker does: it has no key, so the window opens them.
        openEndReasons: async (pairs) => {
          expect(pairs.map((p) => p.id)).toEqual(['ended-early']);
          expect(JSON.stringify(pairs)).not.toContain('Moved to another site');
          return openEndReasonsHere(pairs);
        },
      },
    );
    expect(asked).toEqual([]);
    expect(data.relationships.find((p) => p.id === 'ended-early')?.endReason).toBe('Moved to another site');
  });

  it('makes no report while the clinic is locked', async () => {
    await endEarly();
    closeSession();
    await expect(loadReportData({ start: '2024-01-01', end: '2024-06-30' })).rejects.toBeInstanceOf(
      LockedError,
    );
  });
});
