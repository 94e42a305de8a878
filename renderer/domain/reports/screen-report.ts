import type { Id } from '../types';
import type { AccreditationReport } from './compute-report';
import type { ReportPerson } from './report-data';

// The report as the screen shows it: long tables cut to their first lines, with how many lines the
// whole report has. The screen then holds (and receives from the report worker) a small object; the
// PDF and the files are made from the whole report, asked for when the manager saves one.

/** How many lines each long table has in the whole report. */
export interface ReportRowTotals {
  mentorLoad: number;
  compliancePairs: number;
  evidenceRows: number;
}

export interface ScreenReport {
  report: AccreditationReport;
  totals: ReportRowTotals;
}

export function rowTotalsOf(report: AccreditationReport): ReportRowTotals {
  return {
    mentorLoad: report.census.mentorLoad.length,
    compliancePairs: report.compliance.pairs.length,
    evidenceRows: report.evidence.rows.length,
  };
}

/** The report with its long tables cut to `rows` lines; every figure and short list unchanged. */
export function shortenReport(report: AccreditationReport, rows: number): ScreenReport {
  return {
    report: {
      ...report,
      census: { ...report.census, mentorLoad: report.census.mentorLoad.slice(0, rows) },
      compliance: { ...report.compliance, pairs: report.compliance.pairs.slice(0, rows) },
      evidence: { ...report.evidence, rows: report.evidence.rows.slice(0, rows) },
    },
    totals: rowTotalsOf(report),
  };
}

/** People a recognition letter can be made for: mentors, and anyone who ever mentored a pair; by name. */
export function letterMentors(
  people: readonly Pick<ReportPerson, 'id' | 'name' | 'isMentor'>[],
  mentorIds: Iterable<Id>,
): { id: Id; name: string }[] {
  const mentoring = new Set(mentorIds);
  return people
    .filter((person) => person.isMentor || mentoring.has(person.id))
    .map((person) => ({ id: person.id, name: person.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
