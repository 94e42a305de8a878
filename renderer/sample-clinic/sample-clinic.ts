import { addMonths } from 'date-fns';
import { parseIsoDate, toIsoDate } from '../domain/calendar';
import {
  type ActionItem,
  type ActionOwner,
  BUILT_IN_TOPICS,
  type CareerStage,
  type ClinicSettings,
  type Focus,
  type Id,
  type IsoDate,
  type Meeting,
  type MeetingFormat,
  type Person,
  type Profession,
  type Program,
  type Relationship,
  type RelationshipStatus,
  type StatusChange,
  type Topic,
} from '../domain/types';
import {
  ACTION_TEXTS,
  CAPACITY_OVERRIDE_REASONS,
  CLINIC_TOPIC_LABEL,
  END_EARLY_REASONS,
  FIRST_NAMES,
  LAST_NAMES,
  NOTE_CLOSERS,
  NOTE_OPENERS,
  SPECIALTIES,
  TAGS,
  TOPIC_SENTENCES,
} from './sample-clinic-text';

// A deterministic sample clinic: the demo a new manager explores, and the large clinic benchmarks
// load. Same seed, size and today give the same records, ids included, so nothing here reads the
// clock or crypto: every choice comes from one seeded generator.

export interface SampleCounts {
  people: number;
  relationships: number;
  meetings: number;
}
export type SampleSize = 'demo' | 'large' | SampleCounts;

export interface SampleClinicOptions {
  seed: number;
  size: SampleSize;
  /** The day the sample is built around; every date is relative to it. */
  today?: IsoDate;
}

export interface SampleClinic {
  settings: ClinicSettings;
  people: Person[];
  programs: Program[];
  relationships: Relationship[];
  meetings: Meeting[];
  actionItems: ActionItem[];
  topics: Topic[];
}

