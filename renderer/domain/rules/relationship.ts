import {
  FOCUSES,
  type IsoDate,
  type Person,
  type Program,
  type Relationship,
  type RelationshipStatus,
} from '../types';
import { requireDate } from './fields';
import { checkAll, RuleError } from './rule-error';

/** Pairs that count against a mentor's capacity. */
export const LOAD_STATUSES: readonly RelationshipStatus[] = ['proposed', 'active'];

export type RelationshipInput = Pick<
  Relationship,
  'programId' | 'mentorId' | 'menteeId' | 'focus' | 'startDate' | 'plannedEndDate'
> & { status?: 'proposed' | 'active' };

export interface PairingParties {
  mentor: Person | undefined;
  mentee: Person | undefined;
  program: Program | undefined;
}

export interface PairingContext extends PairingParties {
  /** Active and proposed pairs the mentor already has. */
  mentorLoad: number;
  capacityOverrideReason: string | null;
}

/** Who, which program, which focus and which dates: what every pairing must satisfy. */
export function checkPairingDetails(input: Omit<RelationshipInput, 'status'>, parties: PairingParties): void {
  const { mentor, mentee, program } = parties;
  checkAll([
    () => {
      if (!program || program.archived) throw new RuleError('no-program', 'Choose a program.', 'programId');
    },
    () => {
      if (!mentee || mentee.archived) throw new RuleError('no-mentee', 'Choose a mentee.', 'menteeId');
    },
    () => {
      if (!mentor || mentor.archived) throw new RuleError('no-mentor', 'Choose a mentor.', 'mentorId');
      if (mentor.id === mentee?.id)
        throw new RuleError(
          'self-mentoring',
          'Nobody can mentor themselves: choose another mentor.',
          'mentorId',
        );
    },
    () => {
      if (!FOCUSES.includes(input.focus)) throw new RuleError('bad-focus', 'Choose a focus.', 'focus');
    },
    () => checkSpan(input.startDate, input.plannedEndDate, 'plannedEndDate', 'The planned end'),
  ]);
}

/** Checks a new pairing; returns true when it goes over the mentor's capacity with a recorded reason. */
export function checkPairing(input: RelationshipInput, context: PairingContext): boolean {
  const { mentor } = context;
  const overCapacity = mentor !== undefined && context.mentorLoad >= mentor.mentorCapacity;
  checkAll([
    () => checkPairingDetails(input, context),
    () => {
      if (mentor && overCapacity && !context.capacityOverrideReason?.trim())
        throw new RuleError(
          'over-capacity',
          `${mentor.name} already mentors ${context.mentorLoad} of ${mentor.mentorCapacity}. To pair them anyway, give a reason.`,
          'capacityOverrideReason',
        );
    },
  ]);
  return overCapacity;
}

export interface PairingEditContext extends PairingParties {
  /** The date of the pairing's first meeting, if it has any. */
  firstMeetingDate: IsoDate | null;
  /** The new mentor's proposed and active pairs, when the mentor is being corrected. */
  newMentorLoad?: number;
}

/** Who is paired and in which program: correctable only while the pairing has no meeting. */
const WHO_AND_PROGRAM = ['mentorId', 'menteeId', 'programId'] as const;

/**
 * Checks an edit of a pairing and returns the edited record. Capacity was settled when the pair was
 * made, so editing dates or focus does not re-open it; people and a program archived since the pair
 * was made stay valid for this pair.
 */
