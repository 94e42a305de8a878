import { describe, expect, it } from 'vitest';
import { PAIRING_FIT_ID, SESSION_RATING_ID } from '../../renderer/domain/questionnaires/built-in';
import type { Answer } from '../../renderer/domain/questionnaires/types';
import {
  computePortfolio,
  type PortfolioData,
  type PortfolioGoalProgress,
  type PortfolioRating,
} from '../../renderer/domain/reports/portfolio';
import type { GoalStatus, Relationship } from '../../renderer/domain/types';

// Hand-worked: Grace mentors Liam (active since 1 Feb 2025) and Sofia (1 Mar – completed 30 Sep 2025);
// a pair with Noah ended in 2024 and is outside the period (calendar year 2025). Meetings in 2025:
// Liam 60 + 45 (the 45 confidential, about patient loss), Sofia 30; a 2024 meeting of Noah's is not counted.
// Mentoring: 3 meetings, 135 minutes = 2.3 hours (2.25 rounded to one decimal), 1 confidential.
// The confidential one was the debrief of a milestone (Noah's 2024 debrief is outside the period): 1 debrief.
// Goals achieved in 2025: Liam's g1 (1 Jun) and g2 (achieved 1 Apr, at risk, achieved again 1 Jul: counted
// once); not Noah's g3 (2024) nor Sofia's g4 (achieved 10 Jan 2026). Liam 2, Sofia 0.

const stamp = '2025-01-01T00:00:00.000Z';
const PERIOD = { start: '2025-01-01', end: '2025-12-31' };

