import { describe, expect, it } from 'vitest';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import {
  computeGoalsInPeriod,
  type ReportGoal,
  type ReportGoalProgress,
} from '../../renderer/domain/reports/goals';
import type { ReportPeriod } from '../../renderer/domain/reports/period';
import { computeRecognitionLetter } from '../../renderer/domain/reports/recognition-letter';
import {
  buildReportIndex,
  type ReportData,
  type ReportPerson,
} from '../../renderer/domain/reports/report-data';
import { reportTables } from '../../renderer/domain/reports/tables';
import type { GoalStatus, Program, Relationship, RelationshipStatus } from '../../renderer/domain/types';

// Hand-worked fixture. Period: the first quarter of 2024 (1 January to 31 March).
// Residency: mentees m1–m6 paired since 1 Nov 2023 (mentor M1 has m1–m3), m8 since 15 Mar 2024 (not yet
// a month in on 31 March), m9 since 1 Jun 2023 with no goal, m10 paused with no goal.
// Nursing: m7 since 15 Jan 2024 (a plan expected by 15 Feb).
//   g1–g5  m1–m5  clinical  set 10 Jan   achieved 31 Mar (the period's last day)
//   g6     m6     research  set 31 Dec   achieved 1 Jan (its first day)
//   g7     m7     research  set 29 Feb   achieved 1 Apr (the day after)
//   g8     m1     time      set 1 Apr    (after the period)
// Goals set in the period: g1–g5, g7 = 6 (6 mentees). Achieved in it: g1–g6 = 6 (6 mentees).
// Clinical: set 5, achieved 5 (5 mentees each). Research: set 1 (g7), achieved 1 (g6): fewer than 5.
// Residency: set 5, achieved 6. Nursing: set 1 (fewer than 5), achieved 0.
// Pairs a month in on 31 March: m1–m7, m9 = 8; without a plan: m9 alone, fewer than 5.

const PERIOD: ReportPeriod = {
  kind: 'custom',
  start: '2024-01-01',
  end: '2024-03-31',
  name: 'Q1 2024',
  toDate: false,
};
const STAMP = '2023-10-01T09:00:00.000Z';