export const SAMPLE_CLINIC_NAME = 'Riverside Community Clinic';
/** Used when the caller gives no `today`, so that a bare call is reproducible too. */
export const SAMPLE_DEFAULT_TODAY: IsoDate = '2026-01-15';
export const LARGE_SAMPLE_COUNTS: Readonly<SampleCounts> = {
  people: 10_000,
  relationships: 20_000,
  meetings: 200_000,
};
const MAX_CUSTOM_COUNT = 1_000_000;
const EMAIL_DOMAIN = 'riverside-clinic.example';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: tiny, fast and good enough for sample data; never used for anything secret. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return max <= min ? min : min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  /** A version-4-shaped UUID drawn from the seeded stream. */
  uuid(): Id {
    const bytes: string[] = [];
    for (let word = 0; word < 4; word++) {
      const value = Math.floor(this.next() * 4_294_967_296);
      bytes.push(
        HEX[value >>> 24]!,
        HEX[(value >>> 16) & 255]!,
        HEX[(value >>> 8) & 255]!,
        HEX[value & 255]!,
      );
    }
    bytes[6] = HEX[(Number.parseInt(bytes[6]!, 16) & 0x0f) | 0x40]!;
    bytes[8] = HEX[(Number.parseInt(bytes[8]!, 16) & 0x3f) | 0x80]!;
    const hex = bytes.join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar days as whole numbers (days since 1970-01-01), so 200,000 meetings need no Date objects.
// Counted in UTC, which has no daylight-saving shifts: the same calendar days as domain/dates.ts.

const DAY_MS = 86_400_000;
const isoCache = new Map<number, IsoDate>();

function dayOf(iso: IsoDate): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoOf(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

function addMonthsDay(day: number, months: number): number {
  return dayOf(toIsoDate(addMonths(parseIsoDate(isoOf(day)), months)));
}

const stamp = (day: number, time = '12:00:00.000Z'): string => `${isoOf(day)}T${time}`;

// ---------------------------------------------------------------------------------------------
// Programs, formats and topics

type ProgramKey = 'nurse' | 'resident' | 'peer';

interface ProgramSpec {
  key: ProgramKey;
  name: string;
  cadenceDays: number;
  typicalLengthMonths: number;
  formats: readonly (readonly [MeetingFormat, number])[];
  topics: readonly string[];
  focuses: readonly (readonly [Focus, number])[];
}

const PROGRAM_SPECS: readonly ProgramSpec[] = [
  {
    key: 'nurse',
    name: 'New-graduate nurse residency',
    cadenceDays: 14,
    typicalLengthMonths: 12,
    formats: [
      ['in-person', 4],
      ['shadowing', 2],
      ['debrief', 2],
      ['case-review', 1],
      ['phone', 1],
    ],
    topics: [
      'complex-cases',
      'after-action-feedback',
      'time-management',
      'stress-burnout',
      'emotional-resilience',
      'patient-loss',
      'clinic',
    ],
    focuses: [
      ['clinical', 8],
      ['peer', 2],
    ],
  },
  {
    key: 'resident',
    name: 'Resident advisor meetings',
    cadenceDays: 90,
    typicalLengthMonths: 36,
    formats: [
      ['in-person', 3],
      ['video', 2],
      ['phone', 1],
    ],
    topics: [
      'career',
      'research',
      'networking',
      'ethics',
      'time-management',
      'workplace-politics',
      'stress-burnout',
    ],
    focuses: [
      ['career', 5],
      ['research', 3],
      ['clinical', 2],
    ],
  },
  {
    key: 'peer',
    name: 'Staff peer mentoring',
    cadenceDays: 30,
    typicalLengthMonths: 12,
    formats: [
      ['in-person', 3],
      ['video', 2],
      ['phone', 1],
      ['case-review', 1],
      ['debrief', 1],
    ],
    topics: [
      'workplace-politics',
      'career',
      'complex-cases',
      'ethics',
      'emotional-resilience',
      'stress-burnout',
      'networking',
      'research',
      'after-action-feedback',
      'patient-loss',
    ],
    focuses: [
      ['peer', 4],
      ['career', 3],
      ['clinical', 2],
      ['research', 1],
    ],
  },
];

const DURATIONS: Record<MeetingFormat, readonly [number, number]> = {
  'in-person': [30, 60],
  video: [20, 45],
  phone: [10, 30],
  shadowing: [120, 240],
  'case-review': [30, 60],
  debrief: [15, 30],
};

/** Topics people tend to keep private; notes on them are more often marked confidential. */
const SENSITIVE_TOPICS = new Set(['stress-burnout', 'emotional-resilience', 'patient-loss']);

// ---------------------------------------------------------------------------------------------
// The builder shared by every size: people and pair plans in, consistent records out.

/** A pair's life before it becomes records: the days it could meet on, and how it ended. */
interface PairPlan {
  program: ProgramSpec;
  mentor: Person;
  mentee: Person;
  focus: Focus;
  start: number;
  plannedEnd: number;
  status: RelationshipStatus;
  history: { status: RelationshipStatus; day: number }[];
  end: number | null;
  endReason: string | null;
  overrideReason: string | null;
  /** Inclusive day ranges in which meetings happen; the last meeting falls on the last day. */
  meetingSpans: [number, number][];
  /** Leave one action item from the latest meeting open and past due (demo). */
  openPastDueAction?: boolean;
}

interface BuildOptions {
  /** Notes of 200–400 characters (large clinic) or a sentence or two (demo). */
  longNotes: boolean;
  actionChance: number;
}

class ClinicBuilder {
  readonly rng: Random;
  readonly today: number;
  readonly programIds = new Map<ProgramKey, Id>();
  readonly topics: Topic[];
  readonly people: Person[] = [];
  readonly relationships: Relationship[] = [];
  readonly meetings: Meeting[] = [];
  readonly actionItems: ActionItem[] = [];
  private readonly topicIds: Record<string, Id>;
  private readonly emailCounts = new Map<string, number>();

  constructor(seed: number, today: IsoDate) {
    this.rng = new Random(seed);
    this.today = dayOf(today);
    const clinicTopicId = this.rng.uuid();
    this.topics = [
      ...BUILT_IN_TOPICS.map((topic) => ({ ...topic, builtIn: true, archived: false })),
      { id: clinicTopicId, label: CLINIC_TOPIC_LABEL, builtIn: false, archived: false },
    ];
    this.topicIds = Object.fromEntries(BUILT_IN_TOPICS.map((topic) => [topic.id, topic.id]));
    this.topicIds.clinic = clinicTopicId;
    for (const spec of PROGRAM_SPECS) this.programIds.set(spec.key, this.rng.uuid());
  }

  programs(plans: readonly PairPlan[]): Program[] {
    return PROGRAM_SPECS.map((spec) => {
      let first = this.today - 30;
      for (const plan of plans) if (plan.program === spec && plan.start < first) first = plan.start;
      return {
        id: this.programIds.get(spec.key)!,
        name: spec.name,
        cadenceDays: spec.cadenceDays,
        typicalLengthMonths: spec.typicalLengthMonths,
        archived: false,
        createdAt: stamp(first - 7, '09:00:00.000Z'),
        updatedAt: stamp(first - 7, '09:00:00.000Z'),
      };
    });
  }

  addPerson(
    name: { first: string; last: string },
    fields: Omit<Person, 'id' | 'name' | 'email' | 'createdAt' | 'updatedAt' | 'archived' | 'tags'>,
  ): Person {
    const local = `${name.first}.${name.last}`.toLowerCase().replace(/[^a-z.]/g, '');
    const seen = (this.emailCounts.get(local) ?? 0) + 1;
    this.emailCounts.set(local, seen);
    const tags = new Set<string>();
    const tagCount = this.rng.int(1, 3);
    for (let index = 0; index < tagCount; index++) tags.add(this.rng.pick(TAGS[fields.profession]));
    const person: Person = {
      id: this.rng.uuid(),
      name: `${name.first} ${name.last}`,
      email: `${local}${seen > 1 ? seen : ''}@${EMAIL_DOMAIN}`,
      ...fields,
      tags: [...tags],
      archived: false,
      createdAt: '',
      updatedAt: '',
    };
    this.people.push(person);
    return person;
  }

  /** Hire dates before each person's first pairing; leavers archived; record stamps to match. */
  finishPeople(plans: readonly PairPlan[]): void {
    const firstStart = new Map<Id, number>();
    for (const plan of plans)
      for (const person of [plan.mentor, plan.mentee])
        if (plan.start < (firstStart.get(person.id) ?? Number.POSITIVE_INFINITY))
          firstStart.set(person.id, plan.start);
    for (const person of this.people) {
      const first = firstStart.get(person.id);
      let hire = person.hireDate === null ? null : dayOf(person.hireDate);
      if (hire !== null && first !== undefined && hire > first - 7) hire = first - this.rng.int(7, 45);
      if (hire !== null) person.hireDate = isoOf(hire);
      if (person.leavingDate !== null) {
        if (hire !== null && dayOf(person.leavingDate) <= hire) person.leavingDate = isoOf(hire + 1);
        person.archived = true;
      }
      const created = Math.min(hire ?? this.today - 400, first ?? this.today, this.today);
      person.createdAt = stamp(created, '08:30:00.000Z');
      person.updatedAt =
        person.leavingDate === null ? person.createdAt : stamp(dayOf(person.leavingDate), '17:00:00.000Z');
    }
  }

  /** Turns a plan into its relationship, `meetingCount` meetings and their action items. */
  addPair(plan: PairPlan, meetingCount: number, options: BuildOptions): void {
    const relationshipId = this.rng.uuid();
    const days = this.meetingDays(plan.meetingSpans, meetingCount);
    const lastMeeting = days.length > 0 ? days[days.length - 1]! : null;
    let lastOpenedMeeting: Meeting | null = null;
    for (const day of days) {
      lastOpenedMeeting = this.addMeeting(plan, relationshipId, day, options);
    }
    if (plan.openPastDueAction && lastOpenedMeeting)
      this.addActionItem(relationshipId, lastOpenedMeeting.id, dayOf(lastOpenedMeeting.date), {
        forceOpenPastDue: true,
      });

    const statusHistory: StatusChange[] = plan.history.map((change) => ({
      status: change.status,
      date: isoOf(change.day),
    }));
    const createdDay = Math.min(plan.history[0]!.day, this.today);
    const lastChangeDay = Math.min(plan.history[plan.history.length - 1]!.day, this.today);
    const updatedDay = Math.max(lastChangeDay, lastMeeting ?? createdDay);
    this.relationships.push({
      id: relationshipId,
      programId: this.programIds.get(plan.program.key)!,
      mentorId: plan.mentor.id,
      menteeId: plan.mentee.id,
      focus: plan.focus,
      startDate: isoOf(plan.start),
      plannedEndDate: isoOf(plan.plannedEnd),
      endDate: plan.end === null ? null : isoOf(plan.end),
      status: plan.status,
      endReason: plan.endReason,
      statusHistory,
      capacityOverride: plan.overrideReason
        ? { reason: plan.overrideReason, at: stamp(createdDay, '10:00:00.000Z') }
        : null,
      lastMeetingDate: lastMeeting === null ? null : isoOf(lastMeeting),
      createdAt: stamp(createdDay, '10:00:00.000Z'),
      updatedAt: stamp(updatedDay, '16:00:00.000Z'),
    });
  }

  /** Spreads `count` meetings evenly with some jitter across the spans, the last on the last day. */
  private meetingDays(spans: readonly [number, number][], count: number): number[] {
    if (count === 0 || spans.length === 0) return [];
    let length = 0;
    for (const [from, to] of spans) length += to - from + 1;
    const step = length / count;
    const days: number[] = [];
    for (let index = 0; index < count; index++) {
      const position =
        index === count - 1
          ? length - 1
          : Math.max(0, Math.round(step * (index + 1) - 1 - this.rng.next() * step * 0.5));
      let offset = position;
      for (const [from, to] of spans) {
        if (offset <= to - from) {
          days.push(from + offset);
          break;
        }
        offset -= to - from + 1;
      }
    }
    return days;
  }

  private addMeeting(plan: PairPlan, relationshipId: Id, day: number, options: BuildOptions): Meeting {
    const { rng } = this;
    const format = rng.weighted(plan.program.formats);
    const [shortest, longest] = DURATIONS[format];
    const topicKeys = new Set<string>();
    const topicCount = rng.weighted([
      [1, 4],
      [2, 4],
      [3, 2],
    ] as const);
    for (let index = 0; index < topicCount; index++) topicKeys.add(rng.pick(plan.program.topics));
    const keys = [...topicKeys];
    const sensitive = keys.some((key) => SENSITIVE_TOPICS.has(key));
    const meeting: Meeting = {
      id: rng.uuid(),
      relationshipId,
      date: isoOf(day),
      durationMinutes: 5 * rng.int(shortest / 5, longest / 5),
      format,
      topics: keys.map((key) => this.topicIds[key]!),
      notes: this.note(keys, options.longNotes),
      confidential: rng.chance(sensitive ? 0.35 : 0.05),
      createdAt: stamp(day, '16:30:00.000Z'),
      updatedAt: stamp(day, '16:30:00.000Z'),
    };
    this.meetings.push(meeting);
    if (rng.chance(options.actionChance)) {
      this.addActionItem(relationshipId, meeting.id, day, {});
      if (!options.longNotes && rng.chance(0.25)) this.addActionItem(relationshipId, meeting.id, day, {});
    }
    return meeting;
  }

  /** A note made of pooled sentences: short for the demo, 200–400 characters for the large clinic. */
  private note(topicKeys: readonly string[], long: boolean): string {
    const { rng } = this;
    if (!long) {
      const sentence = rng.pick(TOPIC_SENTENCES[topicKeys[0]!]!);
      return rng.chance(0.5) ? `${sentence} ${rng.pick(NOTE_CLOSERS)}` : sentence;
    }
    let text = rng.pick(NOTE_OPENERS);
    for (const key of topicKeys) text += ` ${rng.pick(TOPIC_SENTENCES[key]!)}`;
    while (text.length < 200) {
      text += ` ${rng.chance(0.5) ? rng.pick(TOPIC_SENTENCES[rng.pick(topicKeys)]!) : rng.pick(NOTE_CLOSERS)}`;
    }
    return text.length <= 400 ? text : text.slice(0, text.lastIndexOf('.', 399) + 1);
  }

  private addActionItem(
    relationshipId: Id,
    meetingId: Id,
    meetingDay: number,
    options: { forceOpenPastDue?: boolean },
  ): void {
    const { rng, today } = this;
    let due = meetingDay + rng.int(7, 28);
    let done: boolean;
    if (options.forceOpenPastDue) {
      due = Math.min(due, today - 1);
      if (due <= meetingDay) due = meetingDay + 1;
      done = false;
    } else if (due < today - 60) done = rng.chance(0.95);
    else if (due < today) done = rng.chance(0.7);
    else done = rng.chance(0.2);
    const doneDay = done ? Math.min(today, meetingDay + rng.int(1, Math.max(1, due - meetingDay + 5))) : null;
    const owner = rng.weighted<ActionOwner>([
      ['mentee', 6],
      ['mentor', 2],
      ['both', 2],
    ]);
    this.actionItems.push({
      id: rng.uuid(),
      meetingId,
      relationshipId,
      text: rng.pick(ACTION_TEXTS),
      owner,
      dueDate: isoOf(due),
      done,
      doneDate: doneDay === null ? null : isoOf(doneDay),
      createdAt: stamp(meetingDay, '16:30:00.000Z'),
      updatedAt: stamp(doneDay ?? meetingDay, '16:30:00.000Z'),
    });
  }

  result(plans: readonly PairPlan[]): SampleClinic {
    return {
      settings: {
        key: 'clinic',
        clinicName: SAMPLE_CLINIC_NAME,
        paperSize: 'A4',
        backupWarnDays: 7,
        lastBackupAt: null,
        onboarded: true,
      },
      people: this.people,
      programs: this.programs(plans),
      relationships: this.relationships,
      meetings: this.meetings,
      actionItems: this.actionItems,
      topics: this.topics,
    };
  }
}

function spec(key: ProgramKey): ProgramSpec {
  return PROGRAM_SPECS.find((candidate) => candidate.key === key)!;
}

// ---------------------------------------------------------------------------------------------
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

function buildDemo(builder: ClinicBuilder): SampleClinic {
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
        hireDate: hire === null ? null : isoOf(hire),
        leavingDate: null,
        isMentor: demoRole.isMentor,
        isMentee: demoRole.isMentee,
        mentorCapacity: demoRole.mentorCapacity,
      }),
    );
  });

  const plans: PairPlan[] = [];
  for (const pair of DEMO_PAIRS) {
    const program = spec(pair.program);
    const start = today - jitterDays(rng, pair.startedAgo);
    const plannedEnd = addMonthsDay(start, pair.plannedMonths ?? program.typicalLengthMonths);
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
    if (pair.menteeLeft && end !== null) mentee.leavingDate = isoOf(Math.min(today, end + rng.int(0, 3)));
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
    let length = 0;
    for (const [from, to] of plan.meetingSpans) length += to - from + 1;
    // Most pairs keep to most of their cadence; nobody is perfect.
    const meetings =
      length === 0
        ? 0
        : Math.max(1, Math.round((length / plan.program.cadenceDays) * (0.8 + rng.next() * 0.2)));
    builder.addPair(plan, meetings, options);
  }
  return builder.result(plans);
}

