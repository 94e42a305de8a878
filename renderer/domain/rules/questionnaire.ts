import type { ChoiceQuestion, Question, QuestionKind } from '../questionnaires/types';
import { storedLine, storedText } from '../text';
import { checkAll, RuleError } from './rule-error';

// A questionnaire the clinic writes itself: a title, a few words for the respondent, and simple
// questions (a scale, a choice among options, a short text).

export const MAX_QUESTIONNAIRE_TITLE = 80;
export const MAX_QUESTIONNAIRE_INTRO = 400;
export const MAX_PROMPT_LENGTH = 200;
export const MAX_QUESTIONS = 20;
export const MAX_OPTIONS = 8;
export const SCALE_POINTS = { min: 2, max: 7 } as const;

export interface QuestionDraft {
  kind: QuestionKind;
  prompt: string;
  /** Scale: how many points. */
  points?: number;
  lowLabel?: string;
  highLabel?: string;
  /** Choice: the options, one per entry. */
  options?: string[];
}

export interface QuestionnaireDraft {
  title: string;
  intro: string;
  questions: QuestionDraft[];
}

export interface CheckedQuestionnaire {
  title: string;
  intro: string;
  questions: Question[];
}

function checkQuestion(draft: QuestionDraft, index: number): Question {
  const field = `questions.${index}`;
  const number = index + 1;
  const prompt = storedLine(draft.prompt);
  if (!prompt) throw new RuleError('required', `Question ${number} needs its words.`, `${field}.prompt`);
  if (prompt.length > MAX_PROMPT_LENGTH)
    throw new RuleError(
      'too-long',
      `Question ${number} is ${MAX_PROMPT_LENGTH} characters at most.`,
      `${field}.prompt`,
    );
  const id = `q${number}`;
  if (draft.kind === 'text') return { id, kind: 'text', prompt };
  if (draft.kind === 'scale') {
    const points = draft.points ?? 5;
    if (!Number.isInteger(points) || points < SCALE_POINTS.min || points > SCALE_POINTS.max)
      throw new RuleError(
        'bad-points',
        `Question ${number}: a scale has from ${SCALE_POINTS.min} to ${SCALE_POINTS.max} points.`,
        `${field}.points`,
      );
    const lowLabel = storedLine(draft.lowLabel ?? '');
    const highLabel = storedLine(draft.highLabel ?? '');
    if (!lowLabel || !highLabel)
      throw new RuleError(
        'required',
        `Question ${number}: say what the lowest and the highest point mean.`,
        `${field}.labels`,
      );
    return { id, kind: 'scale', prompt, points, lowLabel, highLabel };
  }
  const options = (draft.options ?? []).map(storedLine).filter(Boolean);
  if (options.length < 2 || options.length > MAX_OPTIONS)
    throw new RuleError(
      'bad-options',
      `Question ${number}: give from 2 to ${MAX_OPTIONS} options, one per line.`,
      `${field}.options`,
    );
  if (new Set(options.map((option) => option.toLowerCase())).size !== options.length)
    throw new RuleError('duplicate', `Question ${number}: an option appears twice.`, `${field}.options`);
  return { id, kind: 'choice', prompt, options } satisfies ChoiceQuestion;
}

/** The clinic's questionnaire, tidied, once every rule holds; otherwise every problem at once. */
export function checkQuestionnaireDraft(draft: QuestionnaireDraft): CheckedQuestionnaire {
  const title = storedLine(draft.title);
  const intro = storedText(draft.intro);
  const questions: Question[] = [];
  checkAll([
    () => {
      if (!title) throw new RuleError('required', 'The questionnaire needs a title.', 'title');
      if (title.length > MAX_QUESTIONNAIRE_TITLE)
        throw new RuleError(
          'too-long',
          `The title is ${MAX_QUESTIONNAIRE_TITLE} characters at most.`,
          'title',
        );
    },
    () => {
      if (intro.length > MAX_QUESTIONNAIRE_INTRO)
        throw new RuleError(
          'too-long',
          `The introduction is ${MAX_QUESTIONNAIRE_INTRO} characters at most.`,
          'intro',
        );
    },
    () => {
      if (draft.questions.length === 0)
        throw new RuleError('required', 'Add at least one question.', 'questions');
      if (draft.questions.length > MAX_QUESTIONS)
        throw new RuleError(
          'too-many',
          `A questionnaire has ${MAX_QUESTIONS} questions at most.`,
          'questions',
        );
    },
    ...draft.questions.map((question, index) => () => {
      questions.push(checkQuestion(question, index));
    }),
  ]);
  return { title, intro, questions };
}
