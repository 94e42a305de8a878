import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, daysBetween, isIsoDate } from '../../renderer/domain/calendar';
import { computeDashboard } from '../../renderer/domain/dashboard';
import { checkMeeting, checkPerson, checkProgram, STATUS_TRANSITIONS } from '../../renderer/domain/rules';
import {
  BUILT_IN_TOPICS,
  type IsoDate,
  MEETING_FORMATS,
  type Meeting,
  PROFESSIONS,
  RELATIONSHIP_STATUSES,
  type Relationship,
} from '../../renderer/domain/types';
import {
  generateSampleClinic,
  LARGE_SAMPLE_COUNTS,
  SAMPLE_DEFAULT_TODAY,
  type SampleClinic,
} from '../../renderer/sample-clinic';

const TODAY = '2026-01-15';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LIVE = new Set(['proposed', 'active', 'paused']);

/** Day ranges (inclusive) in which a pair was active, read from its status history. */
function activePeriods(relationship: Relationship, tomorrow: IsoDate): [IsoDate, IsoDate][] {
  const periods: [IsoDate, IsoDate][] = [];
  relationship.statusHistory.forEach((change, index) => {
    if (change.status !== 'active') return;
    const next = relationship.statusHistory[index + 1];
    periods.push([change.date, next ? next.date : tomorrow]);
  });
  return periods;
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) repeated.push(id);
    seen.add(id);
  }
  return repeated;
}

