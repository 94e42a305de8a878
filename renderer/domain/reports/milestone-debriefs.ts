import { debriefDueDate } from '../milestones';
import type { Id, IsoDate, Milestone } from '../types';
import type { ReportIndex } from './report-data';
import { FEWER_THAN_5, type GuardedFigure, percent, SMALL_GROUP_MINIMUM } from './suppression';

// Milestone debriefs: of the milestones dated within the period, how many were debriefed within their
// target, later, or not yet, by program. Counted on the day the report is made, so a milestone late in
// the period whose debrief came after the period's end still counts as debriefed. Milestones are about
// few people and can be painful (a first patient death): a row about fewer than 5 mentees shows no
// figure at all. No description ever reaches a report (the type leaves it out).

/** A milestone as a report sees it: no description, and the date of its first debrief, if any. */
export type ReportMilestone = Omit<Milestone, 'description' | 'createdAt' | 'updatedAt'> & {
  debriefDate: IsoDate | null;
};

export interface DebriefRow {
  label: string;
  recorded: GuardedFigure;
  inTime: GuardedFigure;
  late: GuardedFigure;
  /** Not debriefed, and the target has passed. */
  overdue: GuardedFigure;
  /** Not debriefed yet, but still within the target. */
  waiting: GuardedFigure;
  /** Share debriefed within target of those whose target has passed or that were debriefed. */
  rate: GuardedFigure;
}

export interface MilestoneDebriefs {
  asOf: IsoDate;
  programs: DebriefRow[];
  total: DebriefRow;
}

export type DebriefOutcome = 'in-time' | 'late' | 'overdue' | 'waiting';

/** Where a milestone's debrief stands on `today`. */
export function debriefOutcome(milestone: ReportMilestone, today: IsoDate): DebriefOutcome {
  const due = debriefDueDate(milestone);
  if (milestone.debriefDate !== null) return milestone.debriefDate <= due ? 'in-time' : 'late';
  return due < today ? 'overdue' : 'waiting';
}

function rowOf(label: string, milestones: readonly ReportMilestone[], today: IsoDate): DebriefRow {
  const counts: Record<DebriefOutcome, number> = { 'in-time': 0, late: 0, overdue: 0, waiting: 0 };
  for (const milestone of milestones) counts[debriefOutcome(milestone, today)]++;
  const mentees = new Set(milestones.map((milestone) => milestone.menteeId)).size;
  if (mentees > 0 && mentees < SMALL_GROUP_MINIMUM)
    return {
      label,
      recorded: FEWER_THAN_5,
      inTime: FEWER_THAN_5,
      late: FEWER_THAN_5,
      overdue: FEWER_THAN_5,
      waiting: FEWER_THAN_5,
      rate: FEWER_THAN_5,
    };
  const decided = counts['in-time'] + counts.late + counts.overdue;
  return {
    label,
    recorded: milestones.length,
    inTime: counts['in-time'],
    late: counts.late,
    overdue: counts.overdue,
    waiting: counts.waiting,
    rate: percent(counts['in-time'], decided),
  };
}

export function computeMilestoneDebriefs(
  index: ReportIndex,
  milestones: readonly ReportMilestone[],
): MilestoneDebriefs {
  const { start, end } = index.period;
  const programOf = new Map<Id, Id>(index.relationships.map((pair) => [pair.id, pair.programId]));
  const byProgram = new Map<Id, ReportMilestone[]>();
  const all: ReportMilestone[] = [];
  for (const milestone of milestones) {
    const programId = programOf.get(milestone.relationshipId);
    if (programId === undefined || milestone.date < start || milestone.date > end) continue;
    all.push(milestone);
    const list = byProgram.get(programId);
    if (list) list.push(milestone);
    else byProgram.set(programId, [milestone]);
  }
  return {
    asOf: index.today,
    programs: index.selectedPrograms.map((program) =>
      rowOf(program.name, byProgram.get(program.id) ?? [], index.today),
    ),
    total: rowOf('All programs', all, index.today),
  };
}