// ---------------------------------------------------------------------------------------------
// Any other size: a clinic drawn from the same distributions, with exact counts.

const PROFESSION_WEIGHTS: readonly (readonly [Profession, number])[] = [
  ['nurse', 35],
  ['physician', 12],
  ['resident', 10],
  ['student', 8],
  ['allied-health', 20],
  ['administrative', 10],
  ['other', 5],
];

const STAGE_WEIGHTS: readonly (readonly [CareerStage, number])[] = [
  ['new-graduate', 20],
  ['early-career', 26],
  ['mid-career', 32],
  ['senior', 22],
];

const STATUS_WEIGHTS: readonly (readonly [RelationshipStatus, number])[] = [
  ['active', 45],
  ['paused', 6],
  ['proposed', 5],
  ['completed', 30],
  ['ended-early', 14],
];

/** How far back the large clinic's history reaches. */
const HISTORY_DAYS = 3 * 365;

function checkCounts(counts: SampleCounts): void {
  for (const [label, value] of Object.entries(counts))
    if (!Number.isInteger(value) || value < 0 || value > MAX_CUSTOM_COUNT)
      throw new RangeError(
        `The number of ${label} must be a whole number from 0 to ${MAX_CUSTOM_COUNT.toLocaleString('en')}.`,
      );
  if (counts.relationships > 0 && counts.people < 2)
    throw new RangeError('A sample with relationships needs at least two people.');
  if (counts.meetings > 0 && counts.relationships < 1)
    throw new RangeError('A sample with meetings needs at least one relationship.');
}

