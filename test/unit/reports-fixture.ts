import type {
  ReportActionItem,
  ReportData,
  ReportMeeting,
  ReportPerson,
} from '../../renderer/domain/reports/report-data';
import type { Program, Relationship, RelationshipStatus, Topic } from '../../renderer/domain/types';
import { BUILT_IN_TOPICS } from '../../renderer/domain/types';

// A small clinic built by hand, so every figure in the report tests can be worked out on paper.
// Period under test: 1 January – 30 June 2024 (a leap year: 182 days). Report made on 1 March 2025.
//
// Pairs (P1 "Nurse residency" meets every 14 days, P2 "Physician advisory" every 90):
//   R1 P1 Ben → Chloé  active from 15 Jan 2024 (starts mid-period), still active
//   R2 P1 Ben → Dev    active 1 Mar, paused 1 Apr, active again 1 May, still active
//   R3 P2 Ana → Eva    active since 1 Sep 2023, completed 15 Apr 2024 (ends mid-period)
//   R4 P2 Ana → Finn   active 1 Mar, ended early 10 Jun ("Mentee changed department"); never met
//   R5 P2 Ben → Eva    active since 10 Jan 2023; last met 1 May 2023, nothing since
//   R6 P1 Ana → Chloé  proposed on 1 Jun 2024, never active
// Finn was hired 1 Mar 2024 and left 1 Aug 2024: five months in.

export const PERIOD_START = '2024-01-01';
export const PERIOD_END = '2024-06-30';
export const TODAY = '2025-03-01';

const stamp = '2024-01-01T00:00:00.000Z';

function person(id: string, name: string, fields: Partial<ReportPerson> = {}): ReportPerson {
  return {
    id,
    name,
    profession: 'nurse',
    specialty: '',
    hireDate: null,
    leavingDate: null,
    isMentor: false,
    isMentee: false,
    mentorCapacity: 0,
    archived: false,
    ...fields,
  };
}

