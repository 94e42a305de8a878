import { achievedWithin } from '../goals';
import { withBuiltInTopics } from '../topics';
import { type Id, type IsoDate, PROFESSION_LABELS } from '../types';
import { activeSpans } from './pair-status';
import type { ReportPeriod } from './period';
import type { ReportData } from './report-data';
import { UNLISTED_TOPIC_LABEL } from './topics';

// The mentor recognition letter: one mentor's mentoring over a period, for a promotion or
// professional-advancement file. Counts every program the mentor took part in.

export interface LetterMentee {
  name: string;
  profession: string;
  programName: string;
  /** The part of the period the pair was active, or null if only met while paused. */
  from: IsoDate | null;
  to: IsoDate | null;
  meetings: number;
  minutes: number;
}

export interface RecognitionLetter {
  clinicName: string;
  period: ReportPeriod;
  mentorName: string;
  mentorProfession: string;
  mentorSpecialty: string;
  mentees: LetterMentee[];
  meetings: number;
  minutes: number;
  /** Debrief meetings held after a mentee's milestone (first operation, first patient death…). */
  debriefs: number;
  /** Development-plan goals of the mentor's mentees that became achieved in the period. */
  goalsAchieved: number;
  topics: { label: string; meetings: number }[];
}

export class LetterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterError';
  }
}

export function computeRecognitionLetter(
  data: ReportData,
  period: ReportPeriod,
  mentorId: Id,
): RecognitionLetter {
  const mentor = data.people.find((person) => person.id === mentorId);
  if (!mentor) throw new LetterError('That mentor is no longer in the list of people.');
  const peopleById = new Map(data.people.map((person) => [person.id, person]));
  const programsById = new Map(data.programs.map((program) => [program.id, program]));
  const topicsById = new Map(withBuiltInTopics(data.topics).map((topic) => [topic.id, topic]));
  const pairs = data.relationships.filter((pair) => pair.mentorId === mentorId);
  const pairIds = new Set(pairs.map((pair) => pair.id));

  const perPair = new Map<Id, { meetings: number; minutes: number }>();
  const topicCounts = new Map<Id, number>();
  let debriefs = 0;
  for (const meeting of data.meetings) {
    if (!pairIds.has(meeting.relationshipId) || meeting.date < period.start || meeting.date > period.end)
      continue;
    if (meeting.milestoneId !== undefined) debriefs++;
    const figures = perPair.get(meeting.relationshipId) ?? { meetings: 0, minutes: 0 };
    figures.meetings++;
    figures.minutes += meeting.durationMinutes;
    perPair.set(meeting.relationshipId, figures);
    // A confidential meeting counts with its time, but what it was about stays out of the letter.
    if (meeting.confidential) continue;
    for (const topicId of new Set(meeting.topics))
      topicCounts.set(topicId, (topicCounts.get(topicId) ?? 0) + 1);
  }

  const mentees: LetterMentee[] = [];
  for (const pair of pairs) {
    const spans = activeSpans(pair, period.start, period.end);
    const figures = perPair.get(pair.id) ?? { meetings: 0, minutes: 0 };
    if (spans.length === 0 && figures.meetings === 0) continue;
    const mentee = peopleById.get(pair.menteeId);
    mentees.push({
      name: mentee?.name ?? 'Unknown person',
      profession: mentee ? PROFESSION_LABELS[mentee.profession] : '',
      programName: programsById.get(pair.programId)?.name ?? 'Unknown program',
      from: spans[0]?.start ?? null,
      to: spans[spans.length - 1]?.end ?? null,
      ...figures,
    });
  }
  const historyByGoal = new Map<Id, ReportData['goalProgress']>();
  for (const entry of data.goalProgress) {
    if (!pairIds.has(entry.relationshipId)) continue;
    const list = historyByGoal.get(entry.goalId);
    if (list) list.push(entry);
    else historyByGoal.set(entry.goalId, [entry]);
  }
  let goalsAchieved = 0;
  for (const goal of data.goals)
    if (
      pairIds.has(goal.relationshipId) &&
      achievedWithin(historyByGoal.get(goal.id) ?? [], period.start, period.end)
    )
      goalsAchieved++;
  mentees.sort((a, b) => a.name.localeCompare(b.name) || a.programName.localeCompare(b.programName));

  return {
    clinicName: data.clinicName,
    period,
    mentorName: mentor.name,
    mentorProfession: PROFESSION_LABELS[mentor.profession],
    mentorSpecialty: mentor.specialty,
    mentees,
    meetings: mentees.reduce((sum, mentee) => sum + mentee.meetings, 0),
    minutes: mentees.reduce((sum, mentee) => sum + mentee.minutes, 0),
    debriefs,
    goalsAchieved,
    topics: [...topicCounts]
      .map(([id, meetings]) => ({ label: topicsById.get(id)?.label ?? UNLISTED_TOPIC_LABEL, meetings }))
      .sort((a, b) => b.meetings - a.meetings || a.label.localeCompare(b.label)),
  };
}