function buildCounted(builder: ClinicBuilder, counts: SampleCounts): SampleClinic {
  checkCounts(counts);
  const { rng, today } = builder;
  const capacity: number[] = [];
  const mentorPool: number[] = [];
  const menteePool: number[] = [];
  for (let index = 0; index < counts.people; index++) {
    // The first two people are a mentor and a mentee, so even a two-person sample can pair.
    const profession = index < 2 ? 'nurse' : rng.weighted(PROFESSION_WEIGHTS);
    const careerStage: CareerStage =
      index === 0
        ? 'senior'
        : index === 1
          ? 'new-graduate'
          : profession === 'student'
            ? 'student'
            : rng.weighted(STAGE_WEIGHTS);
    const seniority = careerStage === 'senior' ? 0.9 : careerStage === 'mid-career' ? 0.6 : 0;
    const isMentor = index === 0 || (index > 1 && rng.chance(seniority));
    const isMentee = index === 1 || (index > 1 && (!isMentor || rng.chance(0.2)));
    const mentorCapacity = isMentor ? rng.int(2, 5) : 0;
    const yearsBack =
      careerStage === 'senior'
        ? rng.int(5, 20)
        : careerStage === 'mid-career'
          ? rng.int(2, 10)
          : rng.int(0, 2);
    builder.addPerson(
      { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) },
      {
        profession,
        specialty: rng.pick(SPECIALTIES[profession]),
        careerStage,
        hireDate: profession === 'student' ? null : isoOf(today - yearsBack * 365 - rng.int(0, 364)),
        leavingDate: null,
        isMentor,
        isMentee,
        mentorCapacity,
      },
    );
    capacity.push(mentorCapacity);
    if (isMentor) mentorPool.push(index);
    if (isMentee) menteePool.push(index);
  }

  const people = builder.people;
  const load = new Array<number>(counts.people).fill(0);
  const plans: PairPlan[] = [];
  const spanLengths: number[] = [];
  for (let index = 0; index < counts.relationships; index++) {
    // The first pair is active, so any number of meetings has somewhere to go.
    const status = index === 0 ? 'active' : rng.weighted(STATUS_WEIGHTS);
    const menteeIndex = rng.pick(menteePool);
    const mentee = people[menteeIndex]!;
    const program = spec(
      mentee.profession === 'nurse' ? 'nurse' : mentee.profession === 'resident' ? 'resident' : 'peer',
    );
    const countsTowardLoad = status === 'active' || status === 'proposed';
    let mentorIndex = -1;
    for (let attempt = 0; attempt < 12 && mentorIndex < 0; attempt++) {
      const candidate = rng.pick(mentorPool);
      if (candidate !== menteeIndex && (!countsTowardLoad || load[candidate]! < capacity[candidate]!))
        mentorIndex = candidate;
    }
    let overrideReason: string | null = null;
    if (mentorIndex < 0) {
      // Everyone tried was full: pair anyway, as a manager would, and record why.
      mentorIndex = mentorPool.find((candidate) => candidate !== menteeIndex)!;
      overrideReason = rng.pick(CAPACITY_OVERRIDE_REASONS);
    }
    if (countsTowardLoad) load[mentorIndex]! += 1;
    const plan = planCountedPair(rng, today, {
      program,
      mentor: people[mentorIndex]!,
      mentee,
      focus: rng.weighted(program.focuses),
      status,
      overrideReason,
    });
    plans.push(plan);
    let length = 0;
    for (const [from, to] of plan.meetingSpans) length += to - from + 1;
    spanLengths.push(length / program.cadenceDays);
  }

  assignLeavers(builder, plans);
  builder.finishPeople(plans);

  // Meetings shared out in proportion to each pair's time together over its cadence.
  let totalWeight = 0;
  for (const weight of spanLengths) totalWeight += weight;
  const meetingCounts = spanLengths.map((weight) =>
    totalWeight === 0 ? 0 : Math.floor((counts.meetings * weight) / totalWeight),
  );
  let remaining = counts.meetings - meetingCounts.reduce((sum, value) => sum + value, 0);
  for (let index = 0; remaining > 0; index = (index + 1) % meetingCounts.length) {
    if (spanLengths[index]! > 0) {
      meetingCounts[index]! += 1;
      remaining -= 1;
    }
  }
  const options: BuildOptions = { longNotes: true, actionChance: 0.3 };
  plans.forEach((plan, index) => {
    builder.addPair(plan, meetingCounts[index]!, options);
  });
  return builder.result(plans);
}

