import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { computeReport } from '../renderer/domain/reports/compute-report';
import { resolvePeriod } from '../renderer/domain/reports/period';
import type { ReportData } from '../renderer/domain/reports/report-data';
import { generateSampleClinic } from '../renderer/domain/sample-clinic';
import { ReportDocument } from '../renderer/features/reports/ReportDocument';

// A 12-month accreditation report on the synthetic clinic of 10,000 people and 200,000 meetings:
// how long computing every section takes (aim: under 1 s), and rendering the print layout.

export const name = 'reports';

const TODAY = '2026-01-15';

export async function run(): Promise<Record<string, number | string>> {
  const clinic = generateSampleClinic({ seed: 1, size: 'large', today: TODAY });
  const period = resolvePeriod({ kind: 'last-12-months' }, TODAY);
  // What the repository hands over: the period's meetings in the date index's order, no note text.
  const meetings = clinic.meetings
    .filter((meeting) => meeting.date >= period.start && meeting.date <= period.end)
    .map(({ notes: _notes, ...meeting }) => meeting)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1));
  const data: ReportData = {
    clinicName: clinic.settings.clinicName,
    paperSize: 'A4',
    people: clinic.people,
    programs: clinic.programs,
    relationships: clinic.relationships,
    topics: clinic.topics,
    meetingRange: { start: period.start, end: period.end },
    meetings,
    actionItems: clinic.actionItems.map(({ text: _text, ...item }) => item),
    lastMeetingBeforeRange: {},
  };
  const options = {
    period,
    programIds: 'all' as const,
    today: TODAY,
    generatedAt: new Date().toISOString(),
    appVersion: 'bench',
  };

  computeReport(data, options); // warm-up: the first run pays for the JIT
  const runs: number[] = [];
  let report = computeReport(data, options);
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    report = computeReport(data, options);
    runs.push(performance.now() - started);
  }

  const renderStarted = performance.now();
  const html = renderToStaticMarkup(createElement(ReportDocument, { report, variant: 'print' }));
  const renderMs = performance.now() - renderStarted;

  return {
    people: clinic.people.length,
    pairs: clinic.relationships.length,
    meetingsInClinic: clinic.meetings.length,
    meetingsInPeriod: meetings.length,
    period: `${period.start} to ${period.end}`,
    computeAllSectionsMs: Math.round(Math.min(...runs)),
    computeAllSectionsMedianMs: Math.round([...runs].sort((a, b) => a - b)[1]),
    renderPrintLayoutMs: Math.round(renderMs),
    printLayoutHtmlBytes: html.length,
  };
}
