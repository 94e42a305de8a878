import {
  type ActionItem,
  type ActionOwner,
  BUILT_IN_TOPICS,
  type Focus,
  type Id,
  type IsoDate,
  type Meeting,
  type Person,
  type Program,
  type Relationship,
  type RelationshipStatus,
  type StatusChange,
  type Topic,
} from '../domain/types';
import { fromDayNumber, stamp, toDayNumber } from './calendar-days';
import { buildSampleGoals } from './goals';
import { DURATIONS, PROGRAM_SPECS, type ProgramKey, type ProgramSpec, SENSITIVE_TOPICS } from './programs';
import { Random } from './random';
import { ACTION_TEXTS, CLINIC_TOPIC_LABEL, NOTE_CLOSERS, NOTE_OPENERS, TAGS, TOPIC_SENTENCES } from './text';
import type { SampleClinic } from './types';

// The builder shared by every size: people and pair plans in, consistent records out.

export const SAMPLE_CLINIC_NAME = 'Riverside Community Clinic';
const EMAIL_DOMAIN = 'riverside-clinic.example';

/** A pair's life before it becomes records: the days it could meet on, and how it ended. */
export interface PairPlan {
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

export interface BuildOptions {
  /** Notes of 200–400 characters (large clinic) or a sentence or two (demo). */
  longNotes: boolean;
  actionChance: number;
}

/** How many days a pair's meeting spans cover, both ends included. */
export function spanDays(spans: readonly (readonly [number, number])[]): number {
  let length = 0;
  for (const [from, to] of spans) length += to - from + 1;
  return length;
}

export class ClinicBuilder {
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
    this.today = toDayNumber(today);
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
      let hire = person.hireDate === null ? null : toDayNumber(person.hireDate);
      if (hire !== null && first !== undefined && hire > first - 7) hire = first - this.rng.int(7, 45);
      if (hire !== null) person.hireDate = fromDayNumber(hire);
      if (person.leavingDate !== null) {
        if (hire !== null && toDayNumber(person.leavingDate) <= hire)
          person.leavingDate = fromDayNumber(hire + 1);
        person.archived = true;
      }
      const created = Math.min(hire ?? this.today - 400, first ?? this.today, this.today);
      person.createdAt = stamp(created, '08:30:00.000Z');
      person.updatedAt =
        person.leavingDate === null
          ? person.createdAt
          : stamp(toDayNumber(person.leavingDate), '17:00:00.000Z');
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
      this.addActionItem(relationshipId, lastOpenedMeeting.id, toDayNumber(lastOpenedMeeting.date), {
        forceOpenPastDue: true,
      });

    const statusHistory: StatusChange[] = plan.history.map((change) => ({
      status: change.status,
      date: fromDayNumber(change.day),
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
      startDate: fromDayNumber(plan.start),
      plannedEndDate: fromDayNumber(plan.plannedEnd),
      endDate: plan.end === null ? null : fromDayNumber(plan.end),
      status: plan.status,
      endReason: plan.endReason,
      statusHistory,
      capacityOverride: plan.overrideReason
        ? { reason: plan.overrideReason, at: stamp(createdDay, '10:00:00.000Z') }
        : null,
      lastMeetingDate: lastMeeting === null ? null : fromDayNumber(lastMeeting),
      createdAt: stamp(createdDay, '10:00:00.000Z'),
      updatedAt: stamp(updatedDay, '16:00:00.000Z'),
    });
  }

  /** Spreads `count` meetings evenly with some jitter across the spans, the last on the last day. */
  private meetingDays(spans: readonly [number, number][], count: number): number[] {
    if (count === 0 || spans.length === 0) return [];
    const length = spanDays(spans);
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
      date: fromDayNumber(day),
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
      dueDate: fromDayNumber(due),
      done,
      doneDate: doneDay === null ? null : fromDayNumber(doneDay),
      createdAt: stamp(meetingDay, '16:30:00.000Z'),
      updatedAt: stamp(doneDay ?? meetingDay, '16:30:00.000Z'),
    });
  }

  result(plans: readonly PairPlan[]): SampleClinic {
    // Drawn last, so that the other records are the same as before plans existed.
    const plansAndGoals = buildSampleGoals(this.rng, this.relationships, this.meetings, this.today);
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
      questionnaires: [],
      responses: [],
      supportRequests: [],
      ...plansAndGoals,
    };
  }
}
