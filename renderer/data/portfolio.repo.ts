import type { PortfolioData, PortfolioMeeting, PortfolioPeriod } from '../domain/reports/portfolio';
import type { Id } from '../domain/types';
import { getDb } from './db';
import { getSettings } from './settings.repo';

// What a mentor's portfolio needs, read for that one mentor: their pairings by the mentor index, each
// pairing's meetings in the period by the pair-and-date index (notes dropped here), the mentees named,
// and the mentor's training and recognition.

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
  ];
  return db.transaction('r', tables, async () => {
    const mentor = await db.people.get(mentorId);
    if (!mentor) return null;
    const [settings, relationships, programs, topics, training, courses, recognitions] = await Promise.all([
      getSettings(),
      db.relationships.where('mentorId').equals(mentorId).toArray(),
      db.programs.toArray(),
      db.topics.toArray(),
      db.trainingRecords.where('personId').equals(mentorId).toArray(),
      db.trainingCourses.toArray(),
      db.recognitions.where('personId').equals(mentorId).toArray(),
    ]);
    const meetings: PortfolioMeeting[] = [];
    for (const pair of relationships) {
      const inPeriod = await db.meetings
        .where('[relationshipId+date]')
        .between([pair.id, period.start], [pair.id, period.end], true, true)
        .toArray();
      for (const meeting of inPeriod)
        meetings.push({
          id: meeting.id,
          relationshipId: meeting.relationshipId,
          date: meeting.date,
          durationMinutes: meeting.durationMinutes,
          topics: meeting.topics,
          confidential: meeting.confidential,
        });
    }
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
      // Other parts of the app will record these: goals and debriefs (goals work), ratings (questionnaires).
      menteeProgress: null,
      ratings: null,
    };
  });
}

/** The first day anything of this mentor's is dated: where a whole-career portfolio starts. */
export async function firstPortfolioDay(mentorId: Id): Promise<string | null> {
  const db = getDb();
  const [pairs, training, recognitions] = await Promise.all([
    db.relationships.where('mentorId').equals(mentorId).toArray(),
    db.trainingRecords.where('personId').equals(mentorId).toArray(),
    db.recognitions.where('personId').equals(mentorId).toArray(),
  ]);
  const days = [
    ...pairs.map((pair) => pair.startDate),
    ...training.map((record) => record.completedOn),
    ...recognitions.map((entry) => entry.date),
  ].sort();
  return days[0] ?? null;
}
