import {
  BURNOUT,
  END_OF_PAIRING,
  HIGH_BURNOUT_FROM,
  PAIRING_FIT,
  SESSION_RATING,
} from '../domain/questionnaires/built-in';
import { scheduledFor } from '../domain/questionnaires/schedule';
import type {
  Answer,
  ClinicQuestionnaire,
  QuestionnaireDefinition,
  QuestionnaireResponse,
  SupportRequest,
} from '../domain/questionnaires/types';
import type { IsoDate, Meeting, Person, Relationship } from '../domain/types';
import { stamp, toDayNumber } from './calendar-days';
import type { Random } from './random';

// The demo's questionnaires: one of the clinic's own, answers to the pairing checks that fell due
// (most people answer; a few checks are left due, so the dashboard shows some), session ratings after
// a few meetings, and well-being checks with a mix of answers, one of which asked to be contacted.

export interface SampleQuestionnaireRecords {
  questionnaires: ClinicQuestionnaire[];
  responses: QuestionnaireResponse[];
  supportRequests: SupportRequest[];
}

function answersFor(
  rng: Random,
  questionnaire: QuestionnaireDefinition,
  leaning: number,
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const question of questionnaire.questions) {
    if (question.kind === 'text') answers[question.id] = null;
    else {
      const top = question.kind === 'scale' ? question.points : question.options.length;
      // Most answers lean to the favourable end of a scale; choices are spread.
      const point = question.kind === 'scale' ? top - rng.int(0, leaning) : rng.int(1, top);
      answers[question.id] = Math.max(1, Math.min(top, point));
    }
  }
  return answers;
}

export function buildSampleQuestionnaires(
  rng: Random,
  today: IsoDate,
  people: readonly Person[],
  relationships: readonly Relationship[],
  meetings: readonly Meeting[],
): SampleQuestionnaireRecords {
  const createdAt = stamp(toDayNumber(today) - 200, '09:00:00.000Z');
  const own: ClinicQuestionnaire = {
    id: rng.uuid(),
    title: 'New-starter check-in',
    intro: 'Three questions for staff in their first year. It takes about a minute.',
    questions: [
      {
        id: 'q1',
        kind: 'scale',
        prompt: 'I know whom to ask when I am unsure.',
        points: 5,
        lowLabel: 'Not at all',
        highLabel: 'Always',
      },
      {
        id: 'q2',
        kind: 'choice',
        prompt: 'Which shift suits you best?',
        options: ['Days', 'Evenings', 'Nights'],
      },
      { id: 'q3', kind: 'text', prompt: 'One thing that would help you settle in:' },
    ],
    archived: false,
    createdAt,
    updatedAt: createdAt,
  };
  const responses: QuestionnaireResponse[] = [];
  const respond = (
    questionnaire: QuestionnaireDefinition,
    personId: string,
    answeredOn: IsoDate,
    extra: Partial<QuestionnaireResponse> = {},
  ) => {
    responses.push({
      id: rng.uuid(),
      questionnaireId: questionnaire.id,
      personId,
      relationshipId: null,
      checkpoint: null,
      answeredOn,
      createdAt: stamp(toDayNumber(answeredOn), '15:00:00.000Z'),
      answers: answersFor(rng, questionnaire, 2),
      support: 'not-offered',
      ...extra,
    });
  };

  // Pairing checks: answered by most, a few days after they fell due; the newest ones stay due.
  for (const pair of relationships)
    for (const item of scheduledFor(pair, '1900-01-01', today)) {
      const daysAgo = toDayNumber(today) - toDayNumber(item.dueOn);
      if (daysAgo < 10) continue;
      for (const personId of item.respondents) {
        if (!rng.chance(0.85)) continue;
        respond(item.checkpoint === 'end' ? END_OF_PAIRING : PAIRING_FIT, personId, item.dueOn, {
          relationshipId: pair.id,
          checkpoint: item.checkpoint,
        });
      }
    }

  // A session rating after one meeting in eight.
  const pairsById = new Map(relationships.map((pair) => [pair.id, pair]));
  for (const meeting of meetings) {
    const pair = pairsById.get(meeting.relationshipId);
    if (!pair || !rng.chance(0.125)) continue;
    respond(SESSION_RATING, pair.menteeId, meeting.date, { relationshipId: pair.id });
  }

  // Well-being checks: every third person, some high; the first high answer asked to be contacted.
  const supportRequests: SupportRequest[] = [];
  people.forEach((person, index) => {
    if (index % 3 !== 0) return;
    const answeredOn = stampDay(today, -rng.int(5, 60));
    const level = index % 4 === 0 ? HIGH_BURNOUT_FROM + rng.int(0, 1) : rng.int(1, 2);
    const high = level >= HIGH_BURNOUT_FROM;
    const accepted = high && supportRequests.length === 0;
    respond(BURNOUT, person.id, answeredOn, {
      answers: { burnout: level },
      support: !high ? 'not-offered' : accepted ? 'accepted' : 'offered',
    });
    if (accepted)
      supportRequests.push({
        id: rng.uuid(),
        personId: person.id,
        requestedOn: answeredOn,
        createdAt: stamp(toDayNumber(answeredOn), '15:05:00.000Z'),
        doneAt: null,
      });
  });

  // The clinic's own questionnaire, answered by six newer staff.
  for (const person of people.filter((someone) => someone.isMentee).slice(0, 6))
    respond(own, person.id, stampDay(today, -rng.int(20, 90)));

  return { questionnaires: [own], responses, supportRequests };
}

function stampDay(today: IsoDate, offset: number): IsoDate {
  return stamp(toDayNumber(today) + offset).slice(0, 10);
}
