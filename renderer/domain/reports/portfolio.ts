import { achievedWithin } from '../goals';
import { SESSION_RATING, SESSION_RATING_ID } from '../questionnaires/built-in';
import type { Answer, QuestionnaireResponse } from '../questionnaires/types';
import { withBuiltInTopics } from '../topics';
import { isTrainingCurrentOn } from '../training';
import {
  type GoalProgress,
  type Id,
  type IsoDate,
  type Person,
  PROFESSION_LABELS,
  type Program,
  RECOGNITION_KIND_LABELS,
  RELATIONSHIP_STATUS_LABELS,
  type Recognition,
  type Relationship,
  type Topic,
  type TrainingCourse,
  type TrainingRecord,
} from '../types';
import { summarizeQuestion } from './questionnaires';
import { SMALL_GROUP_MINIMUM } from './suppression';
import { UNLISTED_TOPIC_LABEL } from './topics';

// A mentor's portfolio for a promotion or advancement file, over a period: mentees, pairings and how they
// ended, meetings and hours, training, recognition, and the mentees' session ratings in aggregate.
// Confidential meetings count in the meetings and hours; their topics are never named. Meeting notes
// never reach this module (PortfolioMeeting has none).

export interface PortfolioPeriod {
  start: IsoDate;
  end: IsoDate;
}

export type PortfolioMeeting = {
  id: Id;
  relationshipId: Id;
  date: IsoDate;
  durationMinutes: number;
  topics: Id[];
  confidential: boolean;
  /** Whether the meeting was the debrief of a mentee's milestone. */
  debrief: boolean;
};

/** A goal of one of the mentor's pairings, without its text (the portfolio counts goals, never names them). */
export interface PortfolioGoal {
  id: Id;
  relationshipId: Id;
}

/** One entry of a goal's history, without its note: the status it reached and the day. */
export type PortfolioGoalProgress = Pick<GoalProgress, 'goalId' | 'date' | 'status' | 'createdAt'>;

/** A session rating: the one-minute questionnaire a mentee answers after a meeting. */
export type PortfolioRating = Pick<
  QuestionnaireResponse,
  'questionnaireId' | 'personId' | 'relationshipId' | 'answeredOn' | 'answers'
>;

/** The mentees' session ratings of this mentor in aggregate: only where at least five answers exist. */
export interface MenteeRatings {
  answers: number;
  items: { label: string; summary: string }[];
}

/** What the portfolio needs of a pairing (no end reason: it is not the portfolio's to tell). */
export type PortfolioPair = Pick<
  Relationship,
  'id' | 'programId' | 'mentorId' | 'menteeId' | 'startDate' | 'endDate' | 'status' | 'statusHistory'
>;

export interface PortfolioData {
  clinicName: string;
  mentor: Pick<Person, 'id' | 'name' | 'profession' | 'specialty'>;
  /** The mentor's pairings (as mentor), and the people and programs they name. */
  relationships: PortfolioPair[];
  mentees: Pick<Person, 'id' | 'name' | 'profession'>[];
  programs: Pick<Program, 'id' | 'name'>[];
  topics: Topic[];
  /** The mentor's pairings' meetings in the period, without notes. */
  meetings: PortfolioMeeting[];
  training: TrainingRecord[];
  courses: Pick<TrainingCourse, 'id' | 'name'>[];
  recognitions: Recognition[];
  /** The pairings' goals and their histories: goals achieved in the period are counted per pairing. */
  goals: PortfolioGoal[];
  goalProgress: PortfolioGoalProgress[];
  /** Session ratings about the mentor's pairings; only the mentee's own, in the period, are counted. */
  sessionRatings: PortfolioRating[];
}

export interface PortfolioPairing {
  menteeName: string;
  menteeProfession: string;
  programName: string;
  startDate: IsoDate;
  /** "Active", "Completed 3 Mar 2025"…: the status on the period's last day, in words at the screen. */
  status: string;
  endDate: IsoDate | null;
  meetings: number;
  minutes: number;
  /** Goals of this pairing achieved in the period, and milestone debriefs held in it. */
  goalsAchieved: number;
  debriefsHeld: number;
}