/** Every rule the app enforces, checked over a whole clinic; returns what is broken, in words. */
function ruleViolations(clinic: SampleClinic, today: IsoDate, appRuleEvery = 1): string[] {
  const problems: string[] = [];
  const fail = (message: string) => {
    if (problems.length < 20) problems.push(message);
  };
  const people = new Map(clinic.people.map((person) => [person.id, person]));
  const programs = new Map(clinic.programs.map((program) => [program.id, program]));
  const topics = new Set(clinic.topics.map((topic) => topic.id));
  const relationships = new Map(clinic.relationships.map((relationship) => [relationship.id, relationship]));
  const meetingsByPair = new Map<string, Meeting[]>();
  for (const meeting of clinic.meetings) {
    const list = meetingsByPair.get(meeting.relationshipId) ?? [];
    list.push(meeting);
    meetingsByPair.set(meeting.relationshipId, list);
  }

  for (const [table, records] of Object.entries({
    people: clinic.people,
    programs: clinic.programs,
    relationships: clinic.relationships,
    meetings: clinic.meetings,
    actionItems: clinic.actionItems,
  })) {
    const ids = records.map((record) => record.id);
    if (duplicates(ids).length) fail(`${table}: duplicate ids`);
    const bad = ids.find((id) => !UUID.test(id));
    if (bad) fail(`${table}: id ${bad} is not a UUID`);
  }
  if (duplicates(clinic.topics.map((topic) => topic.id)).length) fail('topics: duplicate ids');

  for (const person of clinic.people) {
    try {
      checkPerson(person);
    } catch (error) {
      fail(`person ${person.name}: ${(error as Error).message}`);
    }
    if (person.leavingDate && person.leavingDate > today) fail(`${person.name} leaves in the future`);
    if (person.leavingDate && !person.archived) fail(`${person.name} left but is not archived`);
  }
  for (const program of clinic.programs) checkProgram(program);

  const tomorrow = addDaysIso(today, 1);
  const load = new Map<string, { pairs: number; overrides: number }>();
  for (const relationship of clinic.relationships) {
    const label = `pair ${relationship.id}`;
    const mentor = people.get(relationship.mentorId);
    const mentee = people.get(relationship.menteeId);
    if (!mentor?.isMentor) fail(`${label}: mentor missing or not a mentor`);
    if (!mentee?.isMentee) fail(`${label}: mentee missing or not a mentee`);
    if (relationship.mentorId === relationship.menteeId) fail(`${label}: mentors themselves`);
    if (!programs.has(relationship.programId)) fail(`${label}: unknown program`);
    if (relationship.plannedEndDate && relationship.plannedEndDate <= relationship.startDate)
      fail(`${label}: planned end not after start`);
    const ended = relationship.status === 'completed' || relationship.status === 'ended-early';
    if (ended !== (relationship.endDate !== null)) fail(`${label}: end date does not match its status`);
    if (relationship.endDate && relationship.endDate <= relationship.startDate)
      fail(`${label}: ends before it starts`);
    if (relationship.endDate && relationship.endDate > today) fail(`${label}: ends in the future`);
    if ((relationship.status === 'ended-early') !== Boolean(relationship.endReason?.trim()))
      fail(`${label}: an end reason belongs to pairs ended early, and only to them`);
    if (LIVE.has(relationship.status) && (mentor?.archived || mentee?.archived))
      fail(`${label}: live pair with someone who left`);

    const history = relationship.statusHistory;
    const first = history[0];
    if (!first || first.date !== relationship.startDate || !['proposed', 'active'].includes(first.status))
      fail(`${label}: history does not begin at the start date`);
    history.slice(1).forEach((change, index) => {
      const before = history[index]!;
      if (!STATUS_TRANSITIONS[before.status].includes(change.status))
        fail(`${label}: ${before.status} cannot become ${change.status}`);
      if (change.date < before.date) fail(`${label}: history goes back in time`);
    });
    const last = history[history.length - 1];
    if (last?.status !== relationship.status) fail(`${label}: history ends on another status`);
    if (ended && last?.date !== relationship.endDate) fail(`${label}: history ends on another date`);

    if (relationship.status === 'proposed' || relationship.status === 'active') {
      const entry = load.get(relationship.mentorId) ?? { pairs: 0, overrides: 0 };
      entry.pairs += 1;
      if (relationship.capacityOverride?.reason.trim()) entry.overrides += 1;
      load.set(relationship.mentorId, entry);
    }

    const meetings = meetingsByPair.get(relationship.id) ?? [];
    const latest = meetings.reduce<IsoDate | null>(
      (max, meeting) => (max === null || meeting.date > max ? meeting.date : max),
      null,
    );
    if (relationship.lastMeetingDate !== latest) fail(`${label}: lastMeetingDate is not its latest meeting`);
    const periods = activePeriods(relationship, tomorrow);
    for (const meeting of meetings) {
      if (!periods.some(([from, to]) => meeting.date >= from && meeting.date <= to))
        fail(`${label}: meeting on ${meeting.date} outside the time the pair was active`);
    }
  }
  for (const [mentorId, { pairs, overrides }] of load) {
    const capacity = people.get(mentorId)?.mentorCapacity ?? 0;
    if (pairs > capacity && overrides < pairs - capacity)
      fail(`mentor ${mentorId}: ${pairs} pairs for a capacity of ${capacity} without a recorded override`);
  }

  const meetingsById = new Map(clinic.meetings.map((meeting) => [meeting.id, meeting]));
  clinic.meetings.forEach((meeting, index) => {
    const relationship = relationships.get(meeting.relationshipId);
    // The app's own check parses dates with date-fns, too slow for 200,000 meetings: the large
    // clinic runs it on a spread-out share and the same rules as plain comparisons on all.
    if (index % appRuleEvery === 0) {
      try {
        checkMeeting({ ...meeting, actionItems: [] }, relationship, today);
      } catch (error) {
        fail(`meeting ${meeting.id}: ${(error as Error).message}`);
      }
    }
    if (!isIsoDate(meeting.date) || meeting.date > tomorrow || meeting.date < (relationship?.startDate ?? ''))
      fail(`meeting ${meeting.id}: dated ${meeting.date}, outside its pair or in the future`);
    if (
      !Number.isInteger(meeting.durationMinutes) ||
      meeting.durationMinutes < 1 ||
      meeting.durationMinutes > 1440
    )
      fail(`meeting ${meeting.id}: duration ${meeting.durationMinutes}`);
    if (!MEETING_FORMATS.includes(meeting.format)) fail(`meeting ${meeting.id}: format ${meeting.format}`);
    if (meeting.topics.length === 0 || meeting.topics.some((topic) => !topics.has(topic)))
      fail(`meeting ${meeting.id}: missing or unknown topics`);
    if (!meeting.notes.trim()) fail(`meeting ${meeting.id}: empty notes`);
  });
  for (const item of clinic.actionItems) {
    const meeting = meetingsById.get(item.meetingId);
    if (!meeting || meeting.relationshipId !== item.relationshipId)
      fail(`action ${item.id}: not tied to a meeting of its pair`);
    if (meeting && item.dueDate && item.dueDate <= meeting.date)
      fail(`action ${item.id}: due before its meeting`);
    if (item.done !== (item.doneDate !== null)) fail(`action ${item.id}: done and done date disagree`);
    if (item.doneDate && meeting && (item.doneDate < meeting.date || item.doneDate > today))
      fail(`action ${item.id}: done on an impossible date`);
    if (!item.text.trim()) fail(`action ${item.id}: no text`);
  }
  return problems;
}