function planCountedPair(
  rng: Random,
  today: number,
  pair: Pick<PairPlan, 'program' | 'mentor' | 'mentee' | 'focus' | 'status' | 'overrideReason'>,
): PairPlan {
  const { program, status } = pair;
  const months = program.typicalLengthMonths;
  const lengthDays = Math.floor(months * 30.4);
  const history: PairPlan['history'] = [];
  const spans: [number, number][] = [];
  let start: number;
  let end: number | null = null;
  let endReason: string | null = null;
  if (status === 'proposed') {
    start = today + rng.int(-5, 21);
    history.push({ status, day: start });
  } else if (status === 'completed') {
    start = today - lengthDays - rng.int(1, 365);
    end = Math.min(today - 1, addMonthsDay(start, months) - rng.int(0, 14));
    history.push({ status: 'active', day: start }, { status, day: end });
    spans.push([start, end]);
  } else if (status === 'ended-early') {
    start = today - rng.int(30, HISTORY_DAYS);
    end = start + rng.int(14, Math.max(14, Math.min(lengthDays - 1, today - 1 - start)));
    endReason = rng.pick(END_EARLY_REASONS.slice(1));
    history.push({ status: 'active', day: start }, { status, day: end });
    spans.push([start, Math.max(start, end - rng.int(0, 14))]);
  } else if (status === 'paused') {
    start = today - rng.int(30, Math.min(lengthDays - 1, HISTORY_DAYS));
    const paused = start + rng.int(14, today - 1 - start);
    history.push({ status: 'active', day: start }, { status, day: paused });
    spans.push([start, Math.max(start, paused - rng.int(0, 10))]);
  } else {
    start = today - rng.int(7, Math.min(lengthDays - 1, HISTORY_DAYS));
    history.push({ status: 'active', day: start });
    let from = start;
    if (today - start > 120 && rng.chance(0.1)) {
      const paused = start + rng.int(30, Math.floor((today - start) / 2));
      const resumed = paused + rng.int(14, 45);
      if (resumed < today - 7) {
        history.push({ status: 'paused', day: paused }, { status: 'active', day: resumed });
        spans.push([start, paused]);
        from = resumed;
      }
    }
    const roll = rng.next();
    const gap =
      roll < 0.12
        ? program.cadenceDays + rng.int(1, program.cadenceDays + 20)
        : roll < 0.15
          ? rng.int(90, 150)
          : rng.int(0, Math.floor(program.cadenceDays * 0.8));
    spans.push([from, Math.max(from, today - gap)]);
  }
  return {
    ...pair,
    start,
    plannedEnd: addMonthsDay(start, months),
    history,
    end,
    endReason,
    meetingSpans: spans,
  };
}

