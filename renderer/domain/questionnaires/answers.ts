import { isWholeNumberIn } from '../rules/fields';
import { RuleError } from '../rules/rule-error';
import { storedText } from '../text';
import { BURNOUT_ID, BURNOUT_QUESTION_ID, HIGH_BURNOUT_FROM } from './built-in';
import type { Answer, Question, QuestionnaireDefinition } from './types';

// A person's answers, checked against the questionnaire before they are kept. Every question may be
// left out (a respondent is never forced), but one answered question is needed for a response at all.

export const MAX_TEXT_ANSWER_LENGTH = 500;

function checkAnswer(question: Question, answer: Answer): Answer {
  if (answer === null) return null;
  switch (question.kind) {
    case 'scale':
      if (typeof answer !== 'number' || !isWholeNumberIn(answer, 1, question.points))
        throw new RuleError('bad-answer', `Choose a point from 1 to ${question.points}.`, question.id);
      return answer;
    case 'choice':
      if (typeof answer !== 'number' || !isWholeNumberIn(answer, 1, question.options.length))
        throw new RuleError('bad-answer', 'Choose one of the options.', question.id);
      return answer;
    case 'text': {
      if (typeof answer !== 'string') throw new RuleError('bad-answer', 'Write a short answer.', question.id);
      const clean = storedText(answer);
      if (clean.length > MAX_TEXT_ANSWER_LENGTH)
        throw new RuleError(
          'too-long',
          `Please keep this answer to ${MAX_TEXT_ANSWER_LENGTH} characters (it has ${clean.length}).`,
          question.id,
        );
      return clean === '' ? null : clean;
    }
  }
}

/** The answers tidied, one per question of the questionnaire (null where left out). */
export function checkAnswers(
  questionnaire: QuestionnaireDefinition,
  given: Readonly<Record<string, Answer | undefined>>,
): Record<string, Answer> {
  const known = new Set(questionnaire.questions.map((question) => question.id));
  for (const id of Object.keys(given))
    if (!known.has(id))
      throw new RuleError('unknown-question', 'An answer does not belong to this questionnaire.');
  const answers: Record<string, Answer> = {};
  for (const question of questionnaire.questions)
    answers[question.id] = checkAnswer(question, given[question.id] ?? null);
  if (Object.values(answers).every((answer) => answer === null))
    throw new RuleError('no-answers', 'Please answer at least one question, or stop without saving.');
  return answers;
}

/** Whether the answers put the person at the high end of the burnout measure (support is offered). */
export function isHighBurnout(questionnaireId: string, answers: Readonly<Record<string, Answer>>): boolean {
  if (questionnaireId !== BURNOUT_ID) return false;
  const answer = answers[BURNOUT_QUESTION_ID];
  return typeof answer === 'number' && answer >= HIGH_BURNOUT_FROM;
}
