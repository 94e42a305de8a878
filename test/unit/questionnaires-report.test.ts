import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_QUESTIONNAIRES,
  BURNOUT_ID,
  END_OF_PAIRING_ID,
  PAIRING_FIT_ID,
  SESSION_RATING_ID,
} from '../../renderer/domain/questionnaires/built-in';
import type { SchedulePair } from '../../renderer/domain/questionnaires/schedule';
import type { SupportOutcome } from '../../renderer/domain/questionnaires/types';
import {
  computeQuestionnairesSection,
  type ReportResponse,
} from '../../renderer/domain/reports/questionnaires';

// A small program worked out by hand. Period: 1 January – 30 June 2024.
//   Pair A (Ana → Ben) active from 10 Jan 2024: pairing-fit due 10 Feb and 10 Apr (10 Jul is after the
//     period) → 2 checks × 2 people = 4 asked.
//   Pair B (Cai → Dee) 20 Nov 2023 – 31 Mar 2024, completed: the 3-month check (20 Feb) is in the
//     period; the 6-month one (20 May) came after the end, so it is not asked → 2 asked; the
//     end-of-pairing evaluation (31 Mar) → 2 asked.
//   Pair C proposed: never asked anything.
// Pairing-fit: 6 asked, 4 answered (67%), but 4 answers are too few to show what they say.
// End of pairing: 2 asked, 1 answered: both figures too small to show.

const PERIOD = {
  kind: 'custom' as const,
  start: '2024-01-01',
  end: '2024-06-30',
  name: 'First half of 2024',
  toDate: false,
};

const PAIRS: SchedulePair[] = [
  { id: 'A', mentorId: 'ana', menteeId: 'ben', status: 'active', startDate: '2024-01-10', endDate: null },
  {
    id: 'B',
    mentorId: 'cai',
    menteeId: 'dee',
    status: 'completed',
    startDate: '2023-11-20',
    endDate: '2024-03-31',
  },
  { id: 'C', mentorId: 'ana', menteeId: 'eve', status: 'proposed', startDate: '2024-06-01', endDate: null },
];

function response(
  questionnaireId: string,
  personId: string,
  answeredOn: string,
  answers: ReportResponse['answers'],
  extra: Partial<ReportResponse> = {},
): ReportResponse {
  return {
    questionnaireId,
    personId,
    relationshipId: null,
    checkpoint: null,
    answeredOn,
    answers,
    support: 'not-offered',
    ...extra,
  };
}

const fitAnswer = (personId: string, pair: string, checkpoint: 'month-1' | 'month-3', on: string) =>
  response(
    PAIRING_FIT_ID,
    personId,
    on,
    { 'often-enough': 3, continue: 4 },
    { relationshipId: pair, checkpoint },
  );

function burnout(level: number, support: SupportOutcome, on = '2024-05-01'): ReportResponse {
  return response(BURNOUT_ID, `person-${level}-${on}`, on, { burnout: level }, { support });
}

const PROGRAM_RESPONSES: ReportResponse[] = [
  fitAnswer('ben', 'A', 'month-1', '2024-02-12'),
  fitAnswer('ana', 'A', 'month-1', '2024-02-14'),
  fitAnswer('ben', 'A', 'month-3', '2024-04-11'),
  fitAnswer('dee', 'B', 'month-3', '2024-02-21'),
  response(
    END_OF_PAIRING_ID,
    'dee',
    '2024-04-02',
    { satisfied: 4 },
    { relationshipId: 'B', checkpoint: 'end' },
  ),
];

function section(responses: ReportResponse[]) {
  return computeQuestionnairesSection({
    period: PERIOD,
    questionnaires: BUILT_IN_QUESTIONNAIRES,
    relationships: PAIRS,
    responses,
  });
}

describe('questionnaire response rates', () => {
  it('counts who was asked on schedule in the period and who answered', () => {
    const { rates } = section(PROGRAM_RESPONSES);
    expect(rates.find((rate) => rate.questionnaireId === PAIRING_FIT_ID)).toEqual({
      questionnaireId: PAIRING_FIT_ID,
      title: 'Pairing-fit check',
      asked: 6,
      answered: 4,
      rate: 67,
    });
    expect(rates.find((rate) => rate.questionnaireId === END_OF_PAIRING_ID)).toMatchObject({
      asked: 2,
      answered: 'fewer than 5',
      rate: 'fewer than 5',
    });
  });

  it('lists a questionnaire that is not scheduled only once someone has answered it', () => {
    const ids = section(PROGRAM_RESPONSES).rates.map((rate) => rate.questionnaireId);
    expect(ids).toEqual([PAIRING_FIT_ID, END_OF_PAIRING_ID]);
  });
});

