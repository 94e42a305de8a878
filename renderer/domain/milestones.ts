import { addDaysIso, daysBetween } from './calendar';
import { DEFAULT_DEBRIEF_DAYS } from './rules/milestone';
import { RuleError } from './rules/rule-error';
import {
  BUILT_IN_MILESTONE_TYPES,
  type Id,
  type IsoDate,
  type Milestone,
  type MilestoneType,
  type Person,
  type Relationship,
} from './types';

// Milestones and their debriefs: the clinic's list of firsts, when a debrief is due, and what the
// dashboard lists. Pure: the repositories hand in the records.

function builtInType(type: (typeof BUILT_IN_MILESTONE_TYPES)[number]): MilestoneType {
  return { ...type, debriefWithinDays: DEFAULT_DEBRIEF_DAYS, builtIn: true, archived: false };
}

/** The clinic's milestone types: the stored ones, plus every built-in type the clinic never stored. */
export function withBuiltInMilestoneTypes(stored: readonly MilestoneType[]): MilestoneType[] {
  const known = new Set(stored.map((type) => type.id));
  return [...BUILT_IN_MILESTONE_TYPES.filter((type) => !known.has(type.id)).map(builtInType), ...stored];
}

/** The built-in types as records, for a clinic that stores them (its first edit, the sample clinic). */
export function builtInMilestoneTypeRecords(): MilestoneType[] {
  return BUILT_IN_MILESTONE_TYPES.map(builtInType);
}

/** The last day a debrief counts as held in time: the milestone's date plus its target. */
export function debriefDueDate(milestone: Pick<Milestone, 'date' | 'debriefWithinDays'>): IsoDate {
  return addDaysIso(milestone.date, milestone.debriefWithinDays);
}

/** Whether a debrief held on `debriefDate` met the milestone's target (the due day itself counts). */
export function debriefedInTime(
  milestone: Pick<Milestone, 'date' | 'debriefWithinDays'>,
  debriefDate: IsoDate,
): boolean {
  return debriefDate <= debriefDueDate(milestone);
}

export interface DebriefDue {
  milestoneId: Id;
  relationshipId: Id;
  menteeName: string;
  mentorName: string;
  typeLabel: string;
  date: IsoDate;
  dueDate: IsoDate;
  /** Days until the due date: negative once it has passed. */
  daysLeft: number;
}

export interface DebriefsDueInput {
  /** Milestones with no debrief meeting yet. */
  openMilestones: Milestone[];
  relationships: Relationship[];
  people: Pick<Person, 'id' | 'name'>[];
  types: MilestoneType[];
}

/** Pairs that can still meet: a debrief is asked of them, not of a pairing that has ended. */
const CAN_DEBRIEF = new Set(['active', 'paused']);

/** The milestones still waiting for a debrief, the most pressing first (description left out). */
export function computeDebriefsDue(input: DebriefsDueInput, today: IsoDate): DebriefDue[] {
  const pairs = new Map(input.relationships.map((pair) => [pair.id, pair]));
  const names = new Map(input.people.map((person) => [person.id, person.name]));
  const labels = new Map(withBuiltInMilestoneTypes(input.types).map((type) => [type.id, type.label]));
  const due: DebriefDue[] = [];
  for (const milestone of input.openMilestones) {
    const pair = pairs.get(milestone.relationshipId);
    if (!pair || !CAN_DEBRIEF.has(pair.status)) continue;
    const dueDate = debriefDueDate(milestone);
    due.push({
      milestoneId: milestone.id,
      relationshipId: pair.id,
      menteeName: names.get(pair.menteeId) ?? 'Unknown person',
      mentorName: names.get(pair.mentorId) ?? 'Unknown person',
      typeLabel: labels.get(milestone.typeId) ?? 'A milestone no longer listed',
      date: milestone.date,
      dueDate,
      daysLeft: daysBetween(today, dueDate),
    });
  }
  return due.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.milestoneId.localeCompare(b.milestoneId));
}

/** The debrief form's questions, in the order they are asked and written into the notes. */
export const DEBRIEF_QUESTIONS = [
  { key: 'whatHappened', label: 'What happened' },
  { key: 'wentWell', label: 'What went well' },
  { key: 'doDifferently', label: 'What to do differently next time' },
  { key: 'menteeDoing', label: 'How the mentee is doing' },
  { key: 'followUp', label: 'Follow-up' },
] as const;
export type DebriefAnswers = Record<(typeof DEBRIEF_QUESTIONS)[number]['key'], string>;

export function emptyDebriefAnswers(): DebriefAnswers {
  return { whatHappened: '', wentWell: '', doDifferently: '', menteeDoing: '', followUp: '' };
}

/** A debrief says at least what happened: an empty form is not a debrief. */
export function checkDebriefAnswers(answers: DebriefAnswers): void {
  if (DEBRIEF_QUESTIONS.every((question) => answers[question.key].trim() === ''))
    throw new RuleError(
      'empty-debrief',
      'Write at least a line about what happened: the debrief form is still empty.',
      'whatHappened',
    );
}

/** The debrief's answers as the meeting's notes: one heading a question, unanswered ones left out. */
export function debriefNotes(typeLabel: string, answers: DebriefAnswers, extra = ''): string {
  const parts = [`Debrief: ${typeLabel}`];
  for (const question of DEBRIEF_QUESTIONS) {
    const answer = answers[question.key].trim();
    if (answer) parts.push(`${question.label}:\n${answer}`);
  }
  if (extra.trim()) parts.push(extra.trim());
  return parts.join('\n\n');
}

export type DebriefStatus =
  | { kind: 'debriefed'; date: IsoDate; inTime: boolean }
  | { kind: 'due'; dueDate: IsoDate; daysLeft: number }
  | { kind: 'overdue'; dueDate: IsoDate; daysOverdue: number };

/** Where one milestone's debrief stands on `today`: held (in time or not), still due, or overdue. */
export function debriefStatus(
  milestone: Pick<Milestone, 'date' | 'debriefWithinDays'>,
  debriefDate: IsoDate | null,
  today: IsoDate,
): DebriefStatus {
  const dueDate = debriefDueDate(milestone);
  if (debriefDate !== null) return { kind: 'debriefed', date: debriefDate, inTime: debriefDate <= dueDate };
  const daysLeft = daysBetween(today, dueDate);
  return daysLeft < 0
    ? { kind: 'overdue', dueDate, daysOverdue: -daysLeft }
    : { kind: 'due', dueDate, daysLeft };
}

function dayCount(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

/** The status in plain words, e.g. "Debrief due by 3 Dec 2026 (in 2 days)"; dates in the app's style. */
export function describeDebriefStatus(status: DebriefStatus, formatDate: (date: IsoDate) => string): string {
  switch (status.kind) {
    case 'debriefed':
      return `Debriefed on ${formatDate(status.date)}${status.inTime ? '' : ' (after the target)'}`;
    case 'due':
      return `Debrief due by ${formatDate(status.dueDate)} (${status.daysLeft === 0 ? 'today' : `in ${dayCount(status.daysLeft)}`})`;
    case 'overdue':
      return `Debrief overdue: it was due by ${formatDate(status.dueDate)} (${dayCount(status.daysOverdue)} ago)`;
  }
}