describe('the rule check used below', () => {
  it('notices each kind of broken record', () => {
    const breakages: ((clinic: SampleClinic) => void)[] = [
      (clinic) => {
        clinic.relationships[0]!.mentorId = clinic.relationships[0]!.menteeId;
      },
      (clinic) => {
        clinic.relationships[0]!.lastMeetingDate = '2020-01-01';
      },
      (clinic) => {
        clinic.meetings[0]!.date = addDaysIso(TODAY, 2);
      },
      (clinic) => {
        const paused = clinic.relationships.find((pair) => pair.status === 'paused')!;
        paused.statusHistory = [paused.statusHistory[0]!];
      },
      (clinic) => {
        const ended = clinic.relationships.find((pair) => pair.status === 'ended-early')!;
        ended.endReason = null;
      },
      (clinic) => {
        const mentor = clinic.people.find((person) => person.isMentor)!;
        mentor.mentorCapacity = 0;
      },
      (clinic) => {
        clinic.actionItems[0]!.doneDate = addDaysIso(TODAY, 3);
        clinic.actionItems[0]!.done = true;
      },
    ];
    for (const breakIt of breakages) {
      const clinic = generateSampleClinic({ seed: 1, size: 'demo', today: TODAY });
      breakIt(clinic);
      expect(ruleViolations(clinic, TODAY)).not.toEqual([]);
    }
  });
});

describe('the sample clinic is deterministic', () => {
  it('gives identical records, ids included, for the same seed, size and today', () => {
    expect(generateSampleClinic({ seed: 7, size: 'demo', today: TODAY })).toEqual(
      generateSampleClinic({ seed: 7, size: 'demo', today: TODAY }),
    );
    const counts = { people: 40, relationships: 60, meetings: 500 };
    expect(generateSampleClinic({ seed: 7, size: counts, today: TODAY })).toEqual(
      generateSampleClinic({ seed: 7, size: counts, today: TODAY }),
    );
  });

  it('gives a different clinic for a different seed', () => {
    const one = generateSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const two = generateSampleClinic({ seed: 2, size: 'demo', today: TODAY });
    expect(two.people.map((person) => person.id)).not.toEqual(one.people.map((person) => person.id));
    expect(two.people.map((person) => person.name)).not.toEqual(one.people.map((person) => person.name));
    expect(two.meetings.map((meeting) => meeting.date)).not.toEqual(
      one.meetings.map((meeting) => meeting.date),
    );
  });

  it('reads no clock: moving today moves every start date by exactly as many days', () => {
    const now = generateSampleClinic({ seed: 3, size: 'demo', today: TODAY });
    const later = generateSampleClinic({ seed: 3, size: 'demo', today: '2027-03-01' });
    const shift = daysBetween(TODAY, '2027-03-01');
    expect(later.relationships.map((pair) => pair.id)).toEqual(now.relationships.map((pair) => pair.id));
    expect(later.relationships.map((pair) => daysBetween(TODAY, addDaysIso(pair.startDate, -shift)))).toEqual(
      now.relationships.map((pair) => daysBetween(TODAY, pair.startDate)),
    );
  });

  it('builds around a fixed day when no today is given', () => {
    const clinic = generateSampleClinic({ seed: 1, size: 'demo' });
    expect(clinic).toEqual(generateSampleClinic({ seed: 1, size: 'demo', today: SAMPLE_DEFAULT_TODAY }));
  });
});

