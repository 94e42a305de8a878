import { END_OF_PAIRING_ID, PAIRING_FIT_ID } from '../questionnaires/built-in';
import {
  type AnsweredKey,
  answeredSet,
  hasAnswered,
  type SchedulePair,
  scheduledFor,
} from '../questionnaires/schedule';
import type {
  Answer,
  Question,
  QuestionnaireDefinition,
  QuestionnaireResponse,
} from '../questionnaires/types';
import type { Id } from '../types';
import type { ReportPeriod } from './period';
import {
  FEWER_THAN_5,
  type GuardedFigure,
  guardCount,
  guardPercent,
  SMALL_GROUP_MINIMUM,
} from './suppression';

// The questionnaires section of the report: how many were answered, and what the answers say, only
// ever in aggregate and never for a group smaller than 5 answers (a figure about fewer could point at
// someone). Short-text answers are never shown: only how many were written.

export type ReportResponse = Pick<
  QuestionnaireResponse,
  'questionnaireId' | 'personId' | 'relationshipId' | 'checkpoint' | 'answeredOn' | 'answers' | 'support'
>;

/** What the questionnaires section is made from, as the report's data holds it. */
export interface ReportQuestionnaireData {
  /** The definitions answers may belong to (built in and the clinic's own). */
  questionnaires: QuestionnaireDefinition[];
  /** The responses answered in the period, their answers opened (only ever counted in aggregate). */
  responses: ReportResponse[];
  /** Who answered which pair's scheduled questionnaire, at any date (see QuestionnairesReportInput). */
  answered: AnsweredKey[];
}

export interface ResponseRate {
  questionnaireId: string;
  title: string;
  /** Scheduled questionnaires: how many people were asked in the period. Null when not scheduled. */
  asked: number | null;
  /** Answers in the period (scheduled: of those asked), "fewer than 5" when that group is 1 to 4. */
  answered: GuardedFigure;
  /** answered / asked as a percentage; null when not scheduled or none asked. */
  rate: GuardedFigure;
}

export interface QuestionSummary {
  questionId: string;
  prompt: string;
  kind: 'scale' | 'choice' | 'text';
  /** How many answered this question. */
  answered: number;
  /** False when fewer than 5 answered: nothing else is given. */
  shown: boolean;
  /** Scale: the average point, one decimal. */
  average: number | null;
  points: number | null;
  /** Scale and choice: the share of answers for each point or option, in order. */
  shares: { label: string; percent: number }[];
}

export interface QuestionnaireResults {
  questionnaireId: string;
  title: string;
  /** Every answer in the period counts here, shown as "fewer than 5" when 1 to 4. */
  responses: GuardedFigure;
  shown: boolean;
  questions: QuestionSummary[];
}

export interface SupportFigures {
  /** Times support was offered after a high burnout answer. */
  offered: GuardedFigure;
  /** Times the person asked the program manager to contact them. */
  accepted: GuardedFigure;
}

export interface QuestionnairesSection {
  rates: ResponseRate[];
  results: QuestionnaireResults[];
  support: SupportFigures;
}

/** The questionnaires asked of pairs on a schedule, whose response rate can be worked out. */
export const SCHEDULED_QUESTIONNAIRES: ReadonlySet<string> = new Set([PAIRING_FIT_ID, END_OF_PAIRING_ID]);

export interface QuestionnairesReportInput {
  period: ReportPeriod;
  /** The definitions answers may belong to (built in and the clinic's own). */
  questionnaires: readonly QuestionnaireDefinition[];
  /** Pairs in the selected programs. */
  relationships: readonly SchedulePair[];
  /**
   * The responses answered in the period, or more (every response): those outside the period or the
   * selected programs are left out here.
   */
  responses: readonly ReportResponse[];
  /**
   * Who answered which pair's scheduled questionnaire, whenever they answered (the pairs' own summary of
   * their answers, so no response outside the period need be read). Absent: taken from `responses`,
   * which must then be every response.
   */
  answered?: readonly AnsweredKey[];
  /** Which questionnaires are scheduled for pairs; SCHEDULED_QUESTIONNAIRES unless a test says. */
  scheduledIds?: ReadonlySet<string>;
}

function inPeriod(response: ReportResponse, period: ReportPeriod): boolean {
  return response.answeredOn >= period.start && response.answeredOn <= period.end;
}

/** Whether an answer is one the question could have been given (a record from an older backup may not). */
function fits(question: Question, answer: Answer): boolean {
  if (answer === null) return false;
  if (question.kind === 'text') return typeof answer === 'string' && answer !== '';
  const top = question.kind === 'scale' ? question.points : question.options.length;
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= top;
}

