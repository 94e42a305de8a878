import { withBuiltInGoalAreas } from '../goal-areas';
import { withBuiltInTopics } from '../topics';
import type {
  ActionItem,
  GoalArea,
  Id,
  IsoDate,
  Meeting,
  PaperSize,
  Person,
  Program,
  Relationship,
  Topic,
  TrainingRecord,
} from '../types';
import type { ReportGoal, ReportGoalProgress } from './goals';
import type { ReportMilestone } from './milestone-debriefs';
import type { ReportPeriod } from './period';
import type { ReportQuestionnaireData } from './questionnaires';

// What a report is computed from. Note text and action-item text are left out by type, so no section
// can put them in a report even by mistake; so are the creation and edit times of meetings and action
// items, which no figure uses (a year of them is a lot of memory: data/report-records.ts).

export type ReportPerson = Pick<
  Person,
  | 'id'
  | 'name'
  | 'profession'
  | 'specialty'
  | 'hireDate'
  | 'leavingDate'
  | 'isMentor'
  | 'isMentee'
  | 'mentorCapacity'
  | 'archived'
>;
export type ReportMeeting = Omit<Meeting, 'notes' | 'createdAt' | 'updatedAt'>;
export type ReportTrainingRecord = Pick<TrainingRecord, 'personId' | 'completedOn' | 'hours' | 'renewBy'>;
/**
 * An action item as a report counts it: no text, no times, and in place of its meeting's id the meeting's
 * day (the item belongs to its meeting's pair, so the day and the pair say whether it counts).
 */
export type ReportActionItem = Omit<ActionItem, 'meetingId' | 'text' | 'createdAt' | 'updatedAt'> & {
  meetingDate: IsoDate;
};

/**
 * The action items agreed at `meetings`, as a report counts them, from whole records (the loader reads them
 * so already; data made otherwise, as in tests, uses this).
 */
export function reportItemsOf(
  items: readonly Omit<ActionItem, 'text'>[],
  meetings: readonly Pick<Meeting, 'id' | 'date'>[],
): ReportActionItem[] {
  const dates = new Map(meetings.map((meeting) => [meeting.id, meeting.date]));
  return items.flatMap(({ id, meetingId, relationshipId, owner, dueDate, done, doneDate }) => {
    const meetingDate = dates.get(meetingId);
    return meetingDate === undefined
      ? []
      : [{ id, meetingDate, relationshipId, owner, dueDate, done, doneDate }];
  });
}

export interface ReportData {
  clinicName: string;
  paperSize: PaperSize;
  people: ReportPerson[];
  programs: Program[];
  relationships: Relationship[];
  topics: Topic[];
  /** The days `meetings` covers: every meeting dated within, and none outside. */
  meetingRange: { start: IsoDate; end: IsoDate };
  meetings: ReportMeeting[];
  /** Action items agreed at the meetings in `meetings` (none of any other meeting). */
  actionItems: ReportActionItem[];
  /**
   * For pairs with no meeting in the range: their last meeting before the range, where the pair
   * record alone cannot tell (see relationshipsNeedingEarlierMeeting).
   */
  lastMeetingBeforeRange: Record<Id, IsoDate>;
  /** Every mentor-training completion (dates and hours only); absent in data made without them. */
  trainingRecords?: ReportTrainingRecord[];
  /** Every milestone, with its first debrief's date; absent counts as none. */
  milestones?: ReportMilestone[];
  /** What the questionnaires section is made from; absent in data made without it (no section). */
  questionnaires?: ReportQuestionnaireData;
  /** The clinic's own goal areas (the built-in ones are added by buildReportIndex). */
  goalAreas: GoalArea[];
  /**
   * Goals without their text: every goal, or (the loader's) only those the period's figures count —
   * every goal set within `meetingRange` and every goal achieved within it — with `pairsPlannedBy`.
   */
  goals: ReportGoal[];
  /**
   * Goals' histories without their notes: every entry, or (the loader's) the whole history of each goal
   * with an "achieved" entry within `meetingRange` (what achievedWithin needs) and no other entry.
   */
  goalProgress: ReportGoalProgress[];
  /**
   * The pairs with a goal set on or before `meetingRange.end`, when `goals` holds only the period's
   * goals (see above); absent when `goals` holds every goal.
   */
  pairsPlannedBy?: Id[];
}

/** Everything a section needs, indexed once so that no section loops over meetings per pair. */
export interface ReportIndex {
  period: ReportPeriod;
  /** The day figures like retention are measured on (the day the report is made). */
  today: IsoDate;
  selectedPrograms: Program[];
  /** Pairs in the selected programs. */
  relationships: Relationship[];
  /** Every pair in the clinic, for clinic-wide facts such as "mentees without a mentor". */
  allRelationships: Relationship[];
  people: ReportPerson[];
  peopleById: Map<Id, ReportPerson>;
  programsById: Map<Id, Program>;
  topicsById: Map<Id, Topic>;
  topics: Topic[];
  /** Meetings within the period of pairs in the selected programs, by pair, in date order. */
  meetingsByRelationship: Map<Id, ReportMeeting[]>;
  /** The same meetings in date order. */
  meetings: ReportMeeting[];
  actionItems: ReportActionItem[];
  /** The last meeting on or before the period's last day, by pair (selected programs only). */
  lastMeetingByRelationship: Map<Id, IsoDate>;
  goalAreas: GoalArea[];
  /** Goals of pairs in the selected programs, and their history (see ReportData). */
  goals: ReportGoal[];
  goalProgress: ReportGoalProgress[];
  /** Pairs in the selected programs with a goal set on or before the period's last day. */
  plannedBy: Set<Id>;
}