function person(id: string): ReportPerson {
  return {
    id,
    name: id.toUpperCase(),
    profession: 'resident',
    specialty: '',
    hireDate: null,
    leavingDate: null,
    isMentor: id.startsWith('M'),
    isMentee: !id.startsWith('M'),
    mentorCapacity: 5,
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
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

function pair(
  id: string,
  mentee: string,
  programId: string,
  start: string,
  status: RelationshipStatus = 'active',
): Relationship {
  return {
    id,
    programId,
    mentorId: ['m1', 'm2', 'm3'].includes(mentee) ? 'M1' : 'M2',
    menteeId: mentee,
    focus: 'clinical',
    startDate: start,
    plannedEndDate: null,
    endDate: null,
    status,
    endReason: null,
    statusHistory:
      status === 'paused'
        ? [
            { status: 'active', date: start },
            { status: 'paused', date: '2024-02-01' },
          ]
        : [{ status: 'active', date: start }],
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

const goals: ReportGoal[] = [];
const goalProgress: ReportGoalProgress[] = [];
function goal(id: string, pairId: string, areaId: string, setDate: string, achievedOn?: string) {
  goals.push({
    id,
    relationshipId: pairId,
    areaId,
    setDate,
    targetDate: null,
    status: achievedOn ? 'achieved' : 'not-started',
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  const entry = (date: string, status: GoalStatus): ReportGoalProgress => ({
    goalId: id,
    relationshipId: pairId,
    date,
    status,
    createdAt: `${date}T10:00:00.000Z`,
  });
  goalProgress.push(entry(setDate, 'not-started'));
  if (achievedOn) goalProgress.push(entry(achievedOn, 'achieved'));
}

for (const n of [1, 2, 3, 4, 5]) goal(`g${n}`, `p${n}`, 'area-clinical', '2024-01-10', '2024-03-31');
goal('g6', 'p6', 'area-research', '2023-12-31', '2024-01-01');
goal('g7', 'p7', 'area-research', '2024-02-29', '2024-04-01');
goal('g8', 'p1', 'area-time', '2024-04-01');

const DATA: ReportData = {
  clinicName: 'Riverside',
  paperSize: 'A4',
  people: ['M1', 'M2', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10'].map(person),
  programs: [program('res', 'Residency'), program('nur', 'Nursing')],
  relationships: [
    ...[1, 2, 3, 4, 5, 6].map((n) => pair(`p${n}`, `m${n}`, 'res', '2023-11-01')),
    pair('p7', 'm7', 'nur', '2024-01-15'),
    pair('p8', 'm8', 'res', '2024-03-15'),
    pair('p9', 'm9', 'res', '2023-06-01'),
    pair('p10', 'm10', 'res', '2023-06-01', 'paused'),
  ],
  topics: [],
  meetingRange: { start: PERIOD.start, end: PERIOD.end },
  meetings: [],
  actionItems: [],
  lastMeetingBeforeRange: {},
  goalAreas: [],
  goals,
  goalProgress,
};

const byLabel = (rows: { label: string; set: unknown; achieved: unknown }[]) =>
  Object.fromEntries(rows.map((row) => [row.label, [row.set, row.achieved]]));

describe('development plans in the report', () => {
  const all = computeGoalsInPeriod(buildReportIndex(DATA, PERIOD, 'all', '2024-06-01'));

  it('counts goals set and achieved in the period, month ends and first days included', () => {
    expect(all.set).toBe(6);
    expect(all.achieved).toBe(6);
  });

  it('by area and by program, with fewer than 5 mentees behind a figure suppressed', () => {
    const areas = byLabel(all.byArea);
    expect(areas['Clinical skills and complex cases']).toEqual([5, 5]);
    expect(areas.Research).toEqual(['fewer than 5', 'fewer than 5']);
    expect(areas['Time management']).toEqual([0, 0]);
    expect(byLabel(all.byProgram)).toEqual({ Residency: [5, 6], Nursing: ['fewer than 5', 0] });
  });

  it('counts pairs a month in on the last day, and those without a plan (suppressed when few)', () => {
    expect(all.pairsDueAPlan).toBe(8);
    expect(all.pairsWithoutPlan).toBe('fewer than 5');
  });

  it('keeps to the programs chosen', () => {
    const nursing = computeGoalsInPeriod(buildReportIndex(DATA, PERIOD, ['nur'], '2024-06-01'));
    expect([nursing.set, nursing.achieved, nursing.pairsDueAPlan, nursing.pairsWithoutPlan]).toEqual([
      'fewer than 5',
      0,
      1,
      0,
    ]);
  });

  it('the next quarter sees g7 and g8 instead', () => {
    const q2: ReportPeriod = { ...PERIOD, start: '2024-04-01', end: '2024-06-30', name: 'Q2 2024' };
    const next = computeGoalsInPeriod(
      buildReportIndex({ ...DATA, meetingRange: { start: q2.start, end: q2.end } }, q2, 'all', '2024-07-01'),
    );
    expect(byLabel(next.byArea)['Time management']).toEqual(['fewer than 5', 0]);
    expect(byLabel(next.byArea).Research).toEqual([0, 'fewer than 5']);
  });

  it('the CSV table says the same, with no goal text', () => {
    const report = computeReport(DATA, {
      period: PERIOD,
      programIds: 'all',
      today: '2024-06-01',
      generatedAt: '2024-06-01T10:00:00.000Z',
      appVersion: '1.0.0',
    });
    const table = reportTables(report).find((one) => one.id === 'development-plans');
    expect(table?.rows[0]).toEqual(['All', 'All goals', 6, 6]);
    expect(table?.rows.at(-1)).toEqual(['Plans', 'Of those, without a plan', 'fewer than 5', null]);
  });
});

describe('the recognition letter', () => {
  it('counts the goals the mentor mentees achieved in the period', () => {
    expect(computeRecognitionLetter(DATA, PERIOD, 'M1').goalsAchieved).toBe(3);
    expect(computeRecognitionLetter(DATA, PERIOD, 'M2').goalsAchieved).toBe(3);
  });
});
