import { describe, expect, it } from 'vitest';
import { computePairCensus } from '../../renderer/domain/reports/census';
import { computeMeetingCompliance } from '../../renderer/domain/reports/compliance';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { CONFIDENTIAL_MEETING, computeEvidenceLog } from '../../renderer/domain/reports/evidence-log';
import { computeFollowUp } from '../../renderer/domain/reports/follow-up';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import {
  buildReportIndex,
  ReportDataError,
  relationshipsNeedingEarlierMeeting,
} from '../../renderer/domain/reports/report-data';
import { computeRetention, markDate, stillEmployedAfter } from '../../renderer/domain/reports/retention';
import { FEWER_THAN_5, guardCount, guardPercent } from '../../renderer/domain/reports/suppression';
import { computeTopicsCovered } from '../../renderer/domain/reports/topics';
import { buildFixture, PERIOD_END, PERIOD_START, TODAY } from './reports-fixture';

const period = resolvePeriod({ kind: 'custom', start: PERIOD_START, end: PERIOD_END }, TODAY);
const indexFor = (programIds: string[] | 'all' = 'all', data = buildFixture()) =>
  buildReportIndex(data, period, programIds, TODAY);

describe('pair census', () => {
  const census = computePairCensus(indexFor());

  it('counts pairs active on the first and last day, started and ended within the period', () => {
    // First day: R3 and R5 (R1 starts 15 Jan). Last day: R1, R2 (active again since 1 May), R5.
    expect(census.activeAtStart).toBe(2);
    expect(census.activeAtEnd).toBe(3);
    expect(census.pausedAtEnd).toBe(0);
    // R1–R5 were active on some day; R6 was only ever proposed.
    expect(census.pairsInPeriod).toBe(5);
    // First active in the period: R1, R2, R4.
    expect(census.started).toBe(3);
    expect(census.ended).toBe(2);
    expect(census.endedByReason).toEqual([
      { reason: 'Completed', count: 1 },
      { reason: 'Ended early: Mentee changed department', count: 1 },
    ]);
  });

  it('breaks pairs down by the mentee’s profession and by program', () => {
    expect(census.byMenteeProfession).toEqual([
      { profession: 'physician', label: 'Physician', pairs: 1 },
      { profession: 'nurse', label: 'Nurse', pairs: 2 },
      { profession: 'resident', label: 'Resident', pairs: 2 },
    ]);
    expect(census.byProgram).toEqual([
      {
        programId: 'p1',
        programName: 'Nurse residency',
        activeAtStart: 0,
        activeAtEnd: 2,
        started: 2,
        ended: 0,
        pairsInPeriod: 2,
      },
      {
        programId: 'p2',
        programName: 'Physician advisory',
        activeAtStart: 2,
        activeAtEnd: 1,
        started: 1,
        ended: 2,
        pairsInPeriod: 3,
      },
    ]);
  });

  it('sets mentor load against capacity and lists mentees left without a mentor', () => {
    // Ben has R1, R2 and R5 active on 30 June against a capacity of 2; Ana has none left.
    expect(census.mentorLoad).toEqual([
      { mentorId: 'ben', mentorName: 'Ben Mentor', activeMentees: 3, capacity: 2, overCapacity: true },
    ]);
    expect(census.mentorsOverCapacity).toBe(1);
    // Finn's pair ended on 10 June and he is employed until 1 August; Gia never had a mentor.
    expect(census.menteesWithoutMentor.map((mentee) => mentee.name)).toEqual(['Finn Okafor', 'Gia Rossi']);
  });

  it('reports only the chosen program, but still looks at every program for mentees without a mentor', () => {
    const nurses = computePairCensus(indexFor(['p1']));
    expect(nurses.pairsInPeriod).toBe(2);
    expect(nurses.activeAtStart).toBe(0);
    expect(nurses.byProgram.map((row) => row.programName)).toEqual(['Nurse residency']);
    // Eva has no nurse-residency pair, but her P2 pair with Ben is active: she has a mentor.
    expect(nurses.menteesWithoutMentor.map((mentee) => mentee.name)).toEqual(['Finn Okafor', 'Gia Rossi']);
    // Ben's load counts his P2 pair too (R5), as the pairing rule does: 3 against a capacity of 2.
    expect(nurses.mentorLoad).toEqual([
      { mentorId: 'ben', mentorName: 'Ben Mentor', activeMentees: 3, capacity: 2, overCapacity: true },
    ]);
  });
});

