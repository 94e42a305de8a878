import { addDaysIso } from '../domain/calendar';
import { debriefNotes } from '../domain/milestones';
import { DEFAULT_DEBRIEF_DAYS } from '../domain/rules/milestone';
import { BUILT_IN_MILESTONE_TYPES, type IsoDate, type Meeting, type Milestone } from '../domain/types';
import type { Random } from './random';
import type { SampleClinic } from './types';

// The demo's milestones: one debriefed at the pair's latest meeting (that meeting becomes the debrief,
// with the structured form's answers in its notes), one recorded a few days ago and still due, and one
// whose debrief is overdue, so "Load sample data" shows the dashboard card, a pairing's milestones and
// the report's figures. Added after everything else, so the rest of the sample is unchanged by it.

const LABELS = new Map(BUILT_IN_MILESTONE_TYPES.map((type) => [type.id, type.label]));

export function addSampleMilestones(clinic: SampleClinic, rng: Random, today: IsoDate): SampleClinic {
  const active = clinic.relationships
    .filter((pair) => pair.status === 'active' && pair.lastMeetingDate !== null)
    .sort((a, b) => a.id.localeCompare(b.id));
  if (active.length < 3) return { ...clinic, milestoneTypes: [], milestones: [] };
  const [debriefed, due, overdue] = active;
  const milestone = (
    pair: (typeof active)[number],
    typeId: string,
    date: IsoDate,
    description: string,
  ): Milestone => ({
    id: rng.uuid(),
    relationshipId: pair.id,
    menteeId: pair.menteeId,
    typeId,
    date,
    description,
    debriefWithinDays: DEFAULT_DEBRIEF_DAYS,
    createdAt: `${date}T16:00:00.000Z`,
    updatedAt: `${date}T16:00:00.000Z`,
  });

  // The latest meeting of the first pair is the debrief of a resuscitation three days before it.
  const debriefMeeting = clinic.meetings
    .filter((meeting) => meeting.relationshipId === debriefed.id)
    .reduce<Meeting | null>(
      (latest, meeting) => (!latest || meeting.date > latest.date ? meeting : latest),
      null,
    );
  const milestones: Milestone[] = [];
  let meetings = clinic.meetings;
  if (debriefMeeting) {
    const date = addDaysIso(debriefMeeting.date, -3);
    const first = milestone(
      debriefed,
      'first-resuscitation',
      date < debriefed.startDate ? debriefed.startDate : date,
      'Led the first resuscitation on the ward; the patient was stabilised.',
    );
    milestones.push(first);
    const notes = debriefNotes(LABELS.get(first.typeId) ?? 'Milestone', {
      whatHappened: 'Led the team until the doctor came.',
      wentWell: 'Clear roles, fast start.',
      doDifferently: 'Call for the defibrillator sooner.',
      menteeDoing: 'Shaken at first, proud now.',
      followUp: 'Simulation session next month.',
    });
    meetings = clinic.meetings.map((meeting) =>
      meeting.id === debriefMeeting.id
        ? { ...meeting, format: 'debrief', milestoneId: first.id, notes, confidential: false }
        : meeting,
    );
  }
  milestones.push(
    milestone(due, 'first-night-in-charge', addDaysIso(today, -2), 'First night in charge of the ward.'),
    milestone(
      overdue,
      'first-patient-death',
      addDaysIso(today, -12),
      'A long-term patient died on the shift.',
    ),
  );
  return { ...clinic, meetings, milestoneTypes: [], milestones };
}
