import type { CareerStage, Focus, Person, Profession, RelationshipStatus } from '../domain/types';
import { type BuildOptions, type ClinicBuilder, type PairPlan, spanDays } from './builder';
import { addMonthsToDay, fromDayNumber } from './calendar-days';
import { buildDemoTraining } from './demo-training';
import { addSampleMilestones } from './milestones';
import { type ProgramKey, programSpec } from './programs';
import type { Random } from './random';
import { CAPACITY_OVERRIDE_REASONS, END_EARLY_REASONS, FIRST_NAMES, LAST_NAMES } from './text';
import type { SampleClinic } from './types';

// The demo: a hand-written cast and story, with names and dates varied by the seed.

type RoleKey =
  | 'P1'
  | 'P2'
  | 'P3'
  | 'P4'
  | 'P5'
  | 'P6'
  | 'N1'
  | 'N2'
  | 'N3'
  | 'N4'
  | 'N5'
  | 'N6'
  | 'N7'
  | 'N8'
  | 'N9'
  | 'N10'
  | 'N11'
  | 'R1'
  | 'R2'
  | 'R3'
  | 'R4'
  | 'S1'
  | 'S2'
  | 'S3'
  | 'A1'
  | 'A2'
  | 'A3'
  | 'A4'
  | 'D1'
  | 'D2';

interface DemoRole {
  key: RoleKey;
  profession: Profession;
  specialty: string;
  careerStage: CareerStage;
  isMentor: boolean;
  isMentee: boolean;
  mentorCapacity: number;
  /** Years since hire for established staff; null for students; 0 for recent hires (set by pairings). */
  yearsSinceHire: number | null;
}

const role = (
  key: RoleKey,
  profession: Profession,
  specialty: string,
  careerStage: CareerStage,
  mentorCapacity: number,
  isMentee: boolean,
  yearsSinceHire: number | null,
): DemoRole => ({
  key,
  profession,
  specialty,
  careerStage,
  isMentor: mentorCapacity > 0,
  isMentee,
  mentorCapacity,
  yearsSinceHire,
});

const DEMO_ROLES: readonly DemoRole[] = [
  role('P1', 'physician', 'Family medicine', 'senior', 3, false, 14),
  role('P2', 'physician', 'Emergency medicine', 'senior', 2, false, 9),
  role('P3', 'physician', 'Pediatrics', 'mid-career', 2, true, 5),
  role('P4', 'physician', 'Internal medicine', 'early-career', 0, true, 0),
  role('P5', 'physician', 'Obstetrics', 'early-career', 0, true, 0),
  role('P6', 'physician', 'Psychiatry', 'senior', 2, false, 11),
  role('N1', 'nurse', 'Emergency', 'senior', 2, false, 12),
  role('N2', 'nurse', 'Medical-surgical', 'senior', 3, false, 8),
  role('N3', 'nurse', 'Pediatrics', 'mid-career', 2, false, 6),
  role('N4', 'nurse', 'Emergency', 'new-graduate', 0, true, 0),
  role('N5', 'nurse', 'Medical-surgical', 'new-graduate', 0, true, 0),
  role('N6', 'nurse', 'Pediatrics', 'new-graduate', 0, true, 0),
  role('N7', 'nurse', 'Maternity', 'new-graduate', 0, true, 0),
  role('N8', 'nurse', 'Medical-surgical', 'early-career', 0, true, 0),
  role('N9', 'nurse', 'Emergency', 'new-graduate', 0, true, 0),
  role('N10', 'nurse', 'Medical-surgical', 'new-graduate', 0, true, 0),
  role('N11', 'nurse', 'Community health', 'new-graduate', 0, true, 0),
  role('R1', 'resident', 'Family medicine', 'early-career', 0, true, 0),
  role('R2', 'resident', 'Internal medicine', 'new-graduate', 0, true, 0),
  role('R3', 'resident', 'Psychiatry', 'new-graduate', 0, true, 0),
  role('R4', 'resident', 'Pediatrics', 'new-graduate', 0, true, 0.2),
  role('S1', 'student', 'Nursing', 'student', 0, true, null),
  role('S2', 'student', 'Medicine', 'student', 0, true, null),
  role('S3', 'student', 'Pharmacy', 'student', 0, true, null),
  role('A1', 'allied-health', 'Pharmacy', 'senior', 1, false, 10),
  role('A2', 'allied-health', 'Physiotherapy', 'mid-career', 1, false, 6),
  role('A3', 'allied-health', 'Social work', 'mid-career', 1, false, 4),
  role('A4', 'allied-health', 'Dietetics', 'early-career', 0, true, 0),
  role('D1', 'administrative', 'Practice management', 'senior', 1, false, 7),
  role('D2', 'administrative', 'Front desk', 'early-career', 0, true, 0),
];

