import Dexie from 'dexie';
import {
  type ReportActionItem,
  type ReportData,
  type ReportMeeting,
  type ReportPerson,
  relationshipsNeedingEarlierMeeting,
} from '../domain/reports/report-data';
import type { IsoDate, Meeting, PaperSize, Person, Program } from '../domain/types';
import { getDb } from './db';
import { getSettings } from './settings.repo';

// Loads what an accreditation report needs, as plain data. Meetings come through the date index for
// the period only; note text and action-item text are dropped here, before anything reaches a report.

/** Everything for a report over [start, end]; both days included. */
export async function loadReportData(range: { start: IsoDate; end: IsoDate }): Promise<ReportData> {
  const db = getDb();
  return db.transaction(
    'r',
    [db.people, db.programs, db.relationships, db.meetings, db.actionItems, db.topics, db.settings],
    async () => {
      const [settings, people, programs, relationships, topics, meetings] = await Promise.all([
        getSettings(),
        db.people.toArray(),
        db.programs.toArray(),
        db.relationships.toArray(),
        db.topics.toArray(),
        db.meetings.where('date').between(range.start, range.end, true, true).toArray(),
      ]);
      const meetingIds = new Set(meetings.map((meeting) => meeting.id));
      // One bulk read beats a cursor over every item; the text is dropped straight away.
      const actionItems: ReportActionItem[] = [];
      for (const item of await db.actionItems.toArray()) {
        if (!meetingIds.has(item.meetingId)) continue;
        const { text: _text, ...withoutText } = item;
        actionItems.push(withoutText);
      }

      // Only pairs that met after the period began but not within it need a look further back.
      const lastMeetingBeforeRange: Record<string, IsoDate> = {};
      for (const id of relationshipsNeedingEarlierMeeting(relationships, meetings, range.start)) {
        const last = await db.meetings
          .where('[relationshipId+date]')
          .between([id, Dexie.minKey], [id, range.start], true, false)
          .last();
        if (last) lastMeetingBeforeRange[id] = last.date;
      }

      return {
        clinicName: settings.clinicName,
        paperSize: settings.paperSize,
        people: people.map(toReportPerson),
        programs,
        relationships,
        topics,
        meetingRange: { start: range.start, end: range.end },
        meetings: meetings.map(withoutNotes),
        actionItems,
        lastMeetingBeforeRange,
      };
    },
  );
}

export interface ReportChoices {
  clinicName: string;
  paperSize: PaperSize;
  programs: Program[];
  /** People who mentor, or ever mentored someone, for the recognition letter. */
  mentors: { id: string; name: string }[];
  /** The first meeting ever logged, to offer sensible years; null when none yet. */
  firstMeetingDate: IsoDate | null;
}

/** What the report screen offers to choose from. */
export async function loadReportChoices(): Promise<ReportChoices> {
  const db = getDb();
  return db.transaction(
    'r',
    [db.people, db.programs, db.relationships, db.meetings, db.settings],
    async () => {
      const [settings, people, programs, mentorIds, firstMeeting] = await Promise.all([
        getSettings(),
        db.people.toArray(),
        db.programs.toArray(),
        db.relationships.orderBy('mentorId').uniqueKeys(),
        db.meetings.orderBy('date').first(),
      ]);
      const mentoring = new Set(mentorIds.map(String));
      return {
        clinicName: settings.clinicName,
        paperSize: settings.paperSize,
        programs: programs.sort((a, b) => a.name.localeCompare(b.name)),
        mentors: people
          .filter((person) => person.isMentor || mentoring.has(person.id))
          .map((person) => ({ id: person.id, name: person.name }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        firstMeetingDate: firstMeeting?.date ?? null,
      };
    },
  );
}

function withoutNotes(meeting: Meeting): ReportMeeting {
  const { notes: _notes, ...rest } = meeting;
  return rest;
}

function toReportPerson(person: Person): ReportPerson {
  return {
    id: person.id,
    name: person.name,
    profession: person.profession,
    specialty: person.specialty,
    hireDate: person.hireDate,
    leavingDate: person.leavingDate,
    isMentor: person.isMentor,
    isMentee: person.isMentee,
    mentorCapacity: person.mentorCapacity,
    archived: person.archived,
  };
}
