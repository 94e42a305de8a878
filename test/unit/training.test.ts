import { describe, expect, it } from 'vitest';
import { checkCourse, checkRecognition, checkTraining, RuleError } from '../../renderer/domain/rules';
import {
  isTrainingCurrentOn,
  renewByFor,
  trainingAtPairing,
  trainingStatusOn,
} from '../../renderer/domain/training';

// Hand-worked: a mentor trained on 10 Mar 2024 (renew by 10 Mar 2025), renewed late on 1 Apr 2025
// (renew by 1 Apr 2026), then early on 15 Feb 2026 (renew by 15 Feb 2027).
const FIRST = { completedOn: '2024-03-10', renewBy: '2025-03-10' };
const LATE_RENEWAL = { completedOn: '2025-04-01', renewBy: '2026-04-01' };
const EARLY_RENEWAL = { completedOn: '2026-02-15', renewBy: '2027-02-15' };
const HISTORY = [EARLY_RENEWAL, FIRST, LATE_RENEWAL];

describe('mentor training currency across renewals', () => {
  it('renews twelve months after completion by default, the last day of a short month when needed', () => {
    expect(renewByFor('2024-03-10')).toBe('2025-03-10');
    expect(renewByFor('2024-02-29')).toBe('2025-02-28');
    expect(renewByFor('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('is current from the day of completion to the renew-by day, both included', () => {
    expect(isTrainingCurrentOn(HISTORY, '2024-03-09')).toBe(false);
    expect(isTrainingCurrentOn(HISTORY, '2024-03-10')).toBe(true);
    expect(isTrainingCurrentOn(HISTORY, '2025-03-10')).toBe(true);
  });

  it('lapses between a renew-by day and a late renewal, and is current again from the renewal', () => {
    expect(trainingStatusOn(HISTORY, '2025-03-11')).toEqual({ state: 'lapsed', renewBy: '2025-03-10' });
    expect(trainingStatusOn(HISTORY, '2025-03-31')).toEqual({ state: 'lapsed', renewBy: '2025-03-10' });
    expect(trainingStatusOn(HISTORY, '2025-04-01')).toEqual({ state: 'current', renewBy: '2026-04-01' });
  });

  it('carries across an early renewal without a gap', () => {
    // On 1 Mar 2026 the late renewal still covers, and the early one runs further: no warning.
    expect(trainingStatusOn(HISTORY, '2026-03-01')).toEqual({ state: 'current', renewBy: '2027-02-15' });
    expect(isTrainingCurrentOn(HISTORY, '2026-04-02')).toBe(true);
  });

  it('warns 30 days ahead: lapsing on the 30th day before the renew-by day, current on the 31st', () => {
    // 10 Mar 2025 minus 30 days is 8 Feb 2025.
    expect(trainingStatusOn([FIRST], '2025-02-07').state).toBe('current');
    expect(trainingStatusOn([FIRST], '2025-02-08').state).toBe('lapsing');
    expect(trainingStatusOn([FIRST], '2025-03-10').state).toBe('lapsing');
  });

  it('knows nothing of a completion dated after the day', () => {
    expect(trainingStatusOn([LATE_RENEWAL], '2025-03-01')).toEqual({ state: 'none', renewBy: null });
    expect(trainingStatusOn([], '2025-03-01')).toEqual({ state: 'none', renewBy: null });
  });

  it('a pairing remembers a lapsed mentor, and nothing for a current or untrained one', () => {
    expect(trainingAtPairing(HISTORY, '2025-03-20')).toEqual({ state: 'lapsed', renewBy: '2025-03-10' });
    expect(trainingAtPairing(HISTORY, '2025-04-20')).toBeNull();
    expect(trainingAtPairing([], '2025-04-20')).toBeNull();
  });
});

describe('training and recognition rules', () => {
  const today = '2025-06-01';
  const valid = {
    personId: 'p',
    courseId: 'c',
    provider: ' Regional  college ',
    completedOn: '2025-05-01',
    hours: 1.5,
    renewBy: '2026-05-01',
  };
  const context = { course: { archived: false }, personExists: true, today };

  it('accepts a completion in quarter hours and tidies the provider', () => {
    expect(checkTraining(valid, context).provider).toBe('Regional college');
  });

  it('names every problem of a completion at once, in plain words', () => {
    try {
      checkTraining(
        { ...valid, courseId: '', completedOn: '2025-06-02', hours: 1.1, renewBy: '2025-01-01' },
        {
          ...context,
          course: undefined,
        },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleError);
      expect((error as Error).message).toContain('Choose a course.');
      expect((error as Error).message).toContain('cannot be in the future');
      expect((error as Error).message).toContain('quarters of an hour');
      expect((error as Error).message).toContain('must come after the date completed');
    }
  });

  it('refuses a course name already on the list, whatever its capitals and spaces', () => {
    expect(() =>
      checkCourse({ name: 'mentor  BASICS', provider: '', renewalMonths: 12 }, [
        { id: 'a', name: 'Mentor basics' },
      ]),
    ).toThrow('There is already a course called "mentor BASICS".');
    expect(() => checkCourse({ name: 'Coaching', provider: '', renewalMonths: 0 }, [])).toThrow(
      /from 1 to 120/,
    );
  });

  it('a recognition needs a few words, at most 500 characters, dated today or earlier', () => {
    const entry = {
      personId: 'p',
      kind: 'thanks' as const,
      date: today,
      text: '  Thank you for the night shifts. ',
    };
    expect(checkRecognition(entry, { personExists: true, today }).text).toBe(
      'Thank you for the night shifts.',
    );
    expect(() => checkRecognition({ ...entry, text: ' ' }, { personExists: true, today })).toThrow(
      /a few words/,
    );
    expect(() =>
      checkRecognition({ ...entry, text: 'x'.repeat(501) }, { personExists: true, today }),
    ).toThrow(/500/);
    expect(() => checkRecognition({ ...entry, date: '2025-06-02' }, { personExists: true, today })).toThrow(
      /future/,
    );
  });
});