function pointLabels(question: Question): string[] {
  if (question.kind === 'choice') return question.options;
  if (question.kind === 'text') return [];
  return Array.from({ length: question.points }, (_, index) => {
    if (index === 0) return `1 (${question.lowLabel})`;
    if (index === question.points - 1) return `${question.points} (${question.highLabel})`;
    return String(index + 1);
  });
}

/** One question's answers in aggregate; nothing but the count when fewer than 5 answered it. */
export function summarizeQuestion(question: Question, answers: readonly Answer[]): QuestionSummary {
  const given = answers.filter((answer) => fits(question, answer));
  const shown = given.length >= SMALL_GROUP_MINIMUM;
  const base = {
    questionId: question.id,
    prompt: question.prompt,
    kind: question.kind,
    answered: given.length,
  };
  if (!shown || question.kind === 'text') return { ...base, shown, average: null, points: null, shares: [] };
  const labels = pointLabels(question);
  const counts = labels.map(() => 0);
  let sum = 0;
  for (const answer of given as number[]) {
    counts[answer - 1] += 1;
    sum += answer;
  }
  return {
    ...base,
    shown: true,
    average: question.kind === 'scale' ? Math.round((sum / given.length) * 10) / 10 : null,
    points: question.kind === 'scale' ? question.points : null,
    shares: labels.map((label, index) => ({
      label,
      percent: Math.round((counts[index] / given.length) * 100),
    })),
  };
}

/** The whole section for a period: response rates, aggregate results, and support offered. */
export function computeQuestionnairesSection(input: QuestionnairesReportInput): QuestionnairesSection {
  const { period, questionnaires, relationships, scheduledIds = SCHEDULED_QUESTIONNAIRES } = input;
  const pairIds = new Set<Id>(relationships.map((pair) => pair.id));
  // Pairing answers count for the selected programs only; a person's own answers count everywhere.
  const responses = input.responses.filter(
    (response) =>
      inPeriod(response, period) &&
      (response.relationshipId === null || pairIds.has(response.relationshipId)),
  );
  const answered = answeredSet(
    (input.answered ?? input.responses).filter(
      (response) => response.relationshipId !== null && pairIds.has(response.relationshipId),
    ),
  );

  const asked = new Map<string, { asked: number; answered: number }>();
  for (const pair of relationships)
    for (const item of scheduledFor(pair, period.start, period.end)) {
      const tally = asked.get(item.questionnaireId) ?? { asked: 0, answered: 0 };
      for (const person of item.respondents) {
        tally.asked += 1;
        if (hasAnswered(answered, item, person)) tally.answered += 1;
      }
      asked.set(item.questionnaireId, tally);
    }

  const byQuestionnaire = new Map<string, ReportResponse[]>();
  for (const response of responses) {
    const list = byQuestionnaire.get(response.questionnaireId);
    if (list) list.push(response);
    else byQuestionnaire.set(response.questionnaireId, [response]);
  }

  const rates: ResponseRate[] = [];
  const results: QuestionnaireResults[] = [];
  for (const questionnaire of questionnaires) {
    const answers = byQuestionnaire.get(questionnaire.id) ?? [];
    const scheduled = scheduledIds.has(questionnaire.id);
    if (!scheduled && answers.length === 0) continue;
    const tally = asked.get(questionnaire.id);
    rates.push({
      questionnaireId: questionnaire.id,
      title: questionnaire.title,
      asked: scheduled ? (tally?.asked ?? 0) : null,
      // Scheduled: the group is everyone asked, so the count hides with the rate when that is under 5.
      answered: scheduled
        ? (tally?.asked ?? 0) > 0 && (tally?.asked ?? 0) < SMALL_GROUP_MINIMUM
          ? FEWER_THAN_5
          : (tally?.answered ?? 0)
        : guardCount(answers.length),
      rate: scheduled ? guardPercent(tally?.answered ?? 0, tally?.asked ?? 0) : null,
    });
    const shown = answers.length >= SMALL_GROUP_MINIMUM;
    results.push({
      questionnaireId: questionnaire.id,
      title: questionnaire.title,
      responses: guardCount(answers.length),
      shown,
      questions: shown
        ? questionnaire.questions.map((question) =>
            summarizeQuestion(
              question,
              answers.map((response) => response.answers[question.id] ?? null),
            ),
          )
        : [],
    });
  }

  let offered = 0;
  let accepted = 0;
  for (const response of responses) {
    if (response.support !== 'not-offered') offered += 1;
    if (response.support === 'accepted') accepted += 1;
  }
  return { rates, results, support: { offered: guardCount(offered), accepted: guardCount(accepted) } };
}