describe('meeting compliance', () => {
  const compliance = computeMeetingCompliance(indexFor());
  const pair = (id: string) => compliance.pairs.find((row) => row.relationshipId === id)!;

  it('expects meetings only over the days a pair was active, from its program’s cadence', () => {
    // R1: 15 Jan – 30 Jun = 17 + 29 + 31 + 30 + 31 + 30 = 168 days; 168 / 14 = 12 expected; 6 held.
    expect(pair('r1')).toMatchObject({
      activeDays: 168,
      expected: 12,
      held: 6,
      percentOfTarget: 50,
      metTarget: false,
    });
    expect(pair('r1').minutes).toBe(300);
    // R2: March (31) + May (31) + June (30), the April pause left out = 92 days; 92 / 14 → 6 expected.
    expect(pair('r2')).toMatchObject({
      activeDays: 92,
      expected: 6,
      held: 3,
      percentOfTarget: 50,
      metTarget: false,
    });
    // R3: 1 Jan – 14 Apr = 31 + 29 + 31 + 14 = 105 days; 105 / 90 → 1 expected; 2 held.
    expect(pair('r3')).toMatchObject({
      activeDays: 105,
      expected: 1,
      held: 2,
      percentOfTarget: 200,
      metTarget: true,
    });
    // R4: 1 Mar – 9 Jun = 31 + 30 + 31 + 9 = 101 days → 1 expected; never met.
    expect(pair('r4')).toMatchObject({
      activeDays: 101,
      expected: 1,
      held: 0,
      percentOfTarget: 0,
      metTarget: false,
    });
    // R5: the whole 182-day half-year → 2 expected at 90 days; none held.
    expect(pair('r5')).toMatchObject({ activeDays: 182, expected: 2, held: 0, percentOfTarget: 0 });
    // R6 was never active and never met: not in the table.
    expect(compliance.pairs.map((row) => row.relationshipId).sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('flags pairs overdue and quiet on the last day, from their last meeting even before the period', () => {
    // R1 last met 20 June: 10 days, within 14. R2 last met 10 May: 51 days > 14.
    expect(pair('r1')).toMatchObject({
      lastMeetingDate: '2024-06-20',
      overdueAtEnd: false,
      quietAtEnd: false,
    });
    expect(pair('r2')).toMatchObject({
      lastMeetingDate: '2024-05-10',
      overdueAtEnd: true,
      quietAtEnd: false,
    });
    // R5 last met 1 May 2023, more than 90 days before 30 June 2024: overdue and quiet.
    expect(pair('r5')).toMatchObject({ lastMeetingDate: '2023-05-01', overdueAtEnd: true, quietAtEnd: true });
    // Ended pairs are never overdue.
    expect(pair('r3').overdueAtEnd).toBe(false);
    expect(pair('r4')).toMatchObject({ statusAtEnd: 'ended-early', overdueAtEnd: false, quietAtEnd: false });
  });

  it('gives each program its share of pairs meeting the target', () => {
    expect(compliance.programs).toEqual([
      expect.objectContaining({
        programName: 'Nurse residency',
        pairs: 2,
        pairsWithTarget: 2,
        pairsMeetingTarget: 0,
        shareMeetingTarget: 0,
        expected: 18,
        held: 9,
        overdueAtEnd: 1,
        quietAtEnd: 0,
      }),
      expect.objectContaining({
        programName: 'Physician advisory',
        pairs: 3,
        pairsMeetingTarget: 1,
        shareMeetingTarget: 33,
        expected: 4,
        held: 2,
        overdueAtEnd: 1,
        quietAtEnd: 1,
      }),
    ]);
    expect(compliance.totals).toMatchObject({
      pairs: 5,
      pairsMeetingTarget: 1,
      shareMeetingTarget: 20,
      held: 11,
    });
  });

  it('does not expect a meeting before a full cadence has passed', () => {
    const data = buildFixture();
    data.relationships.push({
      ...data.relationships[0],
      id: 'r7',
      menteeId: 'gia',
      startDate: '2024-06-18',
      statusHistory: [{ status: 'active', date: '2024-06-18' }],
    });
    // 18 – 30 June is 13 days, short of the 14-day cadence.
    const fresh = computeMeetingCompliance(indexFor('all', data)).pairs.find(
      (row) => row.relationshipId === 'r7',
    )!;
    expect(fresh).toMatchObject({ activeDays: 13, expected: 0, percentOfTarget: null, metTarget: null });
  });
});

describe('topics covered', () => {
  const topics = computeTopicsCovered(indexFor());
  const topic = (id: string) => topics.topics.find((row) => row.topicId === id)!;

  it('counts meetings per topic and pairs that touched it at least once', () => {
    expect(topics.meetings).toBe(11);
    expect(topics.meetingsWithTopics).toBe(10);
    expect(topics.pairsThatMet).toBe(3);
    // R1 twice (the 20 June meeting lists it twice but counts once) and R2 once.
    expect(topic('emotional-resilience')).toMatchObject({ meetings: 3, pairs: 2, shareOfPairs: 67 });
    expect(topic('time-management')).toMatchObject({ meetings: 3, pairs: 2 });
    expect(topic('career')).toMatchObject({ meetings: 3, pairs: 2 });
    expect(topic('patient-loss')).toMatchObject({ meetings: 1, pairs: 1, shareOfPairs: 33 });
    // The 2 July ethics meeting falls after the period.
    expect(topic('ethics')).toMatchObject({ meetings: 0, pairs: 0, shareOfPairs: 0 });
  });

  it('lists the most discussed first, then the ones never touched', () => {
    expect(topics.topics.slice(0, 6).map((row) => row.label)).toEqual([
      'Career and specialization',
      'Emotional resilience',
      'Time management',
      'Complex cases',
      'Patient loss',
      'Research',
    ]);
    expect(topics.topics).toHaveLength(11);
  });
});

describe('follow-up', () => {
  it('follows the action items agreed in the period to the last day', () => {
    expect(computeFollowUp(indexFor())).toEqual({
      created: 6,
      withDueDate: 5,
      completed: 3,
      completedOnTime: 1,
      completedLate: 1,
      overdue: 2,
      open: 1,
      completionRate: 50,
      onTimeRate: 50,
    });
  });
});

describe('retention', () => {
  it('reads "fewer than 5" for a group of three mentored hires', () => {
    // Chloé, Dev and Finn were hired in the period and mentored.
    const { mentored } = computeRetention(indexFor());
    expect(mentored.hired).toBe(FEWER_THAN_5);
    expect(mentored.marks[0]).toEqual({
      months: 6,
      eligible: FEWER_THAN_5,
      retained: FEWER_THAN_5,
      rate: FEWER_THAN_5,
    });
  });

  it('counts staff without a mentor at 6 months, with the leap day and leaving on the mark', () => {
    // Gia, =HYPERLINK, Noor, Omar, Pia and Quinn were hired in the period and never mentored.
    const { notMentored, asOf } = computeRetention(indexFor());
    expect(asOf).toBe(TODAY);
    expect(notMentored.hired).toBe(6);
    // All six reached 6 months by 1 March 2025. Left before the mark: =HYPERLINK (1 Jun, hired 2 Jan)
    // and Quinn (14 Sep, mark 15 Sep). Pia left on her mark day (30 Dec): still employed.
    expect(notMentored.marks[0]).toEqual({ months: 6, eligible: 6, retained: 4, rate: 67 });
    // At 12 months only =HYPERLINK (2 Jan 2025) and Noor (28 Feb 2025) are due: too few to show.
    expect(notMentored.marks[1]).toEqual({
      months: 12,
      eligible: FEWER_THAN_5,
      retained: FEWER_THAN_5,
      rate: FEWER_THAN_5,
    });
  });

  it('shows a mentored group of five, where the mentee who left at month 5 is not retained', () => {
    const data = buildFixture();
    for (const id of ['gia', 'n3']) {
      data.relationships.push({ ...data.relationships[0], id: `pair-${id}`, menteeId: id });
    }
    const { mentored, notMentored } = computeRetention(indexFor('all', data));
    // Chloé, Dev, Finn, Gia, Omar; Finn left on 1 Aug 2024, five months after 1 Mar.
    expect(mentored.hired).toBe(5);
    expect(mentored.marks[0]).toEqual({ months: 6, eligible: 5, retained: 4, rate: 80 });
    expect(notMentored.hired).toBe(FEWER_THAN_5);
  });

  it('counts a hire whose only pairing was proposed, never active, as without a mentor', () => {
    const data = buildFixture();
    data.relationships.push({
      ...data.relationships[5],
      id: 'gia-proposed',
      menteeId: 'gia',
    });
    const { mentored, notMentored } = computeRetention(indexFor('all', data));
    expect(mentored.hired).toBe(FEWER_THAN_5);
    expect(notMentored.hired).toBe(6);
  });

  it('measures months from the hire date, 29 February included', () => {
    expect(markDate('2024-02-29', 12)).toBe('2025-02-28');
    expect(markDate('2024-02-29', 6)).toBe('2024-08-29');
    expect(stillEmployedAfter({ hireDate: '2024-03-01', leavingDate: '2024-08-01' }, 6)).toBe(false);
    expect(stillEmployedAfter({ hireDate: '2024-03-01', leavingDate: '2024-09-01' }, 6)).toBe(true);
    expect(stillEmployedAfter({ hireDate: '2024-03-01', leavingDate: null }, 12)).toBe(true);
  });
});

describe('small-group suppression', () => {
  it('hides counts and rates about 1 to 4 people, but not zero', () => {
    expect(guardCount(0)).toBe(0);
    expect(guardCount(4)).toBe(FEWER_THAN_5);
    expect(guardCount(5)).toBe(5);
    expect(guardPercent(1, 4)).toBe(FEWER_THAN_5);
    expect(guardPercent(2, 5)).toBe(40);
    expect(guardPercent(0, 0)).toBeNull();
  });
});

describe('evidence log', () => {
  const log = computeEvidenceLog(indexFor());

  it('lists every meeting in the period by date, with pair, program, duration, format and topics', () => {
    expect(log.rows).toHaveLength(11);
    expect(log.rows.map((row) => row.date)).toEqual([...log.rows.map((row) => row.date)].sort());
    expect(log.rows[0]).toMatchObject({
      date: '2024-01-20',
      menteeName: 'Chloé Durand',
      mentorName: 'Ben Mentor',
      programName: 'Nurse residency',
      durationMinutes: 60,
      formatLabel: 'In person',
      topics: ['Time management', 'Emotional resilience'],
    });
  });

  it('shows a confidential meeting only as "Confidential meeting"', () => {
    const confidential = log.rows.find((row) => row.date === '2024-03-01')!;
    expect(confidential).toEqual({
      meetingId: expect.any(String),
      date: '2024-03-01',
      confidential: true,
      description: CONFIDENTIAL_MEETING,
    });
    expect(JSON.stringify(confidential)).not.toMatch(/Chlo|Ben|Patient loss/);
    expect(log.confidentialMeetings).toBe(1);
  });
});

describe('the whole report', () => {
  it('names the clinic, period and programs, and refuses data that does not cover the period', () => {
    const report = computeReport(buildFixture(), {
      period,
      programIds: ['p2'],
      today: TODAY,
      generatedAt: '2025-03-01T10:00:00.000Z',
      appVersion: '1.2.3',
    });
    expect(report.clinicName).toBe('Clinique Sainte-Anne');
    expect(report.programs.map((program) => program.name)).toEqual(['Physician advisory']);
    expect(report.evidence.rows).toHaveLength(2);

    const narrow = buildFixture();
    narrow.meetingRange = { start: '2024-02-01', end: '2024-06-30' };
    expect(() => buildReportIndex(narrow, period, 'all', TODAY)).toThrow(ReportDataError);
  });

  it('asks the database only about pairs that met after the period starts but not within the loaded days', () => {
    const pairs = [
      { id: 'met-inside', lastMeetingDate: '2024-06-01' },
      { id: 'met-only-after', lastMeetingDate: '2024-09-01' },
      { id: 'met-only-before', lastMeetingDate: '2023-05-01' },
      { id: 'never-met', lastMeetingDate: null },
    ];
    expect(
      relationshipsNeedingEarlierMeeting(pairs, [{ relationshipId: 'met-inside' }], '2024-01-01'),
    ).toEqual(['met-only-after']);
  });
});
