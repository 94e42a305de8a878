import type { AnsweredKey } from '../domain/questionnaires/schedule';
import type { Checkpoint } from '../domain/questionnaires/types';
import type { ReportGoal, ReportGoalProgress } from '../domain/reports/goals';
import type { ReportResponse } from '../domain/reports/questionnaires';
import type { ReportActionItem, ReportMeeting, ReportPerson } from '../domain/reports/report-data';
import type { ActionItem, IsoDate, Meeting, Relationship } from '../domain/types';
import { SEALED_RECORD_FIELD } from './lock/seal';
import { type Sharing, uuidsOf } from './packed-rows';
import type { RelationshipPlanFields, RelationshipQuestionnaireFields } from './summary-fields';

// What a report keeps of each record it reads: the fields its figures and letters use, no more, with
// each repeated value held once. Every string read from the database is a copy of its own, so a pair's
// id would otherwise be held once by each of its meetings, a day once by each meeting on it, and a
// meeting's list of topics once per meeting. Over a year of a 10,000-person clinic (130,000 meetings)
// those copies, and fields no report uses, were over half of the report worker's memory
// (docs/benchmarks.md).

/** One copy of each repeated string, and of each repeated list of strings, for the records of one read. */
export class SharedValues implements Sharing {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  /**
   * The UUIDs held: their bytes one after the other in `uuidBytes`, their texts in `uuidTexts`, and where
   * to look for each by its first 30 bits (a whole number V8 keeps unboxed; its map is quick to search):
   * the place of the one UUID, or of the few, that start so.
   */
  private uuidBytes = new Uint8Array(16 * 1024);
  private readonly uuidTexts: string[] = [];
  private readonly uuidPlaces = new Map<number, number | number[]>();

  /** The copy already held of `value`, or `value` itself, kept from now on. */
  string<T extends string | null | undefined>(value: T): T {
    if (typeof value !== 'string') return value;
    const held = this.strings.get(value);
    if (held !== undefined) return held as T;
    this.strings.set(value, value);
    return value;
  }

  /** The list already held with the same strings in the same order (never changed: it is frozen). */
  list(values: readonly string[]): string[] {
    const key = values.join('\u0000');
    const held = this.lists.get(key);
    if (held && held.length === values.length && held.every((value, at) => value === values[at]))
      return held as string[];
    const list = Object.freeze(values.map((value) => this.string(value)));
    if (!held) this.lists.set(key, list);
    return list as string[];
  }

  uuids(bytes: Uint8Array): string[] {
    const count = bytes.length / 16;
    const found = new Array<string>(count);
    const missing: number[] = [];
    for (let at = 0; at < count; at++) {
      const held = this.heldUuid(bytes, at * 16);
      if (held !== undefined) found[at] = held;
      else missing.push(at);
    }
    if (missing.length === 0) return found;
    // Those not held yet are written out together (and held apart from `string`'s: looking each up there
    // too would cost a hash of its text, to save a copy only where a report mixes digests and records).
    const unseen = new Uint8Array(missing.length * 16);
    missing.forEach((at, place) => {
      unseen.set(bytes.subarray(at * 16, at * 16 + 16), place * 16);
    });
    const written = uuidsOf(unseen);
    missing.forEach((at, place) => {
      found[at] = this.holdUuid(bytes, at * 16, written[place] as string);
    });
    return found;
  }

  /** The text held for the UUID of the 16 bytes from `from`, if any. */
  private heldUuid(bytes: Uint8Array, from: number): string | undefined {
    const places = this.uuidPlaces.get(firstBits(bytes, from));
    if (places === undefined) return undefined;
    if (typeof places === 'number')
      return this.sameUuid(places, bytes, from) ? this.uuidTexts[places] : undefined;
    for (const place of places) if (this.sameUuid(place, bytes, from)) return this.uuidTexts[place];
    return undefined;
  }