/** Some people leave: mentees whose last pair ended early because they left, and others with no live pair. */
function assignLeavers(builder: ClinicBuilder, plans: PairPlan[]): void {
  const { rng, today } = builder;
  const lastEnd = new Map<Id, number>();
  const live = new Set<Id>();
  for (const plan of plans)
    for (const person of [plan.mentor, plan.mentee]) {
      if (plan.end === null) live.add(person.id);
      else lastEnd.set(person.id, Math.max(lastEnd.get(person.id) ?? plan.end, plan.end));
    }
  for (const plan of plans) {
    const { mentee } = plan;
    if (
      plan.status === 'ended-early' &&
      !live.has(mentee.id) &&
      lastEnd.get(mentee.id) === plan.end &&
      mentee.leavingDate === null &&
      rng.chance(0.5)
    ) {
      plan.endReason = END_EARLY_REASONS[0]!;
      mentee.leavingDate = isoOf(plan.end!);
    }
  }
  for (const person of builder.people) {
    if (live.has(person.id) || person.leavingDate !== null || person.hireDate === null || !rng.chance(0.12))
      continue;
    const earliest = Math.max(lastEnd.get(person.id) ?? 0, dayOf(person.hireDate) + 30);
    const leaving = earliest + rng.int(0, 200);
    if (leaving < today) person.leavingDate = isoOf(leaving);
  }
}

// ---------------------------------------------------------------------------------------------

/** Builds a whole sample clinic, deterministically from the seed, size and today. */
export function generateSampleClinic({
  seed,
  size,
  today = SAMPLE_DEFAULT_TODAY,
}: SampleClinicOptions): SampleClinic {
  if (!Number.isInteger(seed)) throw new RangeError('The sample seed must be a whole number.');
  const builder = new ClinicBuilder(seed, today);
  if (size === 'demo') return buildDemo(builder);
  return buildCounted(builder, size === 'large' ? { ...LARGE_SAMPLE_COUNTS } : size);
}