function pair(id: string, menteeId: string, start: string, end: string | null): Relationship {
  return {
    id,
    programId: 'residency',
    mentorId: 'grace',
    menteeId,
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

function progress(goalId: string, date: string, status: GoalStatus): PortfolioGoalProgress {
  return { goalId, date, status, createdAt: `${date}T12:00:00.000Z` };
}

function data(overrides: Partial<PortfolioData> = {}): PortfolioData {
  return {
    clinicName: 'Harbour Clinic',
    mentor: { id: 'grace', name: 'Grace Okafor', profession: 'nurse', specialty: 'Emergency' },
    relationships: [
      pair('r-liam', 'liam', '2025-02-01', null),
      pair('r-sofia', 'sofia', '2025-03-01', '2025-09-30'),
      pair('r-noah', 'noah', '2024-01-01', '2024-11-30'),
    ],
    mentees: [
      { id: 'liam', name: 'Liam Chen', profession: 'nurse' },
      { id: 'sofia', name: 'Sofia Rossi', profession: 'resident' },
      { id: 'noah', name: 'Noah Patel', profession: 'student' },
    ],
    programs: [{ id: 'residency', name: 'Nurse residency' }],
    topics: [],
    meetings: [
      {
        id: 'm1',
        relationshipId: 'r-liam',
        date: '2025-02-10',
        durationMinutes: 60,
        topics: ['ethics'],
        confidential: false,
        debrief: false,
      },
      {
        id: 'm2',
        relationshipId: 'r-liam',
        date: '2025-03-10',
        durationMinutes: 45,
        topics: ['patient-loss'],
        confidential: true,
        debrief: true,
      },
      {
        id: 'm3',
        relationshipId: 'r-sofia',
        date: '2025-04-01',
        durationMinutes: 30,
        topics: ['ethics', 'career'],
        confidential: false,
        debrief: false,
      },
      {
        id: 'm0',
        relationshipId: 'r-noah',
        date: '2024-06-01',
        durationMinutes: 90,
        topics: ['research'],
        confidential: false,
        debrief: true,
      },
    ],
    training: [
      {
        id: 't1',
        personId: 'grace',
        courseId: 'essentials',
        provider: 'Regional college',
        completedOn: '2025-05-01',
        hours: 6,
        renewBy: '2026-05-01',
        createdAt: stamp,
        updatedAt: stamp,
      },
    ],
    courses: [{ id: 'essentials', name: 'Mentoring essentials' }],
    recognitions: [
      {
        id: 'a',
        personId: 'grace',
        kind: 'award',
        date: '2025-06-01',
        text: 'Mentor of the year',
        createdAt: stamp,
        updatedAt: stamp,
      },
      {
        id: 'b',
        personId: 'grace',
        kind: 'thanks',
        date: '2024-06-01',
        text: 'Old thanks',
        createdAt: stamp,
        updatedAt: stamp,
      },
    ],
    goals: [
      { id: 'g1', relationshipId: 'r-liam' },
      { id: 'g2', relationshipId: 'r-liam' },
      { id: 'g3', relationshipId: 'r-noah' },
      { id: 'g4', relationshipId: 'r-sofia' },
    ],
    goalProgress: [
      progress('g1', '2025-02-05', 'not-started'),
      progress('g1', '2025-06-01', 'achieved'),
      progress('g2', '2025-02-05', 'on-track'),
      progress('g2', '2025-04-01', 'achieved'),
      progress('g2', '2025-05-01', 'at-risk'),
      progress('g2', '2025-07-01', 'achieved'),
      progress('g3', '2024-10-01', 'achieved'),
      progress('g4', '2025-03-10', 'on-track'),
      progress('g4', '2026-01-10', 'achieved'),
    ],
    sessionRatings: [],
    ...overrides,
  };
}

describe("a mentor's portfolio", () => {
  it('lists the pairings of the period with their outcomes, meetings and hours', () => {
    const portfolio = computePortfolio(data(), PERIOD);
    expect(portfolio.mentorRole).toBe('Nurse, Emergency');
    expect(portfolio.mentees).toBe(2);
    expect(
      portfolio.pairings.map((row) => [row.menteeName, row.status, row.endDate, row.meetings, row.minutes]),
    ).toEqual([
      ['Liam Chen', 'Active', null, 2, 105],
      ['Sofia Rossi', 'Completed', '2025-09-30', 1, 30],
    ]);
    expect(portfolio.meetings).toBe(3);
    expect(portfolio.minutes).toBe(135);
  });

  it('counts confidential meetings in the hours and never names their topics', () => {
    const portfolio = computePortfolio(data(), PERIOD);
    expect(portfolio.confidentialMeetings).toBe(1);
    expect(portfolio.topics.map((topic) => topic.label)).not.toContain('Patient loss');
    expect(portfolio.topics).toEqual([
      { label: 'Ethics', meetings: 2 },
      { label: 'Career and specialization', meetings: 1 },
    ]);
  });

  it('holds the training and recognition of the period, and whether training was current on its last day', () => {
    const portfolio = computePortfolio(data(), PERIOD);
    expect(portfolio.training).toEqual([
      {
        course: 'Mentoring essentials',
        provider: 'Regional college',
        completedOn: '2025-05-01',
        hours: 6,
        renewBy: '2026-05-01',
      },
    ]);
    expect(portfolio.trainingHours).toBe(6);
    expect(portfolio.trainingCurrentAtEnd).toBe(true);
    expect(portfolio.recognitions).toEqual([
      { kind: 'Award', date: '2025-06-01', text: 'Mentor of the year' },
    ]);
  });

  it('counts per pairing the goals achieved in the period and the milestone debriefs held in it', () => {
    const portfolio = computePortfolio(data(), PERIOD);
    expect(portfolio.pairings.map((row) => [row.menteeName, row.goalsAchieved, row.debriefsHeld])).toEqual([
      ['Liam Chen', 2, 1],
      ['Sofia Rossi', 0, 0],
    ]);
    expect(portfolio.goalsAchieved).toBe(2);
    expect(portfolio.debriefsHeld).toBe(1);
  });
});

// Hand-worked session ratings (useful / heard / open, each 1 to 5) in 2025 by Grace's mentees:
//   Liam on r-liam: 5/5/4, 4/5/4, 4/4/4        Sofia on r-sofia: 5/4/5, 3/–/5 (heard left out)
// → 5 ratings. Useful (5+4+4+5+3)/5 = 4.2; heard has 4 answers, too few to show; open 22/5 = 4.4.
// Not counted: Grace's own rating of r-liam, Liam's rating of 31 Dec 2024, Liam's pairing-fit check,
// Noah's rating of his 2024 pairing, and a rating of another mentor's pairing.
function rating(
  personId: string,
  relationshipId: string,
  answeredOn: string,
  [useful, heard, open]: Answer[],
  questionnaireId = SESSION_RATING_ID,
): PortfolioRating {
  return { questionnaireId, personId, relationshipId, answeredOn, answers: { useful, heard, open } };
}

const COUNTED = [
  rating('liam', 'r-liam', '2025-02-10', [5, 5, 4]),
  rating('liam', 'r-liam', '2025-03-10', [4, 5, 4]),
  rating('liam', 'r-liam', '2025-12-31', [4, 4, 4]),
  rating('sofia', 'r-sofia', '2025-04-01', [5, 4, 5]),
  rating('sofia', 'r-sofia', '2025-01-01', [3, null, 5]),
];
const NOT_COUNTED = [
  rating('grace', 'r-liam', '2025-02-10', [1, 1, 1]),
  rating('liam', 'r-liam', '2024-12-31', [1, 1, 1]),
  rating('liam', 'r-liam', '2025-03-01', [1, 1, 1], PAIRING_FIT_ID),
  rating('noah', 'r-noah', '2024-06-01', [1, 1, 1]),
  rating('liam', 'r-other-mentor', '2025-05-01', [1, 1, 1]),
];

describe("a mentor's portfolio: the mentees' ratings", () => {
  it('averages each question of the mentees’ own session ratings in the period, from 5 ratings on', () => {
    const portfolio = computePortfolio(data({ sessionRatings: [...NOT_COUNTED, ...COUNTED] }), PERIOD);
    expect(portfolio.ratingsNote).toBeNull();
    expect(portfolio.ratings).toEqual({
      answers: 5,
      items: [
        { label: 'How useful was this meeting for you?', summary: '4.2 out of 5 on average (5 answers)' },
        {
          label: 'Did you talk about what mattered to you?',
          summary: 'fewer than 5 answers to this question, so no figure is shown',
        },
        {
          label: 'How comfortable did you feel speaking openly?',
          summary: '4.4 out of 5 on average (5 answers)',
        },
      ],
    });
  });

  it('shows no rating at all from 4 ratings, whatever else was answered', () => {
    const portfolio = computePortfolio(
      data({ sessionRatings: [...NOT_COUNTED, ...COUNTED.slice(0, 4)] }),
      PERIOD,
    );
    expect(portfolio.ratings).toBeNull();
    expect(portfolio.ratingsNote).toBe(
      'Fewer than 5 session ratings were given in this period, so none is shown.',
    );
  });

  it('says so when no mentee rated a meeting', () => {
    const portfolio = computePortfolio(data({ sessionRatings: NOT_COUNTED }), PERIOD);
    expect(portfolio.ratings).toBeNull();
    expect(portfolio.ratingsNote).toBe('No mentee rated a meeting in this period.');
  });
});