function program(id: string, name: string, cadenceDays: number): Program {
  return {
    id,
    name,
    cadenceDays,
    typicalLengthMonths: 12,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function pair(
  id: string,
  programId: string,
  mentorId: string,
  menteeId: string,
  history: [RelationshipStatus, string][],
  fields: Partial<Relationship> = {},
): Relationship {
  const [lastStatus, lastDate] = history[history.length - 1];
  const ended = lastStatus === 'completed' || lastStatus === 'ended-early';
  return {
    id,
    programId,
    mentorId,
    menteeId,
    focus: 'clinical',
    startDate: history[0][1],
    plannedEndDate: null,
    endDate: ended ? lastDate : null,
    status: lastStatus,
    endReason: null,
    statusHistory: history.map(([status, date]) => ({ status, date })),
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: stamp,
    updatedAt: stamp,
    ...fields,
  };
}

let meetingCount = 0;
function meeting(
  relationshipId: string,
  date: string,
  durationMinutes: number,
  topics: string[],
  confidential = false,
): ReportMeeting {
  meetingCount++;
  return {
    id: `m${String(meetingCount).padStart(2, '0')}-${relationshipId}-${date}`,
    relationshipId,
    date,
    durationMinutes,
    format: 'in-person',
    topics,
    confidential,
  };
}

function actionItem(
  id: string,
  meetingOf: ReportMeeting,
  dueDate: string | null,
  doneDate: string | null,
): ReportActionItem {
  return {
    id,
    meetingDate: meetingOf.date,
    relationshipId: meetingOf.relationshipId,
    owner: 'mentee',
    dueDate,
    done: doneDate !== null,
    doneDate,
  };
}

export function buildFixture(): ReportData {
  meetingCount = 0;
  const people: ReportPerson[] = [
    person('ana', 'Ana Mentor', {
      profession: 'physician',
      isMentor: true,
      mentorCapacity: 1,
      hireDate: '2015-01-01',
    }),
    person('ben', 'Ben Mentor', {
      profession: 'nurse',
      isMentor: true,
      mentorCapacity: 2,
      hireDate: '2016-01-01',
    }),
    person('chloe', 'Chloé Durand', { profession: 'nurse', isMentee: true, hireDate: '2024-01-15' }),
    person('dev', 'Dev Patel', { profession: 'nurse', isMentee: true, hireDate: '2024-02-29' }),
    person('eva', 'Eva Lind', { profession: 'resident', isMentee: true, hireDate: '2023-06-01' }),
    person('finn', 'Finn Okafor', {
      profession: 'physician',
      isMentee: true,
      hireDate: '2024-03-01',
      leavingDate: '2024-08-01',
    }),
    // Staff hired in the period who never had a mentor.
    person('gia', 'Gia Rossi', { isMentee: true, hireDate: '2024-04-10' }),
    person('n1', '=HYPERLINK("x")', { hireDate: '2024-01-02', leavingDate: '2024-06-01' }),
    person('n2', 'Noor Leap', { hireDate: '2024-02-29', leavingDate: '2025-02-28' }),
    person('n3', 'Omar Stay', { hireDate: '2024-05-01' }),
    person('n4', 'Pia Sixmonths', { hireDate: '2024-06-30', leavingDate: '2024-12-30' }),
    person('n5', 'Quinn Short', { hireDate: '2024-03-15', leavingDate: '2024-09-14' }),
    // Hired after the period: in no retention group.
    person('late', 'Rae Later', { hireDate: '2024-07-01' }),
  ];
  const programs = [program('p1', 'Nurse residency', 14), program('p2', 'Physician advisory', 90)];
  const relationships = [
    pair('r1', 'p1', 'ben', 'chloe', [['active', '2024-01-15']], { lastMeetingDate: '2024-07-02' }),
    pair(
      'r2',
      'p1',
      'ben',
      'dev',
      [
        ['active', '2024-03-01'],
        ['paused', '2024-04-01'],
        ['active', '2024-05-01'],
      ],
      { lastMeetingDate: '2024-05-10' },
    ),
    pair(
      'r3',
      'p2',
      'ana',
      'eva',
      [
        ['active', '2023-09-01'],
        ['completed', '2024-04-15'],
      ],
      { lastMeetingDate: '2024-04-01' },
    ),
    pair(
      'r4',
      'p2',
      'ana',
      'finn',
      [
        ['active', '2024-03-01'],
        ['ended-early', '2024-06-10'],
      ],
      { endReason: 'Mentee changed department' },
    ),
    pair('r5', 'p2', 'ben', 'eva', [['active', '2023-01-10']], {
      focus: 'career',
      lastMeetingDate: '2023-05-01',
    }),
    pair('r6', 'p1', 'ana', 'chloe', [['proposed', '2024-06-01']]),
  ];
  const r1 = [
    meeting('r1', '2024-01-20', 60, ['time-management', 'emotional-resilience']),
    meeting('r1', '2024-02-05', 45, ['time-management']),
    meeting('r1', '2024-03-01', 60, ['patient-loss'], true),
    meeting('r1', '2024-04-02', 30, []),
    meeting('r1', '2024-05-15', 60, ['career']),
    meeting('r1', '2024-06-20', 45, ['emotional-resilience', 'emotional-resilience']),
    // After the period (the loaded range is wider): must not count.
    meeting('r1', '2024-07-02', 60, ['ethics']),
  ];
  const r2 = [
    meeting('r2', '2024-03-05', 60, ['complex-cases']),
    meeting('r2', '2024-03-20', 60, ['emotional-resilience']),
    meeting('r2', '2024-05-10', 30, ['time-management']),
  ];
  const r3 = [
    meeting('r3', '2024-02-10', 60, ['career', 'research']),
    meeting('r3', '2024-04-01', 90, ['career']),
  ];
  const actionItems = [
    actionItem('a1', r1[0], '2024-02-01', '2024-01-30'), // on time
    actionItem('a2', r1[1], '2024-02-20', '2024-03-01'), // late
    actionItem('a3', r2[0], '2024-04-01', null), // overdue at the end
    actionItem('a4', r2[2], '2024-07-15', null), // open, not yet due
    actionItem('a5', r3[1], null, '2024-04-10'), // done, no due date
    actionItem('a6', r1[5], '2024-06-25', '2024-07-05'), // done after the period: overdue at the end
    actionItem('a7', r1[6], '2024-07-10', null), // agreed after the period: not counted
  ];
  const topics: Topic[] = BUILT_IN_TOPICS.map((topic) => ({ ...topic, builtIn: true, archived: false }));
  return {
    clinicName: 'Clinique Sainte-Anne',
    paperSize: 'A4',
    people,
    programs,
    relationships,
    topics,
    meetingRange: { start: '2023-12-01', end: '2024-07-31' },
    meetings: [...r1, ...r2, ...r3],
    actionItems,
    lastMeetingBeforeRange: {},
    goalAreas: [],
    goals: [],
    goalProgress: [],
  };
}