describe('response rates at the edge of a small group', () => {
  // Pair A alone, from 10 Jan 2024: the 1-month (10 Feb) and 3-month (10 Apr) checks fall in the
  // period, each asked of Ben and Ana → exactly 4 asked. All 4 answered, yet 4 of 4 would say who.
  it('hides both the count and the rate when exactly 4 were asked', () => {
    const everyone = [
      fitAnswer('ben', 'A', 'month-1', '2024-02-12'),
      fitAnswer('ana', 'A', 'month-1', '2024-02-14'),
      fitAnswer('ben', 'A', 'month-3', '2024-04-11'),
      fitAnswer('ana', 'A', 'month-3', '2024-04-12'),
    ];
    const { rates } = computeQuestionnairesSection({
      period: PERIOD,
      questionnaires: BUILT_IN_QUESTIONNAIRES,
      relationships: [PAIRS[0]],
      responses: everyone,
    });
    expect(rates.find((rate) => rate.questionnaireId === PAIRING_FIT_ID)).toEqual({
      questionnaireId: PAIRING_FIT_ID,
      title: 'Pairing-fit check',
      asked: 4,
      answered: 'fewer than 5',
      rate: 'fewer than 5',
    });
  });

  // A questionnaire nobody is scheduled to answer (the session rating) has no rate, only a count of
  // answers: 4 of them read "fewer than 5", the fifth makes it 5.
  it('counts the answers to an unscheduled questionnaire from exactly 5, not at 4', () => {
    const rating = (index: number) =>
      response(SESSION_RATING_ID, `p${index}`, `2024-05-0${index + 1}`, { useful: 4, heard: 4, open: 4 });
    const four = [0, 1, 2, 3].map(rating);
    const sessionRate = (responses: ReportResponse[]) =>
      section(responses).rates.find((rate) => rate.questionnaireId === SESSION_RATING_ID);
    expect(sessionRate(four)).toEqual({
      questionnaireId: SESSION_RATING_ID,
      title: 'Session rating',
      asked: null,
      answered: 'fewer than 5',
      rate: null,
    });
    expect(sessionRate([...four, rating(4)])).toMatchObject({ asked: null, answered: 5, rate: null });
  });
});

describe('results in aggregate, never for fewer than 5 answers', () => {
  it('shows nothing of what 4 answers say', () => {
    const results = section(PROGRAM_RESPONSES).results.find(
      (result) => result.questionnaireId === PAIRING_FIT_ID,
    );
    expect(results).toEqual({
      questionnaireId: PAIRING_FIT_ID,
      title: 'Pairing-fit check',
      responses: 'fewer than 5',
      shown: false,
      questions: [],
    });
  });

  it('shows the shares and average of exactly 5 answers, and hides a question only 4 of them answered', () => {
    // "Useful": 5, 4, 4, 3, 5 → average 21 / 5 = 4.2; shares 0, 0, 20, 40, 40 %.
    // "Heard": one person left it out → 4 answers → not shown.
    const ratings = [5, 4, 4, 3, 5].map((useful, index) =>
      response(SESSION_RATING_ID, `p${index}`, `2024-03-0${index + 1}`, {
        useful,
        heard: index === 0 ? null : 4,
        open: 5,
      }),
    );
    const results = section(ratings).results.find((result) => result.questionnaireId === SESSION_RATING_ID);
    expect(results?.responses).toBe(5);
    expect(results?.shown).toBe(true);
    const [useful, heard] = results?.questions ?? [];
    expect(useful).toMatchObject({ answered: 5, shown: true, average: 4.2, points: 5 });
    expect(useful.shares.map((share) => share.percent)).toEqual([0, 0, 20, 40, 40]);
    expect(useful.shares[0].label).toBe('1 (Not useful)');
    expect(useful.shares[4].label).toBe('5 (Very useful)');
    expect(heard).toMatchObject({ answered: 4, shown: false, average: null, shares: [] });
  });

  it('leaves answers outside the period out', () => {
    const inside = [1, 2, 3, 4].map((level) => burnout(level, level >= 3 ? 'offered' : 'not-offered'));
    const outside = burnout(5, 'accepted', '2023-12-31');
    const results = section([...inside, outside]).results.find(
      (result) => result.questionnaireId === BURNOUT_ID,
    );
    expect(results).toMatchObject({ responses: 'fewer than 5', shown: false });
  });
});

describe('well-being support offered and accepted', () => {
  it('reads "fewer than 5" for 4 offers and 1 acceptance', () => {
    const answers = [
      burnout(1, 'not-offered'),
      burnout(3, 'offered'),
      burnout(4, 'accepted'),
      burnout(5, 'offered'),
      burnout(3, 'offered'),
    ];
    expect(section(answers).support).toEqual({ offered: 'fewer than 5', accepted: 'fewer than 5' });
  });

  it('gives the count from 5 offers on, and 0 acceptances as 0', () => {
    const answers = [3, 3, 4, 4, 5].map((level) => burnout(level, 'offered'));
    expect(section(answers).support).toEqual({ offered: 5, accepted: 0 });
  });

  it('counts 5 acceptances', () => {
    const answers = [3, 3, 4, 4, 5, 5].map((level, index) =>
      burnout(level, index === 0 ? 'offered' : 'accepted'),
    );
    expect(section(answers).support).toEqual({ offered: 6, accepted: 5 });
  });
});