export interface Portfolio {
  clinicName: string;
  period: PortfolioPeriod;
  mentorName: string;
  mentorRole: string;
  mentees: number;
  pairings: PortfolioPairing[];
  meetings: number;
  minutes: number;
  confidentialMeetings: number;
  topics: { label: string; meetings: number }[];
  training: { course: string; provider: string; completedOn: IsoDate; hours: number; renewBy: IsoDate }[];
  trainingHours: number;
  /** Whether the mentor's training was current on the period's last day. */
  trainingCurrentAtEnd: boolean;
  recognitions: { kind: string; date: IsoDate; text: string }[];
  goalsAchieved: number;
  debriefsHeld: number;
  /** Null when fewer than five answers exist. */
  ratings: MenteeRatings | null;
  /** Why there are no ratings: none given, or too few to show. */
  ratingsNote: string | null;
}

/** The status a pair had on a day, from its history (the latest change on or before that day). */
function statusOn(pair: PortfolioPair, day: IsoDate): Relationship['status'] {
  let status = pair.statusHistory[0]?.status ?? pair.status;
  for (const change of pair.statusHistory) if (change.date <= day) status = change.status;
  return status;
}

/** Per pairing, its goals that became achieved within the period (as the recognition letter counts them). */
function goalsAchievedByPair(data: PortfolioData, period: PortfolioPeriod): Map<Id, number> {
  const historyByGoal = new Map<Id, PortfolioGoalProgress[]>();
  for (const entry of data.goalProgress) {
    const list = historyByGoal.get(entry.goalId);
    if (list) list.push(entry);
    else historyByGoal.set(entry.goalId, [entry]);
  }
  const counts = new Map<Id, number>();
  for (const goal of data.goals)
    if (achievedWithin(historyByGoal.get(goal.id) ?? [], period.start, period.end))
      counts.set(goal.relationshipId, (counts.get(goal.relationshipId) ?? 0) + 1);
  return counts;
}

