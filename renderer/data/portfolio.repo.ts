import { SESSION_RATING_ID } from '../domain/questionnaires/built-in';
import type { Answer } from '../domain/questionnaires/types';
import type {
  PortfolioData,
  PortfolioGoal,
  PortfolioGoalProgress,
  PortfolioMeeting,
  PortfolioPair,
  PortfolioPeriod,
  PortfolioRating,
} from '../domain/reports/portfolio';
import type { Id } from '../domain/types';
import { getDb } from './db';
import { SEALED_RECORD_FIELD } from './lock/seal';
import { openRecord } from './lock/sealing';
import { getSettings } from './settings.repo';

// What a mentor's portfolio needs, read for that one mentor: their pairings by the mentor index, each
// pairing's meetings in the period by the pair-and-date index, the mentees named, the mentor's training
// and recognition, the mentees' session ratings of those pairings, and the pairings' goals with their histories.
// Pairings, meetings and answers are read raw, past the reading hooks of the clinic lock: a pairing's end
// reason is never opened (the portfolio has no use for it; the meetings are stored without their notes,
// which are never read), and of the
// answers only the mentees' session ratings in the period are opened, here, to be averaged.

/** Whether a stored meeting was the debrief of a milestone (meetings before milestones existed were not). */
function isDebrief(meeting: object): boolean {
  return typeof (meeting as { milestoneId?: unknown }).milestoneId === 'string';
}

/** The mentor's portfolio data over the period; null when there is no such person. */
export async function loadPortfolioData(
  mentorId: Id,
  period: PortfolioPeriod,
): Promise<PortfolioData | null> {
  const db = getDb();
  const tables = [
    db.people,
    db.programs,
    db.relationships,
    db.meetings,
    db.topics,
    db.settings,
    db.trainingRecords,
    db.trainingCourses,
    db.recognitions,
    db.responses,
    db.goals,
    db.goalProgress,
  ];
  return db.transaction('r', tables, async () => {
    const mentor = await db.people.get(mentorId);
    if (!mentor) return null;
    const [settings, storedPairs, programs, topics, training, courses, recognitions] = await Promise.all([
      getSettings(),
      db.relationships.where('mentorId').equals(mentorId).raw().toArray(),
      db.programs.toArray(),
      db.topics.toArray(),
      db.trainingRecords.where('personId').equals(mentorId).toArray(),
      db.trainingCourses.toArray(),
      db.recognitions.where('personId').equals(mentorId).toArray(),
    ]);
    const relationships: PortfolioPair[] = storedPairs.map((pair) => ({
      id: pair.id,
      programId: pair.programId,
      mentorId: pair.mentorId,
      menteeId: pair.menteeId,
      startDate: pair.startDate,
      endDate: pair.endDate,
      status: pair.status,
      statusHistory: pair.statusHistory,
    }));
    const meetings: PortfolioMeeting[] = [];
    for (const pair of relationships) {
      const inPeriod = await db.meetings
        .where('[relationshipId+date]')
        .between([pair.id, period.start], [pair.id, period.end], true, true)
        .raw()
        .toArray();
      for (const meeting of inPeriod)
        meetings.push({
          id: meeting.id,
          relationshipId: meeting.relationshipId,
          date: meeting.date,
          durationMinutes: meeting.durationMinutes,
          topics: meeting.topics,
          confidential: meeting.confidential,
          debrief: isDebrief(meeting),
        });
    }
    // Goals and their histories are read raw too: only ids, statuses and days are kept, never their text.
    const storedGoals = await db.goals
      .where('relationshipId')
      .anyOf(relationships.map((pair) => pair.id))
      .raw()
      .toArray();
    const goals: PortfolioGoal[] = storedGoals.map((goal) => ({
      id: goal.id,
      relationshipId: goal.relationshipId,
    }));
    const goalProgress: PortfolioGoalProgress[] = (
      await db.goalProgress
        .where('goalId')
        .anyOf(goals.map((goal) => goal.id))
        .raw()
        .toArray()
    ).map((entry) => ({
      goalId: entry.goalId,
      date: entry.date,
      status: entry.status,
      createdAt: entry.createdAt,
    }));
    const menteeOf = new Map(relationships.map((pair) => [pair.id, pair.menteeId]));
    const stored = await db.responses
      .where('relationshipId')
      .anyOf([...menteeOf.keys()])
      .raw()
      .toArray();
    const sessionRatings: PortfolioRating[] = stored
      .filter(
        (response) =>
          response.questionnaireId === SESSION_RATING_ID &&
          response.relationshipId !== null &&
          menteeOf.get(response.relationshipId) === response.personId &&
          response.answeredOn >= period.start &&
          response.answeredOn <= period.end,
      )
      .map((response) => ({
        questionnaireId: response.questionnaireId,
        personId: response.personId,
        relationshipId: response.relationshipId,
        answeredOn: response.answeredOn,
        // Only the answers are kept (sealed with the clinic lock, with whether support was offered).
        answers: openRecord('responses', {
          id: response.id,
          answers: response.answers,
          [SEALED_RECORD_FIELD]: (response as unknown as Record<string, unknown>)[SEALED_RECORD_FIELD],
        }).answers as Record<string, Answer>,
      }));
    const mentees = (
      await db.people.bulkGet([...new Set(relationships.map((pair) => pair.menteeId))])
    ).flatMap((person) =>
      person ? [{ id: person.id, name: person.name, profession: person.profession }] : [],
    );
    return {
      clinicName: settings.clinicName,
      mentor: {
        id: mentor.id,
        name: mentor.name,
        profession: mentor.profession,
        specialty: mentor.specialty,
      },
      relationships,
      mentees,
      programs: programs.map((program) => ({ id: program.id, name: program.name })),
      topics,
      meetings,
      training,
      courses: courses.map((course) => ({ id: course.id, name: course.name })),
      recognitions,
      goals,
      goalProgress,
      sessionRatings,
    };
  });
}

/** The first day anything of this mentor's is dated: where a whole-career portfolio starts. */
export async function firstPortfolioDay(mentorId: Id): Promise<string | null> {
  const db = getDb();
  const [pairs, training, recognitions] = await Promise.all([
    db.relationships.where('mentorId').equals(mentorId).raw().toArray(),
    db.trainingRecords.where('personId').equals(mentorId).toArray(),
    db.recognitions.where('personId').equals(mentorId).raw().toArray(),
  ]);
  const days = [
    ...pairs.map((pair) => pair.startDate),
    ...training.map((record) => record.completedOn),
    ...recognitions.map((entry) => entry.date),
  ].sort();
  return days[0] ?? null;
}
