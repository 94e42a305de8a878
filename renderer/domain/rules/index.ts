import { addDaysIso, isIsoDate } from '../calendar';
import {
  ACTION_OWNERS,
  type ActionItem,
  CAREER_STAGES,
  FOCUSES,
  type IsoDate,
  MEETING_FORMATS,
  type Meeting,
  type Person,
  PROFESSIONS,
  type Program,
  type Relationship,
  type RelationshipStatus,
} from '../types';

// The program's rules, in one place. Repositories call these before every write; the messages are
// shown to the clinic manager as they are, so they speak plainly and name the field.

export class RuleError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'RuleError';
    this.code = code;
    this.field = field;
  }
}

type Stamped = 'id' | 'createdAt' | 'updatedAt';
export type PersonInput = Omit<Person, Stamped | 'archived'> & { archived?: boolean };
export type ProgramInput = Omit<Program, Stamped | 'archived'> & { archived?: boolean };
export type RelationshipInput = Pick<
  Relationship,
  'programId' | 'mentorId' | 'menteeId' | 'focus' | 'startDate' | 'plannedEndDate'
> & { status?: 'proposed' | 'active' };
export type ActionItemInput = Pick<ActionItem, 'text' | 'owner' | 'dueDate'> & {
  id?: string;
  done?: boolean;
  doneDate?: IsoDate | null;
};
export type MeetingInput = Omit<Meeting, Stamped> & { actionItems: ActionItemInput[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requireDate(value: string | null, field: string, label: string, optional: boolean): void {
  if (value === null || value === '') {
    if (!optional) throw new RuleError('required', `${label} is required.`, field);
    return;
  }
  if (!isIsoDate(value))
    throw new RuleError(
      'bad-date',
      `${label} must be a real date, written as year-month-day (2024-03-31).`,
      field,
    );
}

export function checkPerson(input: PersonInput): void {
  if (!input.name.trim()) throw new RuleError('required', 'Name is required.', 'name');
  if (input.name.length > 200)
    throw new RuleError('too-long', 'Name is too long (200 characters at most).', 'name');
  if (input.email && !EMAIL.test(input.email.trim()))
    throw new RuleError('bad-email', `"${input.email}" does not look like an email address.`, 'email');
  if (!PROFESSIONS.includes(input.profession))
    throw new RuleError('bad-profession', 'Choose a profession from the list.', 'profession');
  if (!CAREER_STAGES.includes(input.careerStage))
    throw new RuleError('bad-career-stage', 'Choose a career stage from the list.', 'careerStage');
  requireDate(input.hireDate, 'hireDate', 'Hire date', true);
  requireDate(input.leavingDate, 'leavingDate', 'Leaving date', true);
  if (input.hireDate && input.leavingDate && input.leavingDate < input.hireDate)
    throw new RuleError('end-before-start', 'The leaving date must be after the hire date.', 'leavingDate');
  if (!Number.isInteger(input.mentorCapacity) || input.mentorCapacity < 0 || input.mentorCapacity > 50)
    throw new RuleError(
      'bad-capacity',
      'Mentor capacity must be a whole number between 0 and 50.',
      'mentorCapacity',
    );
  if (!input.isMentor && !input.isMentee)
    throw new RuleError('no-role', 'Tick at least one role: mentor, mentee, or both.', 'isMentor');
}

export function checkProgram(input: ProgramInput): void {
  if (!input.name.trim()) throw new RuleError('required', 'Program name is required.', 'name');
  if (!Number.isInteger(input.cadenceDays) || input.cadenceDays < 1 || input.cadenceDays > 366)
    throw new RuleError(
      'bad-cadence',
      'Meet every … days must be a whole number from 1 to 366.',
      'cadenceDays',
    );
  if (
    !Number.isInteger(input.typicalLengthMonths) ||
    input.typicalLengthMonths < 1 ||
    input.typicalLengthMonths > 120
  )
    throw new RuleError(
      'bad-length',
      'Typical length must be a whole number of months from 1 to 120.',
      'typicalLengthMonths',
    );
}

export interface PairingContext {
  mentor: Person | undefined;
  mentee: Person | undefined;
  program: Program | undefined;
  /** Active and proposed pairs the mentor already has. */
  mentorLoad: number;
  capacityOverrideReason: string | null;
}

/** Checks a new pairing; returns true when it goes over the mentor's capacity with a recorded reason. */
export function checkPairing(input: RelationshipInput, context: PairingContext): boolean {
  const { mentor, mentee, program } = context;
  if (!program || program.archived) throw new RuleError('no-program', 'Choose a program.', 'programId');
  if (!mentee || mentee.archived) throw new RuleError('no-mentee', 'Choose a mentee.', 'menteeId');
  if (!mentor || mentor.archived) throw new RuleError('no-mentor', 'Choose a mentor.', 'mentorId');
  if (mentor.id === mentee.id)
    throw new RuleError('self-mentoring', 'Nobody can mentor themselves: choose another mentor.', 'mentorId');
  if (!FOCUSES.includes(input.focus)) throw new RuleError('bad-focus', 'Choose a focus.', 'focus');
  checkSpan(input.startDate, input.plannedEndDate, 'plannedEndDate', 'The planned end');
  if (context.mentorLoad >= mentor.mentorCapacity) {
    if (!context.capacityOverrideReason?.trim())
      throw new RuleError(
        'over-capacity',
        `${mentor.name} already mentors ${context.mentorLoad} of ${mentor.mentorCapacity}. To pair them anyway, give a reason.`,
        'capacityOverrideReason',
      );
    return true;
  }
  return false;
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
    throw new RuleError('end-before-start', 'The end date must be after the start date.', 'date');
  if (next === 'ended-early' && !reason?.trim())
    throw new RuleError('reason-required', 'Say why the pairing ended early.', 'endReason');
}

export function checkMeeting(
  input: MeetingInput,
  relationship: Relationship | undefined,
  today: IsoDate,
): void {
  if (!relationship)
    throw new RuleError('no-relationship', 'Choose the pairing this meeting belongs to.', 'relationshipId');
  requireDate(input.date, 'date', 'Meeting date', false);
  if (input.date > addDaysIso(today, 1))
    throw new RuleError('future-meeting', 'A meeting cannot be dated more than a day in the future.', 'date');
  if (input.date < relationship.startDate)
    throw new RuleError('before-start', 'The meeting is dated before this pairing started.', 'date');
  if (
    !Number.isInteger(input.durationMinutes) ||
    input.durationMinutes < 1 ||
    input.durationMinutes > 24 * 60
  )
    throw new RuleError(
      'bad-duration',
      'Duration must be a whole number of minutes, from 1 to 1440.',
      'durationMinutes',
    );
  if (!MEETING_FORMATS.includes(input.format))
    throw new RuleError('bad-format', 'Choose a format.', 'format');
  input.actionItems.forEach((item, index) => {
    const label = `Action item ${index + 1}`;
    if (!item.text.trim())
      throw new RuleError('required', `${label} needs a description.`, `actionItems.${index}.text`);
    if (!ACTION_OWNERS.includes(item.owner))
      throw new RuleError('bad-owner', `${label}: choose who owns it.`, `actionItems.${index}.owner`);
    requireDate(item.dueDate, `actionItems.${index}.dueDate`, `${label}'s due date`, true);
  });
}

/** Fields whose values differ, for the audit log (names only, never values). */
export function changedFields<T extends object>(before: T, after: T): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T & string>;
  return [...keys]
    .filter((key) => key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
}