export function computePortfolio(data: PortfolioData, period: PortfolioPeriod): Portfolio {
  const menteesById = new Map(data.mentees.map((person) => [person.id, person]));
  const programsById = new Map(data.programs.map((program) => [program.id, program]));
  const topicsById = new Map(withBuiltInTopics(data.topics).map((topic) => [topic.id, topic]));
  const coursesById = new Map(data.courses.map((course) => [course.id, course]));
  const goalsAchieved = goalsAchievedByPair(data, period);

  const perPair = new Map<Id, { meetings: number; minutes: number; debriefsHeld: number }>();
  const topicCounts = new Map<Id, number>();
  let confidential = 0;
  for (const meeting of data.meetings) {
    if (meeting.date < period.start || meeting.date > period.end) continue;
    const figures = perPair.get(meeting.relationshipId) ?? { meetings: 0, minutes: 0, debriefsHeld: 0 };
    figures.meetings += 1;
    figures.minutes += meeting.durationMinutes;
    if (meeting.debrief) figures.debriefsHeld += 1;
    perPair.set(meeting.relationshipId, figures);
    // A confidential meeting counts with its time, but what it was about stays out of the portfolio.
    if (meeting.confidential) {
      confidential += 1;
      continue;
    }
    for (const topic of new Set(meeting.topics)) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
  }

  // Pairings that overlap the period: started by its end, not ended before its start.
  const overlapping = data.relationships.filter(
    (pair) =>
      pair.mentorId === data.mentor.id &&
      pair.startDate <= period.end &&
      (pair.endDate === null || pair.endDate >= period.start),
  );
  const pairings: PortfolioPairing[] = overlapping
    .map((pair) => {
      const mentee = menteesById.get(pair.menteeId);
      const figures = perPair.get(pair.id) ?? { meetings: 0, minutes: 0, debriefsHeld: 0 };
      const status = statusOn(pair, period.end);
      return {
        menteeName: mentee?.name ?? 'Unknown person',
        menteeProfession: mentee ? PROFESSION_LABELS[mentee.profession] : '',
        programName: programsById.get(pair.programId)?.name ?? 'Unknown program',
        startDate: pair.startDate,
        status: RELATIONSHIP_STATUS_LABELS[status],
        endDate: pair.endDate !== null && pair.endDate <= period.end ? pair.endDate : null,
        ...figures,
        goalsAchieved: goalsAchieved.get(pair.id) ?? 0,
      };
    })
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.menteeName.localeCompare(b.menteeName));

  const training = data.training
    .filter((record) => record.completedOn >= period.start && record.completedOn <= period.end)
    .sort((a, b) => a.completedOn.localeCompare(b.completedOn))
    .map((record) => ({
      course: coursesById.get(record.courseId)?.name ?? 'A course no longer listed',
      provider: record.provider,
      completedOn: record.completedOn,
      hours: record.hours,
      renewBy: record.renewBy,
    }));

  // A rating counts when the pair's mentee gave it, about one of this mentor's pairings, in the period.
  const menteeOf = new Map(
    data.relationships
      .filter((pair) => pair.mentorId === data.mentor.id)
      .map((pair) => [pair.id, pair.menteeId]),
  );
  const ratings = data.sessionRatings.filter(
    (rating) =>
      rating.questionnaireId === SESSION_RATING_ID &&
      rating.relationshipId !== null &&
      menteeOf.get(rating.relationshipId) === rating.personId &&
      rating.answeredOn >= period.start &&
      rating.answeredOn <= period.end,
  );
  const enoughAnswers = ratings.length >= SMALL_GROUP_MINIMUM;
  return {
    clinicName: data.clinicName,
    period,
    mentorName: data.mentor.name,
    mentorRole: [PROFESSION_LABELS[data.mentor.profession], data.mentor.specialty].filter(Boolean).join(', '),
    mentees: new Set(overlapping.map((pair) => pair.menteeId)).size,
    pairings,
    meetings: pairings.reduce((sum, row) => sum + row.meetings, 0),
    minutes: pairings.reduce((sum, row) => sum + row.minutes, 0),
    confidentialMeetings: confidential,
    topics: [...topicCounts]
      .map(([id, meetings]) => ({ label: topicsById.get(id)?.label ?? UNLISTED_TOPIC_LABEL, meetings }))
      .sort((a, b) => b.meetings - a.meetings || a.label.localeCompare(b.label)),
    training,
    trainingHours: training.reduce((sum, record) => sum + record.hours, 0),
    trainingCurrentAtEnd: isTrainingCurrentOn(data.training, period.end),
    recognitions: data.recognitions
      .filter((entry) => entry.date >= period.start && entry.date <= period.end)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((entry) => ({ kind: RECOGNITION_KIND_LABELS[entry.kind], date: entry.date, text: entry.text })),
    goalsAchieved: pairings.reduce((sum, row) => sum + row.goalsAchieved, 0),
    debriefsHeld: pairings.reduce((sum, row) => sum + row.debriefsHeld, 0),
    ratings: enoughAnswers ? menteeRatings(ratings) : null,
    ratingsNote:
      ratings.length === 0
        ? 'No mentee rated a meeting in this period.'
        : enoughAnswers
          ? null
          : `Fewer than ${SMALL_GROUP_MINIMUM} session ratings were given in this period, so none is shown.`,
  };
}

/** Each question of the session rating as an average, or only a count when fewer than 5 answered it. */
function menteeRatings(ratings: readonly PortfolioRating[]): MenteeRatings {
  return {
    answers: ratings.length,
    items: SESSION_RATING.questions.map((question) => {
      const summary = summarizeQuestion(
        question,
        ratings.map((rating): Answer => rating.answers[question.id] ?? null),
      );
      return {
        label: question.prompt,
        summary:
          summary.shown && summary.average !== null
            ? `${summary.average.toFixed(1)} out of ${summary.points} on average (${summary.answered} answers)`
            : `fewer than ${SMALL_GROUP_MINIMUM} answers to this question, so no figure is shown`,
      };
    }),
  };
}