  private sameUuid(place: number, bytes: Uint8Array, from: number): boolean {
    const held = this.uuidBytes;
    const start = place * 16;
    for (let at = 0; at < 16; at++) if (held[start + at] !== bytes[from + at]) return false;
    return true;
  }

  /** Holds `text` as the UUID of the 16 bytes from `from` (not held yet). */
  private holdUuid(bytes: Uint8Array, from: number, text: string): string {
    const place = this.uuidTexts.length;
    if ((place + 1) * 16 > this.uuidBytes.length) {
      const larger = new Uint8Array(this.uuidBytes.length * 2);
      larger.set(this.uuidBytes);
      this.uuidBytes = larger;
    }
    this.uuidBytes.set(bytes.subarray(from, from + 16), place * 16);
    this.uuidTexts.push(text);
    const key = firstBits(bytes, from);
    const places = this.uuidPlaces.get(key);
    if (places === undefined) this.uuidPlaces.set(key, place);
    else if (typeof places === 'number') this.uuidPlaces.set(key, [places, place]);
    else places.push(place);
    return text;
  }
}

/** The first 30 bits of the 16 bytes from `at`: random in a UUID the app makes. */
function firstBits(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] as number) & 0x3f) << 24) |
    ((bytes[at + 1] as number) << 16) |
    ((bytes[at + 2] as number) << 8) |
    (bytes[at + 3] as number)
  );
}

/** A meeting as a report counts it: no note, no creation or edit time. */
export function reportMeeting(stored: Omit<Meeting, 'notes'>, shared: SharedValues): ReportMeeting {
  const meeting: ReportMeeting = {
    id: stored.id,
    relationshipId: shared.string(stored.relationshipId),
    date: shared.string(stored.date),
    durationMinutes: stored.durationMinutes,
    format: shared.string(stored.format),
    topics: shared.list(stored.topics),
    confidential: stored.confidential,
  };
  if (stored.milestoneId !== undefined) meeting.milestoneId = stored.milestoneId;
  return meeting;
}

/**
 * An action item as a report counts it: no text, no creation or edit time, no meeting id, nor the
 * stored-only index fields raw records carry; its meeting's day (kept on each stored item) instead.
 */
export function reportActionItem(
  stored: Pick<ActionItem, 'id' | 'relationshipId' | 'owner' | 'dueDate' | 'done' | 'doneDate'> & {
    meetingDate: IsoDate;
  },
  shared: SharedValues,
): ReportActionItem {
  return {
    id: stored.id,
    meetingDate: shared.string(stored.meetingDate),
    relationshipId: shared.string(stored.relationshipId),
    owner: shared.string(stored.owner),
    dueDate: shared.string(stored.dueDate),
    done: stored.done,
    doneDate: shared.string(stored.doneDate),
  };
}

/**
 * A pair as the app sees it: without the stored-only summary and index fields beside it, and without a
 * capacity override's reason (free text no report shows, sealed while the clinic lock is on).
 */
