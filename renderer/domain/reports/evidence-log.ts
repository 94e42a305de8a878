import { type Id, type IsoDate, MEETING_FORMAT_LABELS, type MeetingFormat } from '../types';
import type { ReportIndex } from './report-data';
import { UNLISTED_TOPIC_LABEL } from './topics';

// The evidence log: every meeting of the period, one line each. Never the note text; a confidential
// meeting shows only its date and the words "Confidential meeting".

export const CONFIDENTIAL_MEETING = 'Confidential meeting';

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
  const pairsById = new Map(index.relationships.map((pair) => [pair.id, pair]));
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
    const pair = pairsById.get(meeting.relationshipId);
    return {
      meetingId: meeting.id,
      date: meeting.date,
      confidential: false,
      mentorName: (pair && index.peopleById.get(pair.mentorId)?.name) ?? 'Unknown person',
      menteeName: (pair && index.peopleById.get(pair.menteeId)?.name) ?? 'Unknown person',
      programName: (pair && index.programsById.get(pair.programId)?.name) ?? 'Unknown program',
      durationMinutes: meeting.durationMinutes,
      format: meeting.format,
      formatLabel: MEETING_FORMAT_LABELS[meeting.format] ?? meeting.format,
      topics: meeting.topics.map((id) => index.topicsById.get(id)?.label ?? UNLISTED_TOPIC_LABEL),
    };
  });
  return { rows, confidentialMeetings };
}
