import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import { computeRecognitionLetter, LetterError } from '../../renderer/domain/reports/recognition-letter';
import { buildFixture, PERIOD_END, PERIOD_START, TODAY } from './reports-fixture';

const period = resolvePeriod({ kind: 'custom', start: PERIOD_START, end: PERIOD_END }, TODAY);

describe('mentor recognition letter', () => {
  it('lists the mentor’s mentees with their meetings and hours, and the topics of meetings that were not confidential', () => {
    const letter = computeRecognitionLetter(buildFixture(), period, 'ben');
    expect(letter.mentorName).toBe('Ben Mentor');
    expect(letter.mentees).toEqual([
      // R1: six meetings in the period (the 2 July one is after it): 60+45+60+30+60+45 minutes.
      {
        name: 'Chloé Durand',
        profession: 'Nurse',
        programName: 'Nurse residency',
        from: '2024-01-15',
        to: '2024-06-30',
        meetings: 6,
        minutes: 300,
      },
      // R2: active from 1 March (with an April pause), three meetings.
      {
        name: 'Dev Patel',
        profession: 'Nurse',
        programName: 'Nurse residency',
        from: '2024-03-01',
        to: '2024-06-30',
        meetings: 3,
        minutes: 150,
      },
      // R5: active all period but never met.
      {
        name: 'Eva Lind',
        profession: 'Resident',
        programName: 'Physician advisory',
        from: '2024-01-01',
        to: '2024-06-30',
        meetings: 0,
        minutes: 0,
      },
    ]);
    expect(letter.meetings).toBe(9);
    expect(letter.minutes).toBe(450);
    expect(letter.topics).toEqual([
      { label: 'Emotional resilience', meetings: 3 },
      { label: 'Time management', meetings: 3 },
      { label: 'Career and specialization', meetings: 1 },
      { label: 'Complex cases', meetings: 1 },
      // The confidential meeting of 1 March (patient loss) counts in the hours, never in the topics.
    ]);
  });

  it('covers a pair that ended within the period and says so for an unknown mentor', () => {
    const letter = computeRecognitionLetter(buildFixture(), period, 'ana');
    expect(letter.mentees.map((mentee) => [mentee.name, mentee.to, mentee.meetings])).toEqual([
      ['Eva Lind', '2024-04-14', 2],
      ['Finn Okafor', '2024-06-09', 0],
    ]);
    expect(() => computeRecognitionLetter(buildFixture(), period, 'nobody')).toThrow(LetterError);
  });
});