export class ReportDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportDataError';
  }
}

/**
 * Pairs whose last meeting before `rangeStart` the pair record cannot tell: those that met on or after
 * the range's start (their lastMeetingDate is later) but have no meeting inside the range.
 */
export function relationshipsNeedingEarlierMeeting(
  relationships: ReadonlyArray<Pick<Relationship, 'id' | 'lastMeetingDate'>>,
  meetingsInRange: ReadonlyArray<Pick<Meeting, 'relationshipId'>>,
  rangeStart: IsoDate,
): Id[] {
  const met = new Set<Id>();
  for (const meeting of meetingsInRange) met.add(meeting.relationshipId);
  return relationships
    .filter(
      (pair) => !met.has(pair.id) && pair.lastMeetingDate !== null && pair.lastMeetingDate >= rangeStart,
    )
    .map((pair) => pair.id);
}

/** Indexes the data for one period and a choice of programs ('all' or program ids). */
export function buildReportIndex(
  data: ReportData,
  period: ReportPeriod,
  programIds: ReadonlyArray<Id> | 'all',
  today: IsoDate,
): ReportIndex {
  if (period.start < data.meetingRange.start || period.end > data.meetingRange.end)
    throw new ReportDataError('The meetings loaded do not cover the whole period; load the period again.');
  const programsById = new Map(data.programs.map((program) => [program.id, program]));
  const topics = withBuiltInTopics(data.topics);
  const wanted = programIds === 'all' ? null : new Set(programIds);
  // "All programs" leaves out only archived programs that never had a pair.
  const programsWithPairs = new Set(data.relationships.map((pair) => pair.programId));
  const selectedPrograms = data.programs.filter((program) =>
    wanted ? wanted.has(program.id) : !program.archived || programsWithPairs.has(program.id),
  );
  const selectedIds = new Set(selectedPrograms.map((program) => program.id));
  const relationships = data.relationships.filter((pair) => selectedIds.has(pair.programId));
  const relationshipIds = new Set(relationships.map((pair) => pair.id));
  if (data.pairsPlannedBy && period.end !== data.meetingRange.end)
    throw new ReportDataError('The goals loaded are for another period; load the period again.');
  const plannedBy = new Set<Id>();
  if (data.pairsPlannedBy) {
    for (const id of data.pairsPlannedBy) if (relationshipIds.has(id)) plannedBy.add(id);
  } else
    for (const goal of data.goals)
      if (goal.setDate <= period.end && relationshipIds.has(goal.relationshipId))
        plannedBy.add(goal.relationshipId);

  // One pass: the period's meetings, and for each pair its last meeting in the loaded days before it.
  const lastBeforePeriod = new Map<Id, IsoDate>();
  const meetings: ReportMeeting[] = [];
  for (const meeting of data.meetings) {
    if (meeting.date > period.end || !relationshipIds.has(meeting.relationshipId)) continue;
    if (meeting.date >= period.start) meetings.push(meeting);
    else {
      const known = lastBeforePeriod.get(meeting.relationshipId);
      if (!known || meeting.date > known) lastBeforePeriod.set(meeting.relationshipId, meeting.date);
    }
  }
  // Meetings arrive in date order from the date index, which makes this sort a single pass.
  meetings.sort(byDateThenId);
  const meetingsByRelationship = new Map<Id, ReportMeeting[]>();
  for (const meeting of meetings) {
    const list = meetingsByRelationship.get(meeting.relationshipId);
    if (list) list.push(meeting);
    else meetingsByRelationship.set(meeting.relationshipId, [meeting]);
  }

  const lastMeetingByRelationship = new Map<Id, IsoDate>();
  for (const pair of relationships) {
    const inPeriod = meetingsByRelationship.get(pair.id);
    const last = inPeriod
      ? inPeriod[inPeriod.length - 1].date
      : (lastBeforePeriod.get(pair.id) ?? lastMeetingBeforeRange(pair, data));
    if (last) lastMeetingByRelationship.set(pair.id, last);
  }

  return {
    period,
    today,
    selectedPrograms,
    relationships,
    allRelationships: data.relationships,
    people: data.people,
    peopleById: new Map(data.people.map((person) => [person.id, person])),
    programsById,
    topicsById: new Map(topics.map((topic) => [topic.id, topic])),
    topics,
    meetingsByRelationship,
    meetings,
    // Those of the meetings kept above: held within the period, by a pair in the chosen programs.
    actionItems: data.actionItems.filter(
      (item) =>
        item.meetingDate >= period.start &&
        item.meetingDate <= period.end &&
        relationshipIds.has(item.relationshipId),
    ),
    lastMeetingByRelationship,
    goalAreas: withBuiltInGoalAreas(data.goalAreas),
    goals: data.goals.filter((goal) => relationshipIds.has(goal.relationshipId)),
    goalProgress: data.goalProgress.filter((entry) => relationshipIds.has(entry.relationshipId)),
    plannedBy,
  };
}

function lastMeetingBeforeRange(pair: Relationship, data: ReportData): IsoDate | null {
  const known = data.lastMeetingBeforeRange[pair.id];
  if (known) return known;
  if (pair.lastMeetingDate !== null && pair.lastMeetingDate < data.meetingRange.start)
    return pair.lastMeetingDate;
  return null;
}

function byDateThenId(a: ReportMeeting, b: ReportMeeting): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
