import type { Focus, MeetingFormat } from '../domain/types';

// The three programs of the sample clinic: cadence, typical length, and the weighted meeting formats,
// topics and focuses their pairs draw from.

export type ProgramKey = 'nurse' | 'resident' | 'peer';

export interface ProgramSpec {
  key: ProgramKey;
  name: string;
  cadenceDays: number;
  typicalLengthMonths: number;
  formats: readonly (readonly [MeetingFormat, number])[];
  topics: readonly string[];
  focuses: readonly (readonly [Focus, number])[];
}

export const PROGRAM_SPECS: readonly ProgramSpec[] = [
  {
    key: 'nurse',
    name: 'New-graduate nurse residency',
    cadenceDays: 14,
    typicalLengthMonths: 12,
    formats: [
      ['in-person', 4],
      ['shadowing', 2],
      ['debrief', 2],
      ['case-review', 1],
      ['phone', 1],
    ],
    topics: [
      'complex-cases',
      'after-action-feedback',
      'time-management',
      'stress-burnout',
      'emotional-resilience',
      'patient-loss',
      'clinic',
    ],
    focuses: [
      ['clinical', 8],
      ['peer', 2],
    ],
  },
  {
    key: 'resident',
    name: 'Resident advisor meetings',
    cadenceDays: 90,
    typicalLengthMonths: 36,
    formats: [
      ['in-person', 3],
      ['video', 2],
      ['phone', 1],
    ],
    topics: [
      'career',
      'research',
      'networking',
      'ethics',
      'time-management',
      'workplace-politics',
      'stress-burnout',
    ],
    focuses: [
      ['career', 5],
      ['research', 3],
      ['clinical', 2],
    ],
  },
  {
    key: 'peer',
    name: 'Staff peer mentoring',
    cadenceDays: 30,
    typicalLengthMonths: 12,
    formats: [
      ['in-person', 3],
      ['video', 2],
      ['phone', 1],
      ['case-review', 1],
      ['debrief', 1],
    ],
    topics: [
      'workplace-politics',
      'career',
      'complex-cases',
      'ethics',
      'emotional-resilience',
      'stress-burnout',
      'networking',
      'research',
      'after-action-feedback',
      'patient-loss',
    ],
    focuses: [
      ['peer', 4],
      ['career', 3],
      ['clinical', 2],
      ['research', 1],
    ],
  },
];

export const DURATIONS: Record<MeetingFormat, readonly [number, number]> = {
  'in-person': [30, 60],
  video: [20, 45],
  phone: [10, 30],
  shadowing: [120, 240],
  'case-review': [30, 60],
  debrief: [15, 30],
};

/** Topics people tend to keep private; notes on them are more often marked confidential. */
export const SENSITIVE_TOPICS = new Set(['stress-burnout', 'emotional-resilience', 'patient-loss']);

export function programSpec(key: ProgramKey): ProgramSpec {
  return PROGRAM_SPECS.find((candidate) => candidate.key === key)!;
}