describe('the demo clinic', () => {
  const demo = generateSampleClinic({ seed: 1, size: 'demo', today: TODAY });

  it('is a small clinic of every profession with three programs and pairs in every status', () => {
    expect(demo.people.length).toBeGreaterThanOrEqual(25);
    expect(demo.people.length).toBeLessThanOrEqual(35);
    const professions = new Set(demo.people.map((person) => person.profession));
    for (const profession of PROFESSIONS.filter((value) => value !== 'other'))
      expect(professions).toContain(profession);
    expect(
      demo.programs.map((program) => [program.name, program.cadenceDays, program.typicalLengthMonths]),
    ).toEqual([
      ['New-graduate nurse residency', 14, 12],
      ['Resident advisor meetings', 90, 36],
      ['Staff peer mentoring', 30, 12],
    ]);
    expect(demo.relationships.length).toBeGreaterThanOrEqual(15);
    expect(demo.relationships.length).toBeLessThanOrEqual(20);
    expect(new Set(demo.relationships.map((pair) => pair.status))).toEqual(new Set(RELATIONSHIP_STATUSES));
    const paused = demo.relationships.find((pair) => pair.status === 'paused');
    expect(paused?.statusHistory.map((change) => change.status)).toEqual(['active', 'paused']);
    expect(demo.relationships.some((pair) => pair.capacityOverride !== null)).toBe(true);
    expect(demo.settings).toMatchObject({ clinicName: 'Riverside Community Clinic', onboarded: true });
  });

  it('has about eighteen months of meetings, some confidential, with action items done and open', () => {
    const dates = demo.meetings.map((meeting) => meeting.date).sort();
    const monthsBack = daysBetween(dates[0]!, TODAY) / 30.4;
    expect(monthsBack).toBeGreaterThan(15);
    expect(monthsBack).toBeLessThan(21);
    expect(demo.meetings.some((meeting) => meeting.confidential)).toBe(true);
    expect(demo.meetings.some((meeting) => !meeting.confidential)).toBe(true);
    expect(new Set(demo.meetings.map((meeting) => meeting.format)).size).toBeGreaterThanOrEqual(4);
    expect(demo.actionItems.some((item) => item.done)).toBe(true);
    expect(demo.actionItems.some((item) => !item.done && item.dueDate! < TODAY)).toBe(true);
    const builtIn = new Set(BUILT_IN_TOPICS.map((topic) => topic.id));
    expect(demo.topics.filter((topic) => builtIn.has(topic.id))).toHaveLength(BUILT_IN_TOPICS.length);
    expect(demo.topics.filter((topic) => !topic.builtIn).map((topic) => topic.label)).toEqual([
      'Night shift and handovers',
    ]);
  });

  it('has staff who were hired recently and some who left, so retention is not trivial', () => {
    const recentHires = demo.people.filter(
      (person) => person.hireDate && daysBetween(person.hireDate, TODAY) <= 2 * 365,
    );
    const leavers = recentHires.filter((person) => person.leavingDate);
    expect(recentHires.length).toBeGreaterThanOrEqual(8);
    expect(leavers.length).toBeGreaterThanOrEqual(2);
    expect(leavers.some((person) => daysBetween(person.hireDate!, person.leavingDate!) < 183)).toBe(true);
    expect(leavers.some((person) => daysBetween(person.hireDate!, person.leavingDate!) >= 183)).toBe(true);
  });

  it.each([1, 2, 3, 42, 2024])('obeys every rule with seed %i', (seed) => {
    expect(ruleViolations(generateSampleClinic({ seed, size: 'demo', today: TODAY }), TODAY)).toEqual([]);
  });

  it('gives the dashboard overdue pairs, a quiet pair, a pair ending soon and past-due action items', () => {
    for (const seed of [1, 2, 3]) {
      const clinic = generateSampleClinic({ seed, size: 'demo', today: TODAY });
      const dashboard = computeDashboard(
        {
          relationships: clinic.relationships,
          programs: clinic.programs,
          people: clinic.people,
          openActionItems: clinic.actionItems.filter((item) => !item.done),
        },
        TODAY,
      );
      expect(dashboard.overdue.length).toBeGreaterThanOrEqual(1);
      expect(dashboard.quiet.length).toBeGreaterThanOrEqual(1);
      expect(dashboard.quiet[0]!.daysWithoutMeeting).toBeGreaterThanOrEqual(90);
      expect(dashboard.endingSoon.length).toBeGreaterThanOrEqual(1);
      expect(dashboard.pastDueActions.length).toBeGreaterThanOrEqual(1);
      // Most pairs keep up: an all-red dashboard would not look like a working program.
      expect(dashboard.overdue.length).toBeLessThan(dashboard.activeCount / 2);
    }
  });

  it('writes no patient data: notes come from generic sentences', () => {
    for (const meeting of demo.meetings) {
      expect(meeting.notes).not.toMatch(/\b(Mr|Mrs|Ms)\.? [A-Z]|\bbed \d|\bMRN\b|\d{3}-\d{3}-\d{4}/);
      // A debrief's notes hold the five answers of its form, each a short line.
      expect(meeting.notes.length).toBeLessThan(meeting.milestoneId ? 400 : 200);
    }
  });
});

