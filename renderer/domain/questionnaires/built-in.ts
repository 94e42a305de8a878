import type { Checkpoint, QuestionnaireDefinition, ScaleQuestion } from './types';

// The questionnaires that ship with Guiding Hands. Every one is free to use: three were written for
// this project and are dedicated to the public domain; the burnout item is the published,
// non-proprietary single-item measure. Proprietary instruments (the Maslach Burnout Inventory above
// all) are licensed and must never be added here. docs/questionnaires.md lists the same sources.

export interface BuiltInQuestionnaire extends QuestionnaireDefinition {
  /** Where the questions come from. */
  source: string;
  /** On what terms the clinic may use them. */
  licence: string;
  /** Pairing questionnaires are asked of a pair's mentor and mentee, on a schedule. */
  about: 'pairing' | 'person';
}

const WRITTEN_HERE =
  'Written for Guiding Hands (original questions, not taken from any published instrument).';
const PUBLIC_DOMAIN = 'Public domain (CC0 1.0): any clinic may use, copy and adapt it, without asking.';

export const SESSION_RATING_ID = 'builtin-session-rating';
export const PAIRING_FIT_ID = 'builtin-pairing-fit';
export const END_OF_PAIRING_ID = 'builtin-end-of-pairing';
export const BURNOUT_ID = 'builtin-burnout';

function agreement(id: string, prompt: string): ScaleQuestion {
  return { id, kind: 'scale', prompt, points: 4, lowLabel: 'Strongly disagree', highLabel: 'Strongly agree' };
}

function rating(id: string, prompt: string, lowLabel: string, highLabel: string): ScaleQuestion {
  return { id, kind: 'scale', prompt, points: 5, lowLabel, highLabel };
}

export const SESSION_RATING: BuiltInQuestionnaire = {
  id: SESSION_RATING_ID,
  title: 'Session rating',
  intro: 'Three quick questions about the meeting you just had. It takes about a minute.',
  about: 'pairing',
  source: WRITTEN_HERE,
  licence: PUBLIC_DOMAIN,
  questions: [
    rating('useful', 'How useful was this meeting for you?', 'Not useful', 'Very useful'),
    rating('heard', 'Did you talk about what mattered to you?', 'Not at all', 'Completely'),
    rating('open', 'How comfortable did you feel speaking openly?', 'Not comfortable', 'Very comfortable'),
  ],
};

/** A four-point scale (no middle point), as the pairing-fit check at 1, 3 and 6 months asks. */
export const PAIRING_FIT: BuiltInQuestionnaire = {
  id: PAIRING_FIT_ID,
  title: 'Pairing-fit check',
  intro: 'Five statements about how your mentoring pairing is going. It takes about two minutes.',
  about: 'pairing',
  source: WRITTEN_HERE,
  licence: PUBLIC_DOMAIN,
  questions: [
    agreement('often-enough', 'We meet often enough.'),
    agreement('reachable', 'My mentoring partner is there when I need them.'),
    agreement('shared-goals', 'We agree on what we are working towards.'),
    agreement('respected', 'I feel respected and listened to in this pairing.'),
    agreement('continue', 'I would like this pairing to continue.'),
  ],
};

export const END_OF_PAIRING: BuiltInQuestionnaire = {
  id: END_OF_PAIRING_ID,
  title: 'End-of-pairing program evaluation',
  intro: 'Your pairing has ended. Five questions about the mentoring program help the clinic improve it.',
  about: 'pairing',
  source: WRITTEN_HERE,
  licence: PUBLIC_DOMAIN,
  questions: [
    rating(
      'satisfied',
      'Overall, how satisfied are you with the mentoring program?',
      'Not satisfied',
      'Very satisfied',
    ),
    agreement('grew', 'The pairing helped me grow in my work.'),
    agreement('belong', 'The program helped me feel part of the clinic.'),
    {
      id: 'frequency',
      kind: 'choice',
      prompt: 'How often did you meet, compared with what you expected?',
      options: ['Less often than I expected', 'About as often as I expected', 'More often than I expected'],
    },
    {
      id: 'recommend',
      kind: 'choice',
      prompt: 'Would you recommend the program to a colleague?',
      options: ['Yes', 'Maybe', 'No'],
    },
  ],
};

/** The answer options from "no symptoms" (1) to "completely burned out" (5). */
export const BURNOUT_OPTIONS = [
  'I enjoy my work. I have no symptoms of burnout.',
  "Occasionally I am under stress, and I don't always have as much energy as I once did, but I don't feel burned out.",
  'I am definitely burning out and have one or more symptoms of burnout, such as physical and emotional exhaustion.',
  "The symptoms of burnout that I'm experiencing won't go away. I think about frustration at work a lot.",
  'I feel completely burned out and often wonder if I can go on. I am at the point where I may need some changes or may need to seek some sort of help.',
];

export const BURNOUT_QUESTION_ID = 'burnout';

/**
 * Option 3 and above: the cut-off the published validations use for burnout (Rohland et al. 2004;
 * Dolan et al. 2015). From there on, the person is shown the clinic's support contacts at once.
 */
export const HIGH_BURNOUT_FROM = 3;

export const BURNOUT: BuiltInQuestionnaire = {
  id: BURNOUT_ID,
  title: 'Well-being check (single-item burnout measure)',
  intro: 'One question about how you are doing at work. There are no right answers.',
  about: 'person',
  source:
    'The non-proprietary single-item burnout measure used in the Physician Worklife Study (Schmoldt et al., HMO Practice 1994; Linzer et al., J Gen Intern Med 2000), validated by Rohland, Kruse and Rohrer (Stress and Health 2004) and Dolan et al. (J Gen Intern Med 2015).',
  licence:
    'Free to use without permission or fee; cite the sources above. It is not part of any licensed instrument.',
  questions: [
    {
      id: BURNOUT_QUESTION_ID,
      kind: 'choice',
      prompt:
        'Using your own definition of "burnout", please choose the statement that best describes your situation at work.',
      options: BURNOUT_OPTIONS,
    },
  ],
};

export const BUILT_IN_QUESTIONNAIRES: readonly BuiltInQuestionnaire[] = [
  SESSION_RATING,
  PAIRING_FIT,
  END_OF_PAIRING,
  BURNOUT,
];

export const BUILT_IN_PREFIX = 'builtin-';

export function builtInQuestionnaire(id: string): BuiltInQuestionnaire | undefined {
  return BUILT_IN_QUESTIONNAIRES.find((questionnaire) => questionnaire.id === id);
}

/** Which questionnaire each checkpoint of a pairing asks. */
export function questionnaireForCheckpoint(checkpoint: Checkpoint): string {
  return checkpoint === 'end' ? END_OF_PAIRING_ID : PAIRING_FIT_ID;
}

export const CHECKPOINT_LABELS: Record<Checkpoint, string> = {
  'month-1': '1 month',
  'month-3': '3 months',
  'month-6': '6 months',
  end: 'end of pairing',
};
