import { formatDisplayDate } from '../date-format';
import { RELATIONSHIP_STATUS_LABELS } from '../types';
import type { AccreditationReport } from './compute-report';
import { hoursOf } from './format';
import { formatPeriodRange } from './period';
import { FEWER_THAN_5, type GuardedFigure } from './suppression';

// Each section as plain tables (headers and rows) for the CSV files and the workbook, so that both
// exports say exactly the same thing.

export type TableCell = string | number | { date: string } | null;
export type ColumnKind = 'text' | 'number' | 'date' | 'percent';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters, for the workbook. */
  width: number;
}

export interface SectionTable {
  /** Used in file names: "meeting-compliance". */
  id: string;
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

const text = (header: string, width = 24): TableColumn => ({ header, kind: 'text', width });
const number = (header: string, width = 12): TableColumn => ({ header, kind: 'number', width });
const date = (header: string): TableColumn => ({ header, kind: 'date', width: 12 });
const percentColumn = (header: string, width = 12): TableColumn => ({ header, kind: 'percent', width });
const dateCell = (value: string | null): TableCell => (value ? { date: value } : null);
const guarded = (figure: GuardedFigure): TableCell => (figure === FEWER_THAN_5 ? FEWER_THAN_5 : figure);

export function reportTables(report: AccreditationReport): SectionTable[] {
  return [
    summaryTable(report),
    censusTable(report),
    mentorLoadTable(report),
    complianceTable(report),
    complianceByProgramTable(report),
    topicsTable(report),
    followUpTable(report),
    goalsTable(report),
    retentionTable(report),
    mentorTrainingTable(report),
    debriefsTable(report),
    evidenceTable(report),
  ];
}

function summaryTable(report: AccreditationReport): SectionTable {
  return {
    id: 'report',
    title: 'Report',
    columns: [text('Item', 20), text('Value', 60)],
    rows: [
      ['Clinic', report.clinicName],
      ['Period', report.period.name],
      ['Dates', formatPeriodRange(report.period)],
      ['First day', dateCell(report.period.start)],
      ['Last day', dateCell(report.period.end)],
      ['Programs', report.allPrograms ? 'All programs' : report.programs.map((p) => p.name).join(', ')],
      ['Generated', report.generatedAt],
      ['App version', report.appVersion],
    ],
  };
}

function censusTable(report: AccreditationReport): SectionTable {
  const { census } = report;
  const rows: TableCell[][] = [
    ['Pairs', 'Active on the first day', '', census.activeAtStart],
    ['Pairs', 'Active on the last day', '', census.activeAtEnd],
    ['Pairs', 'Paused on the last day', '', census.pausedAtEnd],
    ['Pairs', 'Active during the period', '', census.pairsInPeriod],
    ['Pairs', 'Started', '', census.started],
    ['Pairs', 'Ended', '', census.ended],
    ...census.endedByReason.map((row): TableCell[] => ['Ended', 'By reason', row.reason, row.count]),
    ...census.byMenteeProfession.map((row): TableCell[] => [
      'Pairs during the period',
      'By profession of mentee',
      row.label,
      row.pairs,
    ]),
    ...census.byProgram.flatMap((row): TableCell[][] => [
      ['Program', 'Active on the first day', row.programName, row.activeAtStart],
      ['Program', 'Active on the last day', row.programName, row.activeAtEnd],
      ['Program', 'Started', row.programName, row.started],
      ['Program', 'Ended', row.programName, row.ended],
    ]),
    ['Mentors', 'Over capacity on the last day', '', census.mentorsOverCapacity],
    ['Mentees', 'Without a mentor on the last day', '', census.menteesWithoutMentor.length],
  ];
  return {
    id: 'pair-census',
    title: 'Pair census',
    columns: [text('Group', 22), text('Measure', 32), text('Detail', 36), number('Count')],
    rows,
  };
}

function mentorLoadTable(report: AccreditationReport): SectionTable {
  return {
    id: 'mentor-load',
    title: 'Mentor load',
    columns: [
      text('Mentor', 30),
      number('Active mentees', 16),
      number('Capacity'),
      text('Over capacity', 14),
    ],
    rows: report.census.mentorLoad.map((row) => [
      row.mentorName,
      row.activeMentees,
      row.capacity,
      row.overCapacity ? 'Yes' : 'No',
    ]),
  };
}

function complianceTable(report: AccreditationReport): SectionTable {
  return {
    id: 'meeting-compliance',
    title: 'Meeting compliance',
    columns: [
      text('Mentee', 28),
      text('Mentor', 28),
      text('Program', 24),
      number('Cadence (days)', 14),
      number('Active days'),
      number('Meetings expected', 18),
      number('Meetings held', 14),
      number('Hours'),
      percentColumn('Of target'),
      text('Met target', 12),
      date('Last meeting'),
      text('Status on last day', 18),
      text('Overdue on last day', 20),
      text('No meeting for 90 days', 22),
    ],
    rows: report.compliance.pairs.map((pair) => [
      pair.menteeName,
      pair.mentorName,
      pair.programName,
      pair.cadenceDays,
      pair.activeDays,
      pair.expected,
      pair.held,
      hoursOf(pair.minutes),
      pair.percentOfTarget,
      pair.metTarget === null ? 'Not yet due' : pair.metTarget ? 'Yes' : 'No',
      dateCell(pair.lastMeetingDate),
      pair.statusAtEnd ? RELATIONSHIP_STATUS_LABELS[pair.statusAtEnd] : '',
      pair.overdueAtEnd ? 'Yes' : 'No',
      pair.quietAtEnd ? 'Yes' : 'No',
    ]),
  };
}

function complianceByProgramTable(report: AccreditationReport): SectionTable {
  const { compliance } = report;
  const row = (name: string, cadence: number | null, s: typeof compliance.totals): TableCell[] => [
    name,
    cadence,
    s.pairs,
    s.pairsWithTarget,
    s.pairsMeetingTarget,
    s.shareMeetingTarget,
    s.expected,
    s.held,
    hoursOf(s.minutes),
    s.overdueAtEnd,
    s.quietAtEnd,
  ];
  return {
    id: 'compliance-by-program',
    title: 'Compliance by program',
    columns: [
      text('Program', 28),
      number('Cadence (days)', 14),
      number('Pairs'),
      number('Pairs with a meeting due', 22),
      number('Pairs meeting target', 20),
      percentColumn('Share meeting target', 20),
      number('Meetings expected', 18),
      number('Meetings held', 14),
      number('Hours'),
      number('Overdue on last day', 20),
      number('No meeting for 90 days', 22),
    ],
    rows: [
      ...compliance.programs.map((p) => row(p.programName, p.cadenceDays, p)),
      row('All programs in this report', null, compliance.totals),
    ],
  };
}

function topicsTable(report: AccreditationReport): SectionTable {
  return {
    id: 'topics-covered',
    title: 'Topics covered',
    columns: [
      text('Topic', 40),
      number('Meetings'),
      number('Pairs'),
      percentColumn('Share of pairs that met', 22),
    ],
    rows: report.topics.topics.map((topic) => [topic.label, topic.meetings, topic.pairs, topic.shareOfPairs]),
  };
}

function followUpTable(report: AccreditationReport): SectionTable {
  const f = report.followUp;
  return {
    id: 'follow-up',
    title: 'Follow-up',
    columns: [text('Action items', 48), number('Count')],
    rows: [
      ['Agreed at meetings in the period', f.created],
      ['With a due date', f.withDueDate],
      ['Completed by the last day', f.completed],
      ['Completed on time', f.completedOnTime],
      ['Completed late', f.completedLate],
      ['Overdue on the last day', f.overdue],
      ['Open, not yet due', f.open],
      ['Completion rate (%)', f.completionRate],
      ['On time, of completed items with a due date (%)', f.onTimeRate],
    ],
  };
}

function goalsTable(report: AccreditationReport): SectionTable {
  const g = report.goals;
  return {
    id: 'development-plans',
    title: 'Development plans',
    columns: [text('Group', 12), text('Name', 40), text('Goals set', 14), text('Goals achieved', 14)],
    rows: [
      ['All', 'All goals', guarded(g.set), guarded(g.achieved)],
      ...g.byArea.map((row): TableCell[] => ['Area', row.label, guarded(row.set), guarded(row.achieved)]),
      ...g.byProgram.map((row): TableCell[] => [
        'Program',
        row.label,
        guarded(row.set),
        guarded(row.achieved),
      ]),
      ['Plans', 'Pairs a month in on the last day', g.pairsDueAPlan, null],
      ['Plans', 'Of those, without a plan', guarded(g.pairsWithoutPlan), null],
    ],
  };
}

function retentionTable(report: AccreditationReport): SectionTable {
  const { retention } = report;
  const columns: TableColumn[] = [text('Group', 28), text('Hired in the period', 20)];
  for (const mark of retention.mentored.marks)
    columns.push(
      text(`${mark.months} months passed`, 18),
      text(`Still employed at ${mark.months} months`, 28),
      text(`Retained at ${mark.months} months (%)`, 26),
    );
  const row = (group: typeof retention.mentored): TableCell[] => [
    group.label,
    guarded(group.hired),
    ...group.marks.flatMap((mark) => [guarded(mark.eligible), guarded(mark.retained), guarded(mark.rate)]),
  ];
  return {
    id: 'retention',
    title: `Retention (as of ${formatDisplayDate(retention.asOf)})`,
    columns,
    rows: [row(retention.mentored), row(retention.notMentored)],
  };
}

function mentorTrainingTable(report: AccreditationReport): SectionTable {
  const { training } = report;
  return {
    id: 'mentor-training',
    title: `Mentor training (current on ${formatDisplayDate(training.asOf)})`,
    columns: [
      text('Profession', 20),
      text('Mentors', 12),
      text('Training current on the last day', 30),
      text('Current (%)', 12),
      text('Hours of training in the period', 30),
    ],
    rows: [...training.rows, training.total].map((row): TableCell[] => [
      row.label,
      guarded(row.mentors),
      guarded(row.currentAtEnd),
      guarded(row.currentPercent),
      row.hoursInPeriod,
    ]),
  };
}

function debriefsTable(report: AccreditationReport): SectionTable {
  const { debriefs } = report;
  const row = (figures: typeof debriefs.total): TableCell[] => [
    figures.label,
    guarded(figures.recorded),
    guarded(figures.inTime),
    guarded(figures.late),
    guarded(figures.overdue),
    guarded(figures.waiting),
    guarded(figures.rate),
  ];
  return {
    id: 'milestone-debriefs',
    title: `Milestone debriefs (as of ${formatDisplayDate(debriefs.asOf)})`,
    columns: [
      text('Program', 28),
      number('Milestones recorded', 20),
      number('Debriefed within target', 24),
      number('Debriefed later', 16),
      number('Not debriefed, target passed', 28),
      number('Not debriefed, within target', 28),
      percentColumn('Within target (%)', 18),
    ],
    rows: [...debriefs.programs.map(row), row(debriefs.total)],
  };
}

function evidenceTable(report: AccreditationReport): SectionTable {
  return {
    id: 'evidence-log',
    title: 'Evidence log',
    columns: [
      date('Date'),
      text('Mentee', 28),
      text('Mentor', 28),
      text('Program', 24),
      number('Minutes'),
      text('Format', 14),
      text('Topics', 60),
    ],
    rows: report.evidence.rows.map((row) =>
      row.confidential
        ? [{ date: row.date }, row.description, null, null, null, null, null]
        : [
            { date: row.date },
            row.menteeName,
            row.mentorName,
            row.programName,
            row.durationMinutes,
            row.formatLabel,
            row.topics.join('; '),
          ],
    ),
  };
}