describe('the large clinic', () => {
  let large: SampleClinic;
  beforeAll(() => {
    large = generateSampleClinic({ seed: 1, size: 'large', today: TODAY });
  });

  // How long it takes to build is a benchmark figure (npm run bench), not a test: it moves with the load.
  it('has exactly 10,000 people, 20,000 pairs and 200,000 meetings', () => {
    expect(large.people).toHaveLength(LARGE_SAMPLE_COUNTS.people);
    expect(large.relationships).toHaveLength(LARGE_SAMPLE_COUNTS.relationships);
    expect(large.meetings).toHaveLength(LARGE_SAMPLE_COUNTS.meetings);
    expect(large.actionItems.length).toBeGreaterThan(20_000);
  });

  it('has notes of a realistic length', () => {
    const outside = large.meetings.filter(
      (meeting) => meeting.notes.length < 200 || meeting.notes.length > 400,
    );
    expect(outside).toHaveLength(0);
  });

  it('obeys every rule', () => {
    expect(ruleViolations(large, TODAY, 25)).toEqual([]);
  });

  it('holds what a clinic of its size holds after years: renewals, milestones, answers, requests', () => {
    const training = large.trainingRecords ?? [];
    const perMentor = new Map<string, number>();
    for (const record of training) perMentor.set(record.personId, (perMentor.get(record.personId) ?? 0) + 1);
    // Several years of yearly renewals, and every completion by a mentor, never after today.
    expect(Math.max(...perMentor.values())).toBeGreaterThanOrEqual(4);
    const mentors = new Set(large.people.filter((person) => person.isMentor).map((person) => person.id));
    expect(training.every((record) => mentors.has(record.personId) && record.completedOn <= TODAY)).toBe(
      true,
    );
    expect(training.every((record) => record.renewBy > record.completedOn)).toBe(true);

    const milestones = large.milestones ?? [];
    const debriefs = new Map(
      large.meetings.flatMap((meeting) => (meeting.milestoneId ? [[meeting.milestoneId, meeting]] : [])),
    );
    expect(milestones.length).toBeGreaterThan(2_000);
    // Most are debriefed, at a meeting of their own pair on or after the day; some are still waiting.
    expect(debriefs.size / milestones.length).toBeGreaterThan(0.75);
    expect(debriefs.size).toBeLessThan(milestones.length);
    for (const milestone of milestones) {
      const meeting = debriefs.get(milestone.id);
      if (!meeting) continue;
      expect(meeting.relationshipId).toBe(milestone.relationshipId);
      expect(meeting.date >= milestone.date).toBe(true);
    }

    expect(large.responses.length).toBeGreaterThan(10_000);
    const open = large.supportRequests.filter((request) => request.doneAt === null);
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(large.supportRequests.length).toBeGreaterThan(open.length * 5);
  });

  it('has every status and some leavers', () => {
    expect(new Set(large.relationships.map((pair) => pair.status))).toEqual(new Set(RELATIONSHIP_STATUSES));
    expect(large.people.filter((person) => person.leavingDate).length).toBeGreaterThan(100);
  });
});

describe('a custom size', () => {
  it('gives exactly the counts asked for and obeys every rule', () => {
    for (const counts of [
      { people: 2, relationships: 5, meetings: 40 },
      { people: 300, relationships: 450, meetings: 3_000 },
      { people: 12, relationships: 0, meetings: 0 },
    ]) {
      const clinic = generateSampleClinic({ seed: 5, size: counts, today: TODAY });
      expect([clinic.people.length, clinic.relationships.length, clinic.meetings.length]).toEqual([
        counts.people,
        counts.relationships,
        counts.meetings,
      ]);
      expect(ruleViolations(clinic, TODAY)).toEqual([]);
    }
  });

  it('refuses counts that cannot make a clinic, in plain words', () => {
    expect(() =>
      generateSampleClinic({ seed: 1, size: { people: 1, relationships: 1, meetings: 0 }, today: TODAY }),
    ).toThrow('A sample with relationships needs at least two people.');
    expect(() =>
      generateSampleClinic({ seed: 1, size: { people: 5, relationships: 0, meetings: 3 }, today: TODAY }),
    ).toThrow('A sample with meetings needs at least one relationship.');
    expect(() =>
      generateSampleClinic({ seed: 1, size: { people: -1, relationships: 0, meetings: 0 }, today: TODAY }),
    ).toThrow('The number of people must be a whole number');
  });
});
