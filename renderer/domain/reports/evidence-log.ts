import { type Id, type IsoDate, MEETING_FORMAT_LABELS, type MeetingFormat } from '../types';
import type { ReportIndex } from './report-data';
import { UNLISTED_TOPIC_LABEL } from './topics';

// The evidence log: every meeting of the period, one line each. Never the note text; a confidential
// meeting shows only its date and the words "Confidential meeting".

export const CONFIDENTIAL_MEETING = 'Confidential meeting';
const UNKNOWN_PERSON = 'Unknown person';

export type EvidenceRow =
  | {
      meetingId: Id;
      date: IsoDate;
      confidential: false;
      mentorName: string;
      menteeName: string;
      programName: string;
      durationMinutes: number;
      format: MeetingFormat;
      formatLabel: string;
      topics: string[];
    }
  | { meetingId: Id; date: IsoDate; confidential: true; description: typeof CONFIDENTIAL_MEETING };

export interface EvidenceLog {
  rows: EvidenceRow[];
  confidentialMeetings: number;
}

export function computeEvidenceLog(index: ReportIndex): EvidenceLog {
  // Names are looked up once per pair and labels once per topic, not once per meeting.
  const pairNames = new Map<Id, { mentorName: string; menteeName: string; programName: string }>();
  for (const pair of index.relationships)
    pairNames.set(pair.id, {
      mentorName: index.peopleById.get(pair.mentorId)?.name ?? UNKNOWN_PERSON,
      menteeName: index.peopleById.get(pair.menteeId)?.name ?? UNKNOWN_PERSON,
      programName: index.programsById.get(pair.programId)?.name ?? 'Unknown program',
    });
  const unknownPair = {
    mentorName: UNKNOWN_PERSON,
    menteeName: UNKNOWN_PERSON,
    programName: 'Unknown program',
  };
  const topicLabel = (id: Id) => index.topicsById.get(id)?.label ?? UNLISTED_TOPIC_LABEL;
  // Meetings read for a report share each list of topics (data/report-records.ts): their rows then share
  // its list of labels too, rather than a list each, over a year's meetings.
  const labelsByTopics = new Map<readonly Id[], string[]>();
  const labelsOf = (topics: readonly Id[]) => {
    let labels = labelsByTopics.get(topics);
    if (!labels) {
      labels = topics.map(topicLabel);
      labelsByTopics.set(topics, labels);
    }
    return labels;
  };
  let confidentialMeetings = 0;
  const rows: EvidenceRow[] = index.meetings.map((meeting) => {
    if (meeting.confidential) {
      confidentialMeetings++;
      return {
        meetingId: meeting.id,
        date: meeting.date,
        confidential: true,
        description: CONFIDENTIAL_MEETING,
      };
    }
    const names = pairNames.get(meeting.relationshipId) ?? unknownPair;
    return {
      meetingId: meeting.id,
      date: meeting.date,
      confidential: false,
      mentorName: names.mentorName,
      menteeName: names.menteeName,
      programName: names.programName,
      durationMinutes: meeting.durationMinutes,
      format: meeting.format,
      formatLabel: MEETING_FORMAT_LABELS[meeting.format] ?? meeting.format,
      topics: labelsOf(meeting.topics),
    };
  });
  return { rows, confidentialMeetings };
}
