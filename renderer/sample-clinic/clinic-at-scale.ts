import type { SupportRequest } from '../domain/questionnaires/types';
import { DEFAULT_DEBRIEF_DAYS } from '../domain/rules/milestone';
import { renewByFor } from '../domain/training';
import {
  BUILT_IN_MILESTONE_TYPES,
  type Id,
  type Meeting,
  type Milestone,
  type TrainingCourse,
  type TrainingRecord,
} from '../domain/types';
import { addMonthsToDay, fromDayNumber, stamp, toDayNumber } from './calendar-days';
import { buildSampleQuestionnaires } from './questionnaires';
import { Random } from './random';
import type { SampleClinic } from './types';

// What a clinic of the counted sizes also holds after a few years: every mentor's training renewed year
// after year (some late, some lapsed), mentees' milestones (most debriefed at a later meeting, a few
// never, including on pairs long ended), questionnaire answers at every checkpoint and after some
// meetings, and requests for contact (most long done, a few open). Drawn from a stream of their own,
// after everything else, so the records drawn before them are unchanged.

const MILESTONE_TYPE_IDS = BUILT_IN_MILESTONE_TYPES.map((type) => type.id);
const MILESTONE_DESCRIPTIONS = [
  'First time leading the procedure without the consultant in the room.',
  'A difficult shift; the mentee wants to talk it through.',
  'Went well; worth a short look back together.',
  'A hard conversation with a family.',
];

export function addRecordsAtScale(clinic: SampleClinic, seed: number, todayIso: string): SampleClinic {
  const rng = new Random(seed ^ 0x5ca1e);
  const today = toDayNumber(todayIso);
  const training = buildTrainingAtScale(rng, clinic, today);
  const { milestones, meetings } = buildMilestonesAtScale(rng, clinic, today);
  const questionnaires = buildSampleQuestionnaires(
    rng,
    todayIso,
    clinic.people,
    clinic.relationships,
    clinic.meetings,
  );
  return {
    ...clinic,
    meetings,
    ...training,
    milestoneTypes: [],
    milestones,
    ...questionnaires,
    supportRequests: [
      ...questionnaires.supportRequests,
      ...buildSupportRequests(rng, clinic, today, questionnaires.supportRequests.length),
    ],
  };
}

/** Each mentor's yearly course since they first mentored (at most five years back), renewed mostly on time. */
function buildTrainingAtScale(
  rng: Random,
  clinic: SampleClinic,
  today: number,
): { trainingCourses: TrainingCourse[]; trainingRecords: TrainingRecord[] } {
  const created = stamp(today - 5 * 365 - 30, '09:00:00.000Z');
  const course = (name: string, provider: string, renewalMonths: number): TrainingCourse => ({
    id: rng.uuid(),
    name,
    provider,
    renewalMonths,
    archived: false,
    createdAt: created,
    updatedAt: created,
  });
  const essentials = course('Mentoring essentials', 'Regional health education centre', 12);
  const feedback = course('Giving feedback that lands', 'Clinic in-house', 24);
  const firstPairing = new Map<Id, number>();
  for (const pair of clinic.relationships) {
    const start = toDayNumber(pair.startDate);
    if (start < (firstPairing.get(pair.mentorId) ?? Number.POSITIVE_INFINITY))
      firstPairing.set(pair.mentorId, start);
  }
  const trainingRecords: TrainingRecord[] = [];
  const complete = (personId: Id, taken: TrainingCourse, day: number, hours: number) => {
    const completedOn = fromDayNumber(day);
    trainingRecords.push({
      id: rng.uuid(),
      personId,
      courseId: taken.id,
      provider: taken.provider,
      completedOn,
      hours,
      renewBy: renewByFor(completedOn, taken.renewalMonths),
      createdAt: stamp(day, '15:00:00.000Z'),
      updatedAt: stamp(day, '15:00:00.000Z'),
    });
  };
  for (const person of clinic.people) {
    // One mentor in ten has never had training recorded (clinics often start recording late).
    if (!person.isMentor || rng.chance(0.1)) continue;
    const first = firstPairing.get(person.id) ?? today - rng.int(30, 700);
    const hired = person.hireDate ? toDayNumber(person.hireDate) : first;
    const stop = person.leavingDate ? toDayNumber(person.leavingDate) : today;
    // One in eight stops renewing at some point: their training lapses.
    const lapsesAfter = rng.chance(0.125) ? rng.int(0, 3) : Number.POSITIVE_INFINITY;
    let day = Math.max(hired, first - rng.int(0, 60), today - 5 * 365);
    for (let renewal = 0; day <= stop && day <= today && renewal <= lapsesAfter; renewal++) {
      complete(person.id, essentials, day, rng.pick([4, 6, 6, 8]));
      // Renewed a few weeks before the renew-by day, or now and then some weeks late.
      day = addMonthsToDay(day, 12) + (rng.chance(0.85) ? -rng.int(0, 40) : rng.int(1, 60));
    }
    if (rng.chance(0.3)) {
      const took = rng.int(Math.max(hired, today - 3 * 365), Math.max(hired, today - 1));
      if (took <= stop) complete(person.id, feedback, took, 2.5);
    }
  }
  return { trainingCourses: [essentials, feedback], trainingRecords };
}

