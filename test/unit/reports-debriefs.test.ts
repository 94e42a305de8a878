import { describe, expect, it } from 'vitest';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { debriefOutcome, type ReportMilestone } from '../../renderer/domain/reports/milestone-debriefs';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import { computeRecognitionLetter } from '../../renderer/domain/reports/recognition-letter';
import type { ReportData, ReportMeeting, ReportPerson } from '../../renderer/domain/reports/report-data';
import { reportTables } from '../../renderer/domain/reports/tables';
import type { Program, Relationship } from '../../renderer/domain/types';

// Milestone debriefs, worked out by hand. Period: 1 January – 31 March 2026 (not a leap year); the
// report is made on 10 April 2026. Targets are 7 days unless said otherwise; the due day itself counts.
//
// Surgical residency (6 mentees, one pair each, mentor Ana):
//   a1 28 Jan, debriefed  4 Feb → due  4 Feb (across the month end): in time
//   a2 29 Jan, debriefed  6 Feb → due  5 Feb: late
//   a3 26 Feb, 3-day target, debriefed 1 Mar → due 1 Mar (28 days in February 2026): in time
//   a4 30 Mar, no debrief → due  6 Apr, passed by 10 Apr: overdue
//   a5 31 Mar, 14-day target, no debrief → due 14 Apr: still within target
//   a6 31 Mar, debriefed 3 Apr (after the period) → due 7 Apr: in time
//   a1 30 Dec 2025 and a2 2 Apr 2026: outside the period, not counted
//   → 6 recorded, 3 in time, 1 late, 1 overdue, 1 waiting; 3 of 5 decided = 60 %
// Nurse residency (2 mentees, mentor Ben):
//   b1 10 Feb, debriefed 12 Feb: in time;  b2 1 Mar, no debrief → due 8 Mar: overdue
//   → about fewer than 5 mentees: no figure shown
// All programs: 8 mentees, 8 recorded, 4 in time, 1 late, 2 overdue, 1 waiting; 4 of 7 = 57 %

const stamp = '2026-01-01T00:00:00.000Z';
const TODAY = '2026-04-10';
const period = resolvePeriod({ kind: 'custom', start: '2026-01-01', end: '2026-03-31' }, TODAY);

function person(id: string, isMentor = false): ReportPerson {
  return {
    id,
    name: id.toUpperCase(),
    profession: 'resident',
    specialty: '',
    hireDate: null,
    leavingDate: null,
    isMentor,
    isMentee: !isMentor,
    mentorCapacity: isMentor ? 10 : 0,
    archived: false,
  };
}