export function checkPairingEdit(
  before: Relationship,
  after: Relationship,
  context: PairingEditContext,
): Relationship {
  let edited = after;
  const corrected = WHO_AND_PROGRAM.filter((field) => after[field] !== before[field]);
  if (corrected.length > 0 && context.firstMeetingDate)
    throw new RuleError(
      'has-meetings',
      'This pairing already has meetings, so its mentor, mentee and program stay as they are. End it and make a new pairing instead.',
      corrected[0],
    );
  const { mentor } = context;
  if (
    after.mentorId !== before.mentorId &&
    mentor &&
    LOAD_STATUSES.includes(after.status) &&
    (context.newMentorLoad ?? 0) >= mentor.mentorCapacity
  )
    throw new RuleError(
      'over-capacity',
      `${mentor.name} already mentors ${context.newMentorLoad ?? 0} of ${mentor.mentorCapacity}: choose a mentor with room.`,
      'mentorId',
    );
  if (after.startDate !== before.startDate) {
    // The start is the first status change; every later change must still come after it.
    const later = before.statusHistory.slice(1);
    if (
      later.some((change) => change.date <= after.startDate) ||
      (after.endDate && after.endDate <= after.startDate)
    )
      throw new RuleError(
        'start-after-changes',
        'The start date must come before the pairing was paused, resumed or ended.',
        'startDate',
      );
    edited = {
      ...after,
      statusHistory: before.statusHistory.map((change, index) =>
        index === 0 ? { ...change, date: after.startDate } : change,
      ),
    };
  }
  const kept = <T extends { archived: boolean }>(record: T | undefined, unchanged: boolean) =>
    record && unchanged ? { ...record, archived: false } : record;
  checkPairingDetails(edited, {
    mentor: kept(context.mentor, edited.mentorId === before.mentorId),
    mentee: kept(context.mentee, edited.menteeId === before.menteeId),
    program: kept(context.program, edited.programId === before.programId),
  });
  if (context.firstMeetingDate && context.firstMeetingDate < edited.startDate)
    throw new RuleError(
      'meetings-before-start',
      'This pairing has meetings before that start date.',
      'startDate',
    );
  return edited;
}

/** Why a pairing is deleted rather than ended: it never was a real pairing. Kept in the audit log. */
export const PAIRING_DELETION_REASONS = {
  'entered-by-mistake': 'Entered by mistake',
  duplicate: 'A duplicate of another pairing',
  'never-started': 'Planned but never started',
} as const;
export type PairingDeletionReason = keyof typeof PAIRING_DELETION_REASONS;

/**
 * A pairing entered by mistake is deleted, so it never counts as "ended early" in the accreditation
 * figures. One that has met is real history: it is ended instead.
 */
export function checkPairingDeletion(
  meetings: number,
  reason: string,
): asserts reason is PairingDeletionReason {
  if (!Object.hasOwn(PAIRING_DELETION_REASONS, reason))
    throw new RuleError('reason-required', 'Choose why this pairing is deleted.', 'reason');
  if (meetings > 0)
    throw new RuleError(
      'has-meetings',
      `This pairing has ${meetings} ${meetings === 1 ? 'meeting' : 'meetings'}, so it is part of the program's record: end it instead of deleting it.`,
      'reason',
    );
}

function checkSpan(start: IsoDate, end: IsoDate | null, field: string, label: string): void {
  requireDate(start, 'startDate', 'Start date', false);
  requireDate(end, field, label, true);
  if (end && end <= start)
    throw new RuleError('end-before-start', `${label} must be after the start date.`, field);
}

/** Which status a pair may move to from each status. */
export const STATUS_TRANSITIONS: Record<RelationshipStatus, RelationshipStatus[]> = {
  proposed: ['active', 'ended-early'],
  active: ['paused', 'completed', 'ended-early'],
  paused: ['active', 'completed', 'ended-early'],
  completed: [],
  'ended-early': [],
};

export function checkStatusChange(
  relationship: Relationship,
  next: RelationshipStatus,
  date: IsoDate,
  reason: string | null,
): void {
  if (!STATUS_TRANSITIONS[relationship.status].includes(next))
    throw new RuleError(
      'bad-transition',
      `A ${relationship.status.replace('-', ' ')} pairing cannot become ${next.replace('-', ' ')}.`,
      'status',
    );
  requireDate(date, 'date', 'The date of the change', false);
  if (date < relationship.startDate)
    throw new RuleError(
      'before-start',
      'The date of the change cannot be before the pairing started.',
      'date',
    );
  if ((next === 'completed' || next === 'ended-early') && date === relationship.startDate)
    throw new RuleError(
      'end-before-start',
      'A pairing cannot end on the day it started: it can be completed or ended from the next day on.',
      'date',
    );
  if (next === 'ended-early' && !reason?.trim())
    throw new RuleError('reason-required', 'Say why the pairing ended early.', 'endReason');
}
