import { daysOverdue, daysWithoutMeeting, nextMeetingDue, QUIET_AFTER_DAYS } from './cadence';
import { addDaysIso, daysBetween } from './calendar';
import type { ActionItem, Id, IsoDate, Person, Program, Relationship } from './types';

/** Rows each list of the dashboard shows at first; a large clinic's long tail waits behind "Show more". */
export const DASHBOARD_ROWS_SHOWN = 10;

/** Planned ends this close are listed so the manager can prepare the close-out. */
export const ENDING_SOON_DAYS = 30;

export interface PairSummary {
  relationshipId: Id;
  mentorName: string;
  menteeName: string;
  programName: string;
}

export interface OverduePair extends PairSummary {
  dueDate: IsoDate;
  daysOverdue: number;
}
export interface QuietPair extends PairSummary {
  lastMeetingDate: IsoDate | null;
  daysWithoutMeeting: number;
}
export interface EndingPair extends PairSummary {
  plannedEndDate: IsoDate;
  daysLeft: number;
}
export interface PastDueAction extends PairSummary {
  actionItemId: Id;
  meetingId: Id;
  text: string;
  dueDate: IsoDate;
  daysLate: number;
}

export interface Dashboard {
  activeCount: number;
  overdue: OverduePair[];
  quiet: QuietPair[];
  endingSoon: EndingPair[];
  pastDueActions: PastDueAction[];
}

export interface DashboardInput {
  relationships: Relationship[];
  programs: Program[];
  people: Pick<Person, 'id' | 'name'>[];
  openActionItems: ActionItem[];
}

/** Everything the dashboard shows, from the records and today's date. */
export function computeDashboard(input: DashboardInput, today: IsoDate): Dashboard {
  const programs = new Map(input.programs.map((program) => [program.id, program]));
  const names = new Map(input.people.map((person) => [person.id, person.name]));
  const active = input.relationships.filter((relationship) => relationship.status === 'active');
  const summary = (relationship: Relationship): PairSummary => ({
    relationshipId: relationship.id,
    mentorName: names.get(relationship.mentorId) ?? 'Unknown person',
    menteeName: names.get(relationship.menteeId) ?? 'Unknown person',
    programName: programs.get(relationship.programId)?.name ?? 'Unknown program',
  });

  const overdue: OverduePair[] = [];
  const quiet: QuietPair[] = [];
  const endingSoon: EndingPair[] = [];
  for (const relationship of active) {
    const program = programs.get(relationship.programId);
    if (program) {
      const late = daysOverdue(relationship, program, today);
      if (late > 0)
        overdue.push({
          ...summary(relationship),
          dueDate: nextMeetingDue(relationship, program),
          daysOverdue: late,
        });
    }
    const silent = daysWithoutMeeting(relationship, today);
    if (silent >= QUIET_AFTER_DAYS)
      quiet.push({
        ...summary(relationship),
        lastMeetingDate: relationship.lastMeetingDate,
        daysWithoutMeeting: silent,
      });
    const end = relationship.plannedEndDate;
    if (end && end >= today && end <= addDaysIso(today, ENDING_SOON_DAYS))
      endingSoon.push({ ...summary(relationship), plannedEndDate: end, daysLeft: daysBetween(today, end) });
  }

  const relationshipsById = new Map(
    input.relationships.map((relationship) => [relationship.id, relationship]),
  );
  const pastDueActions: PastDueAction[] = [];
  for (const item of input.openActionItems) {
    const relationship = relationshipsById.get(item.relationshipId);
    if (item.done || !item.dueDate || item.dueDate >= today || !relationship) continue;
    if (relationship.status === 'completed' || relationship.status === 'ended-early') continue;
    pastDueActions.push({
      ...summary(relationship),
      actionItemId: item.id,
      meetingId: item.meetingId,
      text: item.text,
      dueDate: item.dueDate,
      daysLate: daysBetween(item.dueDate, today),
    });
  }

  return {
    activeCount: active.length,
    overdue: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue),
    quiet: quiet.sort((a, b) => b.daysWithoutMeeting - a.daysWithoutMeeting),
    endingSoon: endingSoon.sort((a, b) => a.daysLeft - b.daysLeft),
    pastDueActions: pastDueActions.sort((a, b) => b.daysLate - a.daysLate),
  };
}

export const DASHBOARD_LISTS = ['overdue', 'quiet', 'endingSoon', 'pastDueActions'] as const;
export type DashboardListName = (typeof DASHBOARD_LISTS)[number];

/** The dashboard as the screen reads it: each list cut to the rows asked for, beside its full count. */
export interface DashboardView extends Dashboard {
  totals: Record<DashboardListName, number>;
}