function program(id: string, name: string): Program {
  return {
    id,
    name,
    cadenceDays: 14,
    typicalLengthMonths: 12,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function pair(id: string, programId: string, mentorId: string): Relationship {
  return {
    id,
    programId,
    mentorId,
    menteeId: `mentee-${id}`,
    focus: 'clinical',
    startDate: '2025-10-01',
    plannedEndDate: null,
    endDate: null,
    status: 'active',
    endReason: null,
    statusHistory: [{ status: 'active', date: '2025-10-01' }],
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function milestone(
  id: string,
  relationshipId: string,
  date: string,
  debriefDate: string | null,
  debriefWithinDays = 7,
): ReportMilestone {
  return {
    id,
    relationshipId,
    menteeId: `mentee-${relationshipId}`,
    typeId: 'first-operation',
    date,
    debriefWithinDays,
    debriefDate,
  };
}

function debriefMeeting(
  id: string,
  relationshipId: string,
  date: string,
  milestoneId?: string,
): ReportMeeting {
  return {
    id,
    relationshipId,
    date,
    durationMinutes: 30,
    format: milestoneId ? 'debrief' : 'in-person',
    topics: [],
    confidential: false,
    ...(milestoneId ? { milestoneId } : {}),
  };
}

const SURGICAL = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
const NURSING = ['b1', 'b2'];

function fixture(): ReportData {
  const relationships = [
    ...SURGICAL.map((id) => pair(id, 'surgical', 'ana')),
    ...NURSING.map((id) => pair(id, 'nursing', 'ben')),
  ];
  return {
    clinicName: 'Riverside',
    paperSize: 'A4',
    people: [person('ana', true), person('ben', true), ...relationships.map((p) => person(p.menteeId))],
    programs: [program('surgical', 'Surgical residency'), program('nursing', 'Nurse residency')],
    relationships,
    topics: [],
    meetingRange: { start: period.start, end: period.end },
    meetings: [
      debriefMeeting('m-a1', 'a1', '2026-02-04', 'a1-op'),
      debriefMeeting('m-a2', 'a2', '2026-02-06', 'a2-op'),
      debriefMeeting('m-a3', 'a3', '2026-03-01', 'a3-op'),
      debriefMeeting('m-b1', 'b1', '2026-02-12', 'b1-op'),
      debriefMeeting('m-plain', 'a1', '2026-03-10'),
    ],
    actionItems: [],
    lastMeetingBeforeRange: {},
    goalAreas: [],
    goals: [],
    goalProgress: [],
    milestones: [
      milestone('a1-before', 'a1', '2025-12-30', '2026-01-02'),
      milestone('a1-op', 'a1', '2026-01-28', '2026-02-04'),
      milestone('a2-op', 'a2', '2026-01-29', '2026-02-06'),
      milestone('a3-op', 'a3', '2026-02-26', '2026-03-01', 3),
      milestone('a4-op', 'a4', '2026-03-30', null),
      milestone('a5-op', 'a5', '2026-03-31', null, 14),
      milestone('a6-op', 'a6', '2026-03-31', '2026-04-03'),
      milestone('a2-after', 'a2', '2026-04-02', null),
      milestone('b1-op', 'b1', '2026-02-10', '2026-02-12'),
      milestone('b2-op', 'b2', '2026-03-01', null),
    ],
  };
}

function report(programIds: string[] | 'all' = 'all') {
  return computeReport(fixture(), {
    period,
    programIds,
    today: TODAY,
    generatedAt: '2026-04-10T09:00:00.000Z',
    appVersion: 'test',
  });
}

describe('milestone debriefs in the report', () => {
  it('counts each program’s milestones of the period by how their debrief went, across month ends', () => {
    const { debriefs } = report();
    expect(debriefs.programs[0]).toEqual({
      label: 'Surgical residency',
      recorded: 6,
      inTime: 3,
      late: 1,
      overdue: 1,
      waiting: 1,
      rate: 60,
    });
    expect(debriefs.total).toEqual({
      label: 'All programs',
      recorded: 8,
      inTime: 4,
      late: 1,
      overdue: 2,
      waiting: 1,
      rate: 57,
    });
  });

  it('shows no figure for a program whose milestones concern fewer than 5 mentees', () => {
    const { debriefs } = report();
    expect(debriefs.programs[1]).toEqual({
      label: 'Nurse residency',
      recorded: 'fewer than 5',
      inTime: 'fewer than 5',
      late: 'fewer than 5',
      overdue: 'fewer than 5',
      waiting: 'fewer than 5',
      rate: 'fewer than 5',
    });
    expect(report(['nursing']).debriefs.total.recorded).toBe('fewer than 5');
  });

  it('reads zero, with no rate, for a program without milestones', () => {
    const data = fixture();
    data.milestones = [];
    const { debriefs } = computeReport(data, {
      period,
      programIds: 'all',
      today: TODAY,
      generatedAt: '2026-04-10T09:00:00.000Z',
      appVersion: 'test',
    });
    expect(debriefs.total).toMatchObject({ recorded: 0, inTime: 0, rate: null });
  });

  it('the due day itself counts as in time; the day after is late; an open one waits until its due day', () => {
    const base = milestone('x', 'a1', '2026-01-28', '2026-02-04');
    expect(debriefOutcome(base, TODAY)).toBe('in-time');
    expect(debriefOutcome({ ...base, debriefDate: '2026-02-05' }, TODAY)).toBe('late');
    expect(debriefOutcome({ ...base, debriefDate: null }, '2026-02-04')).toBe('waiting');
    expect(debriefOutcome({ ...base, debriefDate: null }, '2026-02-05')).toBe('overdue');
  });

  it('exports the same figures as a table, with no description or free text', () => {
    const table = reportTables(report()).find((section) => section.id === 'milestone-debriefs');
    expect(table?.rows).toEqual([
      ['Surgical residency', 6, 3, 1, 1, 1, 60],
      ['Nurse residency', ...Array(6).fill('fewer than 5')],
      ['All programs', 8, 4, 1, 2, 1, 57],
    ]);
  });
});

describe('the recognition letter', () => {
  it('counts the debriefs the mentor held in the period for their mentees', () => {
    expect(computeRecognitionLetter(fixture(), period, 'ana').debriefs).toBe(3);
    expect(computeRecognitionLetter(fixture(), period, 'ben').debriefs).toBe(1);
  });
});