/**
 * One pairing in four records a milestone or two. Nine in ten are debriefed at one of the pair's
 * meetings a few days later (that meeting names the milestone); the rest are still waiting, on live
 * pairs and on pairs that have since ended.
 */
function buildMilestonesAtScale(
  rng: Random,
  clinic: SampleClinic,
  today: number,
): { milestones: Milestone[]; meetings: Meeting[] } {
  const meetingsOf = new Map<Id, number[]>();
  clinic.meetings.forEach((meeting, index) => {
    const list = meetingsOf.get(meeting.relationshipId);
    if (list) list.push(index);
    else meetingsOf.set(meeting.relationshipId, [index]);
  });
  const debriefs = new Map<number, Id>();
  const milestones: Milestone[] = [];
  for (const pair of clinic.relationships) {
    if (pair.status === 'proposed' || !rng.chance(0.25)) continue;
    const start = toDayNumber(pair.startDate);
    const last = pair.endDate ? toDayNumber(pair.endDate) : today;
    const indexes = (meetingsOf.get(pair.id) ?? []).filter((index) => !debriefs.has(index));
    const count = rng.int(1, 2);
    for (let made = 0; made < count; made++) {
      const debriefed = indexes.length > 0 && rng.chance(0.9);
      let day: number;
      let debrief: number | undefined;
      if (debriefed) {
        debrief = indexes.splice(rng.int(0, indexes.length - 1), 1)[0]!;
        const meetingDay = toDayNumber(clinic.meetings[debrief]!.date);
        day = Math.max(start, meetingDay - rng.int(1, 10));
      } else {
        day = rng.int(start, Math.max(start, Math.min(last, today - 1)));
      }
      const id = rng.uuid();
      if (debrief !== undefined) debriefs.set(debrief, id);
      milestones.push({
        id,
        relationshipId: pair.id,
        menteeId: pair.menteeId,
        typeId: rng.pick(MILESTONE_TYPE_IDS),
        date: fromDayNumber(day),
        description: rng.pick(MILESTONE_DESCRIPTIONS),
        debriefWithinDays: DEFAULT_DEBRIEF_DAYS,
        createdAt: stamp(day, '16:00:00.000Z'),
        updatedAt: stamp(day, '16:00:00.000Z'),
      });
    }
  }
  const meetings = clinic.meetings.map((meeting, index) => {
    const milestoneId = debriefs.get(index);
    return milestoneId ? { ...meeting, milestoneId } : meeting;
  });
  return { milestones, meetings };
}

/** About one request for contact a month over three years, long since done, and a few still open. */
function buildSupportRequests(
  rng: Random,
  clinic: SampleClinic,
  today: number,
  already: number,
): SupportRequest[] {
  const people = clinic.people.filter((person) => !person.archived);
  if (people.length === 0) return [];
  const requests: SupportRequest[] = [];
  for (let index = 0; index < 36 + Math.max(0, 3 - already); index++) {
    const open = index >= 36;
    const day = open ? today - rng.int(1, 10) : today - rng.int(20, 3 * 365);
    requests.push({
      id: rng.uuid(),
      personId: rng.pick(people).id,
      requestedOn: fromDayNumber(day),
      createdAt: stamp(day, '15:05:00.000Z'),
      doneAt: open ? null : stamp(day + rng.int(1, 5), '11:00:00.000Z'),
    });
  }
  return requests;
}
