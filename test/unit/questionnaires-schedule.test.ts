import { describe, expect, it } from 'vitest';
import { checkAnswers, isHighBurnout } from '../../renderer/domain/questionnaires/answers';
import {
  BUILT_IN_QUESTIONNAIRES,
  BURNOUT,
  BURNOUT_ID,
  PAIRING_FIT,
} from '../../renderer/domain/questionnaires/built-in';
import {
  dueQuestionnaires,
  type SchedulePair,
  scheduledFor,
} from '../../renderer/domain/questionnaires/schedule';

// When pairing questionnaires fall due, worked out by hand; what counts as a high burnout answer.

const pair = (fields: Partial<SchedulePair>): SchedulePair => ({
  id: 'P',
  mentorId: 'mentor',
  menteeId: 'mentee',
  status: 'active',
  startDate: '2024-01-31',
  endDate: null,
  ...fields,
});

describe('the pairing schedule', () => {
  it('falls 1, 3 and 6 months after the start, month ends clamped (31 Jan → 29 Feb, 30 Apr, 31 Jul)', () => {
    const due = scheduledFor(pair({}), '2024-01-01', '2024-12-31').map((item) => [
      item.checkpoint,
      item.dueOn,
    ]);
    expect(due).toEqual([
      ['month-1', '2024-02-29'],
      ['month-3', '2024-04-30'],
      ['month-6', '2024-07-31'],
    ]);
  });

  it('asks a pair that ended on 15 May for its 1- and 3-month checks and its evaluation, not the 6-month check', () => {
    const ended = pair({ status: 'ended-early', endDate: '2024-05-15' });
    const due = scheduledFor(ended, '2024-01-01', '2024-12-31').map((item) => [
      item.checkpoint,
      item.questionnaireId,
    ]);
    expect(due).toEqual([
      ['month-1', 'builtin-pairing-fit'],
      ['month-3', 'builtin-pairing-fit'],
      ['end', 'builtin-end-of-pairing'],
    ]);
  });

  it('asks nothing of a proposed pair', () => {
    expect(scheduledFor(pair({ status: 'proposed' }), '2024-01-01', '2024-12-31')).toEqual([]);
  });

  it('is due from its day for 30 days (29 Feb to 29 Mar), and not for a paused pair', () => {
    expect(dueQuestionnaires([pair({})], [], '2024-02-28')).toEqual([]);
    expect(dueQuestionnaires([pair({})], [], '2024-02-29')[0].waitingFor).toEqual(['mentee', 'mentor']);
    expect(dueQuestionnaires([pair({})], [], '2024-03-29')).toHaveLength(1);
    expect(dueQuestionnaires([pair({})], [], '2024-03-30')).toEqual([]);
    expect(dueQuestionnaires([pair({ status: 'paused' })], [], '2024-03-01')).toEqual([]);
  });

  it('waits only for whoever has not answered that checkpoint', () => {
    const answered = [{ relationshipId: 'P', checkpoint: 'month-1' as const, personId: 'mentee' }];
    expect(dueQuestionnaires([pair({})], answered, '2024-03-01')[0].waitingFor).toEqual(['mentor']);
  });
});

describe('answers', () => {
  it('treats burnout options 3, 4 and 5 as the high end, and 1 and 2 not', () => {
    expect([1, 2, 3, 4, 5].map((level) => isHighBurnout(BURNOUT_ID, { burnout: level }))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(isHighBurnout(PAIRING_FIT.id, { burnout: 5 })).toBe(false);
  });

  it('keeps a left-out question as null and refuses a point off the scale', () => {
    expect(checkAnswers(PAIRING_FIT, { 'often-enough': 2 })).toEqual({
      'often-enough': 2,
      reachable: null,
      'shared-goals': null,
      respected: null,
      continue: null,
    });
    expect(() => checkAnswers(PAIRING_FIT, { 'often-enough': 5 })).toThrow('Choose a point from 1 to 4.');
    expect(() => checkAnswers(BURNOUT, { other: 1 })).toThrow(
      'An answer does not belong to this questionnaire.',
    );
  });

  it('ships only free instruments, each naming its source and licence, and no Maslach items', () => {
    for (const questionnaire of BUILT_IN_QUESTIONNAIRES) {
      expect(questionnaire.source.length, questionnaire.id).toBeGreaterThan(20);
      expect(questionnaire.licence.length, questionnaire.id).toBeGreaterThan(20);
      const words = JSON.stringify(questionnaire).toLowerCase();
      // MBI's trademark phrasings ("emotionally drained from my work", "used up at the end of the workday").
      expect(words).not.toContain('emotionally drained');
      expect(words).not.toContain('used up at the end');
      expect(words).not.toContain('maslach');
    }
    expect(
      PAIRING_FIT.questions.every((question) => question.kind === 'scale' && question.points === 4),
    ).toBe(true);
  });
});
