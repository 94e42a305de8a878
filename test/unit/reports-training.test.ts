import { describe, expect, it } from 'vitest';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import type { ReportPeriod } from '../../renderer/domain/reports/period';
import type {
  ReportData,
  ReportPerson,
  ReportTrainingRecord,
} from '../../renderer/domain/reports/report-data';
import { reportTables } from '../../renderer/domain/reports/tables';
import type { Profession, Relationship } from '../../renderer/domain/types';

// Hand-worked: calendar year 2025. Nine mentors with a pair active in 2025: five nurses (N1–N5) and four
// physicians (D1–D4); one more nurse (N6) whose only pair ended in 2024 is not counted.
//
// Nurses, training on 31 Dec 2025:
//   N1 completed 2024-03-01 (renew by 2025-03-01), renewed late 2025-04-15 (→ 2026-04-15): current; 3 h in 2025
//   N2 completed 2024-12-31 (→ 2025-12-31): current on the very last day; 0 h in 2025
//   N3 completed 2024-06-01 (→ 2025-06-01), never renewed: lapsed; 0 h in 2025
//   N4 completed 2025-02-10 (→ 2026-02-10) and 2025-11-20 (→ 2026-11-20): current; 6 + 1.5 h in 2025
//   N5 no training: not current
//   → 5 mentors, 3 current (60%), 10.5 h
// Physicians: 4 mentors, all shown as "fewer than 5" (D1 trained 2 h in 2025).
// All mentors: 9, current 3 + 1 = 4 (44%), hours 10.5 + 2 = 12.5.

const PERIOD: ReportPeriod = {
  kind: 'calendar-year',
  start: '2025-01-01',
  end: '2025-12-31',
  name: 'Calendar year 2025',
  toDate: false,
};
const stamp = '2024-01-01T00:00:00.000Z';

function person(id: string, profession: Profession): ReportPerson {
  return {
    id,
    name: id,
    profession,
    specialty: '',
    hireDate: null,
    leavingDate: null,
    isMentor: true,
    isMentee: false,
    mentorCapacity: 3,
    archived: false,
  };
}

function pair(mentorId: string, start: string, end: string | null = null): Relationship {
  return {
    id: `pair-${mentorId}`,
    programId: 'program',
    mentorId,
    menteeId: 'mentee',
    focus: 'clinical',
    startDate: start,
    plannedEndDate: null,
    endDate: end,
    status: end ? 'completed' : 'active',
    endReason: null,
    statusHistory: [
      { status: 'active', date: start },
      ...(end ? [{ status: 'completed' as const, date: end }] : []),
    ],
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

const done = (personId: string, completedOn: string, renewBy: string, hours = 1): ReportTrainingRecord => ({
  personId,
  completedOn,
  renewBy,
  hours,
});

function data(training: ReportTrainingRecord[]): ReportData {
  const nurses = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6'];
  const physicians = ['D1', 'D2', 'D3', 'D4'];
  return {
    clinicName: 'Harbour Clinic',
    paperSize: 'A4',
    people: [
      ...nurses.map((id) => person(id, 'nurse')),
      ...physicians.map((id) => person(id, 'physician')),
      { ...person('mentee', 'resident'), isMentor: false, isMentee: true },
    ],
    programs: [
      {
        id: 'program',
        name: 'Residency',
        cadenceDays: 30,
        typicalLengthMonths: 12,
        archived: false,
        createdAt: stamp,
        updatedAt: stamp,
      },
    ],
    relationships: [
      ...['N1', 'N2', 'N3', 'N4', 'N5', ...physicians].map((id) => pair(id, '2024-09-01')),
      pair('N6', '2024-01-01', '2024-12-01'),
    ],
    topics: [],
    meetingRange: { start: PERIOD.start, end: PERIOD.end },
    meetings: [],
    actionItems: [],
    lastMeetingBeforeRange: {},
    trainingRecords: training,
    goalAreas: [],
    goals: [],
    goalProgress: [],
  };
}

const TRAINING = [
  done('N1', '2024-03-01', '2025-03-01', 4),
  done('N1', '2025-04-15', '2026-04-15', 3),
  done('N2', '2024-12-31', '2025-12-31', 5),
  done('N3', '2024-06-01', '2025-06-01', 5),
  done('N4', '2025-02-10', '2026-02-10', 6),
  done('N4', '2025-11-20', '2026-11-20', 1.5),
  done('N6', '2025-03-01', '2026-03-01', 8),
  done('D1', '2025-05-05', '2026-05-05', 2),
];

function training(records = TRAINING) {
  return computeReport(data(records), {
    period: PERIOD,
    programIds: 'all',
    today: '2026-01-10',
    generatedAt: '2026-01-10T10:00:00.000Z',
    appVersion: 'test',
  }).training;
}

describe('the mentor training section of the report', () => {
  it('counts current training on the last day across renewals, and hours completed in the period', () => {
    const section = training();
    expect(section.asOf).toBe('2025-12-31');
    expect(section.rows.find((row) => row.label === 'Nurse')).toEqual({
      label: 'Nurse',
      mentors: 5,
      currentAtEnd: 3,
      currentPercent: 60,
      hoursInPeriod: 10.5,
    });
    expect(section.total).toEqual({
      label: 'All mentors',
      mentors: 9,
      currentAtEnd: 4,
      currentPercent: 44,
      hoursInPeriod: 12.5,
    });
  });

  it('shows "fewer than 5" for a profession of 4 mentors, and figures for 5', () => {
    const rows = training().rows;
    expect(rows.find((row) => row.label === 'Physician')).toEqual({
      label: 'Physician',
      mentors: 'fewer than 5',
      currentAtEnd: 'fewer than 5',
      currentPercent: 'fewer than 5',
      hoursInPeriod: 'fewer than 5',
    });
    expect(rows.find((row) => row.label === 'Nurse')?.mentors).toBe(5);
  });

  it('counts the renew-by day itself as current, and a gap before a late renewal as lapsed', () => {
    const records = [done('N1', '2024-03-01', '2025-03-01'), done('N1', '2025-03-05', '2026-03-05')];
    const nursesCurrentOn = (end: string) =>
      computeReport(data(records), {
        period: { ...PERIOD, end },
        programIds: 'all',
        today: '2026-01-10',
        generatedAt: '2026-01-10T10:00:00.000Z',
        appVersion: 'test',
      }).training.rows.find((row) => row.label === 'Nurse')?.currentAtEnd;
    // Five nurses each time; N1 is the only one with training in this fixture.
    expect(nursesCurrentOn('2025-03-01')).toBe(1);
    expect(nursesCurrentOn('2025-03-03')).toBe(0);
    expect(nursesCurrentOn('2025-03-05')).toBe(1);
  });

  it('goes into the CSV and workbook tables with the same guarded figures', () => {
    const report = computeReport(data(TRAINING), {
      period: PERIOD,
      programIds: 'all',
      today: '2026-01-10',
      generatedAt: '2026-01-10T10:00:00.000Z',
      appVersion: 'test',
    });
    const table = reportTables(report).find((item) => item.id === 'mentor-training');
    expect(table?.rows).toEqual([
      ['Physician', 'fewer than 5', 'fewer than 5', 'fewer than 5', 'fewer than 5'],
      ['Nurse', 5, 3, 60, 10.5],
      ['All mentors', 9, 4, 44, 12.5],
    ]);
  });
});
