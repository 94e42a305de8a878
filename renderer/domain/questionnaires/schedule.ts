import { addDaysIso, addMonthsIso } from '../calendar';
import type { Id, IsoDate, Relationship } from '../types';
import { questionnaireForCheckpoint } from './built-in';
import type { Checkpoint, QuestionnaireResponse } from './types';

// When the pairing questionnaires fall due: the pairing-fit check 1, 3 and 6 months after a pair
// starts (while it is active), and the program evaluation when it ends. Each is asked of the mentee
// and the mentor, and stays on the dashboard for DUE_WINDOW_DAYS or until both have answered.

export const FIT_MONTHS = [1, 3, 6] as const;
export const DUE_WINDOW_DAYS = 30;

export type SchedulePair = Pick<
  Relationship,
  'id' | 'mentorId' | 'menteeId' | 'status' | 'startDate' | 'endDate'
>;
export type AnsweredKey = Pick<QuestionnaireResponse, 'relationshipId' | 'checkpoint' | 'personId'>;

export interface ScheduledQuestionnaire {
  relationshipId: Id;
  checkpoint: Checkpoint;
  questionnaireId: string;
  dueOn: IsoDate;
  /** The mentee, then the mentor. */
  respondents: [Id, Id];
}

export interface DueQuestionnaire extends ScheduledQuestionnaire {
  /** Who has not answered yet (mentee first). */
  waitingFor: Id[];
}

function fitCheckpoint(months: (typeof FIT_MONTHS)[number]): Checkpoint {
  return `month-${months}` as Checkpoint;
}

/** The pair's questionnaires whose due day falls from `from` to `to` (both included). */
export function scheduledFor(pair: SchedulePair, from: IsoDate, to: IsoDate): ScheduledQuestionnaire[] {
  const respondents: [Id, Id] = [pair.menteeId, pair.mentorId];
  const scheduled: ScheduledQuestionnaire[] = [];
  if (pair.status === 'proposed') return scheduled;
  for (const months of FIT_MONTHS) {
    const dueOn = addMonthsIso(pair.startDate, months);
    // A pair that had ended by then is not asked how it fits.
    if (pair.endDate !== null && pair.endDate <= dueOn) continue;
    if (dueOn < from || dueOn > to) continue;
    const checkpoint = fitCheckpoint(months);
    scheduled.push({
      relationshipId: pair.id,
      checkpoint,
      questionnaireId: questionnaireForCheckpoint(checkpoint),
      dueOn,
      respondents,
    });
  }
  const ended = pair.status === 'completed' || pair.status === 'ended-early';
  if (ended && pair.endDate !== null && pair.endDate >= from && pair.endDate <= to)
    scheduled.push({
      relationshipId: pair.id,
      checkpoint: 'end',
      questionnaireId: questionnaireForCheckpoint('end'),
      dueOn: pair.endDate,
      respondents,
    });
  return scheduled;
}

/**
 * Who answered which questionnaire of which pair (a checkpoint's answers only), for quick look-up: each
 * pair's few answers in a list of their own, so no key is written out for each answer and each look-up.
 */
export class Answered {
  private readonly byPair = new Map<Id | null, AnsweredKey[]>();

  constructor(responses: readonly AnsweredKey[]) {
    for (const response of responses) {
      if (response.checkpoint === null) continue;
      const list = this.byPair.get(response.relationshipId);
      if (list) list.push(response);
      else this.byPair.set(response.relationshipId, [response]);
    }
  }

  /** Whether `personId` answered the pair's questionnaire at `checkpoint`. */
  has(relationshipId: Id | null, checkpoint: Checkpoint, personId: Id): boolean {
    const list = this.byPair.get(relationshipId);
    if (!list) return false;
    for (const answer of list)
      if (answer.checkpoint === checkpoint && answer.personId === personId) return true;
    return false;
  }

  /** Every answer held, once each, as "pair|checkpoint|person". */
  keys(): string[] {
    const keys = new Set<string>();
    for (const list of this.byPair.values())
      for (const { relationshipId, checkpoint, personId } of list)
        keys.add(`${relationshipId}|${checkpoint}|${personId}`);
    return [...keys];
  }
}

/** The answers of `responses`, for quick look-up. */
export function answeredSet(responses: readonly AnsweredKey[]): Answered {
  return new Answered(responses);
}

export function hasAnswered(answered: Answered, item: ScheduledQuestionnaire, personId: Id): boolean {
  return answered.has(item.relationshipId, item.checkpoint, personId);
}

/**
 * What is due today: questionnaires that fell due in the last DUE_WINDOW_DAYS days (today included)
 * and that someone has not answered yet, oldest first. A pairing-fit check is due only while the pair
 * is active; the evaluation once it has ended.
 */
export function dueQuestionnaires(
  pairs: readonly SchedulePair[],
  responses: readonly AnsweredKey[],
  today: IsoDate,
): DueQuestionnaire[] {
  const answered = answeredSet(responses);
  const from = addDaysIso(today, -(DUE_WINDOW_DAYS - 1));
  const due: DueQuestionnaire[] = [];
  for (const pair of pairs) {
    for (const item of scheduledFor(pair, from, today)) {
      if (item.checkpoint !== 'end' && pair.status !== 'active') continue;
      const waitingFor = item.respondents.filter((person) => !hasAnswered(answered, item, person));
      if (waitingFor.length > 0) due.push({ ...item, waitingFor });
    }
  }
  return due.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.relationshipId.localeCompare(b.relationshipId) ||
      a.checkpoint.localeCompare(b.checkpoint),
  );
}

/** The start dates a pair must have for a pairing-fit check to be due today (for an indexed query). */
export function fitStartWindows(today: IsoDate): { months: number; from: IsoDate; to: IsoDate }[] {
  const earliestDue = addDaysIso(today, -(DUE_WINDOW_DAYS - 1));
  return FIT_MONTHS.map((months) => ({
    months,
    // addMonths clamps month ends (31 Jan + 1 month = 29 Feb), so a day of slack on each side.
    from: addDaysIso(addMonthsIso(earliestDue, -months), -3),
    to: addDaysIso(addMonthsIso(today, -months), 3),
  }));
}

/** The earliest end date of a pair whose evaluation is due today. */
export function endWindowStart(today: IsoDate): IsoDate {
  return addDaysIso(today, -(DUE_WINDOW_DAYS - 1));
}