interface DemoPair {
  program: ProgramKey;
  mentor: RoleKey;
  mentee: RoleKey;
  focus: Focus;
  status: RelationshipStatus;
  /** Days before today the pair started (negative: starts in the future). */
  startedAgo: number;
  /** Completed or ended early this many days ago (completed pairs default to their planned end). */
  endedAgo?: number;
  pausedAgo?: number;
  resumedAgo?: number;
  /** Days since the last meeting, as a range, for active pairs. */
  lastMeetingAgo?: readonly [number, number];
  plannedMonths?: number;
  endReason?: string;
  overrideReason?: string;
  openPastDueAction?: boolean;
  /** The mentee left the clinic when this pair ended. */
  menteeLeft?: boolean;
}

const DEMO_PAIRS: readonly DemoPair[] = [
  {
    program: 'nurse',
    mentor: 'N1',
    mentee: 'N4',
    focus: 'clinical',
    status: 'active',
    startedAgo: 200,
    lastMeetingAgo: [2, 8],
  },
  // Overdue on purpose: the dashboard's first list has something in it.
  {
    program: 'nurse',
    mentor: 'N2',
    mentee: 'N5',
    focus: 'clinical',
    status: 'active',
    startedAgo: 150,
    lastMeetingAgo: [24, 32],
    openPastDueAction: true,
  },
  // Planned end within the next 30 days.
  {
    program: 'nurse',
    mentor: 'N3',
    mentee: 'N6',
    focus: 'clinical',
    status: 'active',
    startedAgo: 345,
    lastMeetingAgo: [1, 7],
  },
  {
    program: 'nurse',
    mentor: 'N1',
    mentee: 'N7',
    focus: 'clinical',
    status: 'paused',
    startedAgo: 240,
    pausedAgo: 45,
  },
  { program: 'nurse', mentor: 'N2', mentee: 'N8', focus: 'clinical', status: 'completed', startedAgo: 540 },
  {
    program: 'nurse',
    mentor: 'N1',
    mentee: 'N10',
    focus: 'clinical',
    status: 'ended-early',
    startedAgo: 420,
    endedAgo: 300,
    endReason: END_EARLY_REASONS[0],
    menteeLeft: true,
  },
  { program: 'nurse', mentor: 'N3', mentee: 'N9', focus: 'clinical', status: 'proposed', startedAgo: -10 },
  {
    program: 'nurse',
    mentor: 'N2',
    mentee: 'N11',
    focus: 'peer',
    status: 'ended-early',
    startedAgo: 380,
    endedAgo: 100,
    endReason: END_EARLY_REASONS[0],
    menteeLeft: true,
  },
  {
    program: 'resident',
    mentor: 'P1',
    mentee: 'R1',
    focus: 'career',
    status: 'active',
    startedAgo: 520,
    pausedAgo: 300,
    resumedAgo: 240,
    lastMeetingAgo: [20, 50],
  },
  // Quiet for more than 90 days on purpose.
  {
    program: 'resident',
    mentor: 'P2',
    mentee: 'R2',
    focus: 'career',
    status: 'active',
    startedAgo: 400,
    lastMeetingAgo: [100, 115],
  },
  {
    program: 'resident',
    mentor: 'P6',
    mentee: 'R3',
    focus: 'research',
    status: 'active',
    startedAgo: 160,
    lastMeetingAgo: [10, 40],
  },
  {
    program: 'peer',
    mentor: 'P6',
    mentee: 'P4',
    focus: 'peer',
    status: 'active',
    startedAgo: 100,
    lastMeetingAgo: [42, 50],
    openPastDueAction: true,
  },
  {
    program: 'peer',
    mentor: 'P1',
    mentee: 'P5',
    focus: 'career',
    status: 'active',
    startedAgo: 250,
    lastMeetingAgo: [3, 15],
  },
  { program: 'peer', mentor: 'P2', mentee: 'P3', focus: 'research', status: 'completed', startedAgo: 500 },
  {
    program: 'peer',
    mentor: 'A1',
    mentee: 'S3',
    focus: 'clinical',
    status: 'active',
    startedAgo: 90,
    plannedMonths: 4,
    lastMeetingAgo: [3, 12],
  },
  // When this pair was made the mentor was full: the override is on record.
  {
    program: 'peer',
    mentor: 'N1',
    mentee: 'S1',
    focus: 'clinical',
    status: 'active',
    startedAgo: 50,
    plannedMonths: 3,
    lastMeetingAgo: [1, 10],
    overrideReason: CAPACITY_OVERRIDE_REASONS[0],
  },
  {
    program: 'peer',
    mentor: 'D1',
    mentee: 'D2',
    focus: 'career',
    status: 'active',
    startedAgo: 210,
    lastMeetingAgo: [8, 20],
  },
  {
    program: 'peer',
    mentor: 'A3',
    mentee: 'A4',
    focus: 'career',
    status: 'ended-early',
    startedAgo: 300,
    endedAgo: 220,
    endReason: END_EARLY_REASONS[1],
  },
  {
    program: 'peer',
    mentor: 'A2',
    mentee: 'A4',
    focus: 'clinical',
    status: 'active',
    startedAgo: 200,
    lastMeetingAgo: [5, 20],
  },
  {
    program: 'peer',
    mentor: 'P3',
    mentee: 'S2',
    focus: 'clinical',
    status: 'completed',
    startedAgo: 380,
    plannedMonths: 2,
  },
];