export function reportPair(stored: Relationship, shared: SharedValues): Relationship {
  // Field by field, so that summary fields added to stored pairs later stay out too.
  const pair: Relationship = {
    id: shared.string(stored.id),
    programId: shared.string(stored.programId),
    mentorId: shared.string(stored.mentorId),
    menteeId: shared.string(stored.menteeId),
    focus: stored.focus,
    startDate: shared.string(stored.startDate),
    plannedEndDate: shared.string(stored.plannedEndDate),
    endDate: shared.string(stored.endDate),
    status: stored.status,
    endReason: stored.endReason,
    statusHistory: stored.statusHistory.map((change) => ({
      ...change,
      status: shared.string(change.status),
      date: shared.string(change.date),
    })),
    capacityOverride: stored.capacityOverride
      ? { ...stored.capacityOverride, reason: '' }
      : stored.capacityOverride,
    lastMeetingDate: shared.string(stored.lastMeetingDate),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
  if (stored.mentorTraining !== undefined) pair.mentorTraining = stored.mentorTraining;
  // The end reason sealed with the pair's other sealed field (clinic lock, schema version 25): kept for
  // the report to open, as a sealed end reason is.
  const together = (stored as unknown as Record<string, unknown>)[SEALED_RECORD_FIELD];
  if (together !== undefined) (pair as unknown as Record<string, unknown>)[SEALED_RECORD_FIELD] = together;
  return pair;
}

/** Who answered one of a pair's questionnaires: its checkpoint and the person. */
export type PairAnswer = Pick<AnsweredKey, 'checkpoint' | 'personId'>;

/**
 * A pair as a report's digest keeps it: as the app sees it, whether it has a goal, and who answered which of
 * its questionnaires (its `questionnaireAnswers` summary, "checkpoint:person", split in two, so that each
 * part is packed with its like: a checkpoint in a byte, a person's id in 16).
 */
export type DigestPair = Relationship & Pick<RelationshipPlanFields, 'hasGoal'> & { answered?: PairAnswer[] };

/**
 * A stored pair as the report digest keeps it: `reportPair`'s fields, whether it has a goal (which pairs
 * had a plan by a day) and who answered which of its questionnaires. Its index fields (a few hundred bytes
 * a pair) stay out: a digest is read at the database's throughput in bytes.
 */
export function digestPair(stored: Relationship, shared: SharedValues): DigestPair {
  const pair: DigestPair = reportPair(stored, shared);
  const { hasGoal, questionnaireAnswers } = stored as Relationship &
    RelationshipPlanFields &
    RelationshipQuestionnaireFields;
  if (hasGoal !== undefined) pair.hasGoal = hasGoal;
  if (questionnaireAnswers !== undefined)
    pair.answered = questionnaireAnswers.map((key) => {
      const colon = key.indexOf(':');
      return {
        checkpoint: shared.string(key.slice(0, colon) as Checkpoint),
        personId: shared.string(key.slice(colon + 1)),
      };
    });
  return pair;
}

export function reportPerson(person: ReportPerson, shared: SharedValues): ReportPerson {
  return {
    id: shared.string(person.id),
    name: person.name,
    profession: shared.string(person.profession),
    specialty: shared.string(person.specialty),
    hireDate: shared.string(person.hireDate),
    leavingDate: shared.string(person.leavingDate),
    isMentor: person.isMentor,
    isMentee: person.isMentee,
    mentorCapacity: person.mentorCapacity,
    archived: person.archived,
  };
}

/** A response as the report counts it: no id or creation time. */
export function reportResponse(stored: Record<string, unknown>, shared: SharedValues): ReportResponse {
  const { questionnaireId, personId, relationshipId, checkpoint, answeredOn, answers, support } =
    stored as unknown as ReportResponse;
  return {
    questionnaireId: shared.string(questionnaireId),
    personId: shared.string(personId),
    relationshipId: shared.string(relationshipId),
    checkpoint: shared.string(checkpoint),
    answeredOn: shared.string(answeredOn),
    answers,
    support: typeof support === 'string' ? shared.string(support) : support,
  };
}

/** A goal as a report counts it: no text, nor the stored-only fields beside it. */
export function reportGoal(stored: ReportGoal, shared: SharedValues): ReportGoal {
  return {
    id: shared.string(stored.id),
    relationshipId: shared.string(stored.relationshipId),
    areaId: shared.string(stored.areaId),
    setDate: shared.string(stored.setDate),
    targetDate: shared.string(stored.targetDate),
    status: shared.string(stored.status),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

/** An entry of a goal's history as a report counts it: no note. */
export function reportGoalProgress(stored: ReportGoalProgress, shared: SharedValues): ReportGoalProgress {
  return {
    goalId: shared.string(stored.goalId),
    relationshipId: shared.string(stored.relationshipId),
    date: shared.string(stored.date),
    status: shared.string(stored.status),
    createdAt: stored.createdAt,
  };
}