function drawDistinctNames(rng: Random, count: number): { first: string; last: string }[] {
  const firsts = [...FIRST_NAMES];
  const lasts = [...LAST_NAMES];
  const names: { first: string; last: string }[] = [];
  for (let index = 0; index < count; index++) {
    const first = firsts.splice(rng.int(0, firsts.length - 1), 1)[0]!;
    const last = lasts.splice(rng.int(0, lasts.length - 1), 1)[0]!;
    names.push({ first, last });
  }
  return names;
}

function jitterDays(rng: Random, days: number): number {
  // Shifts a scripted date by a few days so each seed tells the same story on different dates.
  return days + rng.int(-3, 3);
}

export function buildDemoClinic(builder: ClinicBuilder): SampleClinic {
  const { rng, today } = builder;
  const names = drawDistinctNames(rng, DEMO_ROLES.length);
  const people = new Map<RoleKey, Person>();
  DEMO_ROLES.forEach((demoRole, index) => {
    const hire =
      demoRole.yearsSinceHire === null
        ? null
        : today - Math.round(demoRole.yearsSinceHire * 365) - rng.int(0, 120);
    people.set(
      demoRole.key,
      builder.addPerson(names[index]!, {
        profession: demoRole.profession,
        specialty: demoRole.specialty,
        careerStage: demoRole.careerStage,
        hireDate: hire === null ? null : fromDayNumber(hire),
        leavingDate: null,
        isMentor: demoRole.isMentor,
        isMentee: demoRole.isMentee,
        mentorCapacity: demoRole.mentorCapacity,
      }),
    );
  });

  const plans: PairPlan[] = [];
  for (const pair of DEMO_PAIRS) {
    const program = programSpec(pair.program);
    const start = today - jitterDays(rng, pair.startedAgo);
    const plannedEnd = addMonthsToDay(start, pair.plannedMonths ?? program.typicalLengthMonths);
    const history: PairPlan['history'] = [
      { status: pair.status === 'proposed' ? 'proposed' : 'active', day: start },
    ];
    const spans: [number, number][] = [];
    let end: number | null = null;
    if (pair.status === 'active') {
      let from = start;
      if (pair.pausedAgo !== undefined && pair.resumedAgo !== undefined) {
        const paused = today - jitterDays(rng, pair.pausedAgo);
        const resumed = today - jitterDays(rng, pair.resumedAgo);
        history.push({ status: 'paused', day: paused }, { status: 'active', day: resumed });
        spans.push([start, paused - rng.int(0, 10)]);
        from = resumed;
      }
      const [nearest, farthest] = pair.lastMeetingAgo ?? [0, 7];
      spans.push([from, Math.max(from, today - rng.int(nearest, farthest))]);
    } else if (pair.status === 'paused') {
      const paused = today - jitterDays(rng, pair.pausedAgo ?? 30);
      history.push({ status: 'paused', day: paused });
      spans.push([start, paused - rng.int(0, 5)]);
    } else if (pair.status === 'completed' || pair.status === 'ended-early') {
      end =
        pair.endedAgo === undefined
          ? Math.min(plannedEnd, today - 1)
          : today - jitterDays(rng, pair.endedAgo);
      history.push({ status: pair.status, day: end });
      spans.push([start, pair.status === 'completed' ? end : end - rng.int(3, 20)]);
    }
    const mentee = people.get(pair.mentee)!;
    if (pair.menteeLeft && end !== null)
      mentee.leavingDate = fromDayNumber(Math.min(today, end + rng.int(0, 3)));
    plans.push({
      program,
      mentor: people.get(pair.mentor)!,
      mentee,
      focus: pair.focus,
      start,
      plannedEnd,
      status: pair.status,
      history,
      end,
      endReason: pair.endReason ?? null,
      overrideReason: pair.overrideReason ?? null,
      meetingSpans: spans,
      ...(pair.openPastDueAction ? { openPastDueAction: true } : {}),
    });
  }

  builder.finishPeople(plans);
  const options: BuildOptions = { longNotes: false, actionChance: 0.35 };
  for (const plan of plans) {
    const length = spanDays(plan.meetingSpans);
    // Most pairs keep to most of their cadence; nobody is perfect.
    const meetings =
      length === 0
        ? 0
        : Math.max(1, Math.round((length / plan.program.cadenceDays) * (0.8 + rng.next() * 0.2)));
    builder.addPair(plan, meetings, options);
  }
  const clinic = builder.result(plans);
  // After every other record, so the rest of the demo is drawn exactly as before training existed.
  const mentor = (key: RoleKey) => people.get(key)!;
  const training = buildDemoTraining(rng, today, {
    renewed: mentor('P1'),
    lapsed: mentor('P2'),
    lapsing: mentor('N2'),
    others: (['N1', 'P6', 'N3', 'P3', 'A1', 'A2', 'A3', 'D1'] as const).map(mentor),
  });
  return addSampleMilestones({ ...clinic, ...training }, rng, fromDayNumber(today));
}
