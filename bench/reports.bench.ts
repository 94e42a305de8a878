import Dexie from 'dexie';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { getDb, switchDatabase } from '../renderer/data/db';
import { loadReportData } from '../renderer/data/reports.repo';
import { type AccreditationReport, computeReport } from '../renderer/domain/reports/compute-report';
import { type ReportPeriod, resolvePeriod } from '../renderer/domain/reports/period';
import type { ReportData } from '../renderer/domain/reports/report-data';
import { ReportDocument } from '../renderer/features/reports/ReportDocument';
import { BENCH_TODAY, fillDatabase } from './fill-database';
import { measure, megabytes } from './suite';

// A 12-month accreditation report on the synthetic clinic (10,000 people, 20,000 pairs, 200,000
// meetings), the way the Reports screen makes it: load the period from IndexedDB, compute every
// section (aim: under 1 s), render the print layout into the page. The demo clinic, a normal clinic's
// size, is measured end to end beside it (aim: on screen within a second).

export const name = 'reports';

const TODAY = BENCH_TODAY;

function compute(data: ReportData, period: ReportPeriod): AccreditationReport {
  return computeReport(data, {
    period,
    programIds: 'all',
    today: TODAY,
    generatedAt: new Date().toISOString(),
    appVersion: 'bench',
  });
}

/** Renders the report into the page, synchronously, and returns how many table rows it drew. */
function renderReport(report: AccreditationReport, variant: 'screen' | 'print'): number {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() => root.render(createElement(ReportDocument, { report, variant })));
  const rows = host.querySelectorAll('tr').length;
  root.unmount();
  host.remove();
  return rows;
}

const ms = (value: number) => Math.round(value);

export async function run(): Promise<Record<string, number | string>> {
  const period = resolvePeriod({ kind: 'last-12-months' }, TODAY);
  const largeName = `bench-reports-large-${Date.now()}`;
  const demoName = `bench-reports-demo-${Date.now()}`;
  try {
    switchDatabase(largeName);
    await fillDatabase('large');
    const load = await measure(() => loadReportData(period));
    const data = load.result;

    compute(data, period); // warm-up: the first run pays for compiling the code
    const runs: number[] = [];
    let report = compute(data, period);
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      report = compute(data, period);
      runs.push(performance.now() - started);
    }
    runs.sort((a, b) => a - b);
    const screen = await measure(async () => renderReport(report, 'screen'));
    const render = await measure(async () => renderReport(report, 'print'));

    switchDatabase(demoName);
    await fillDatabase('demo');
    const demo = await measure(async () => {
      const demoData = await loadReportData(period);
      return renderReport(compute(demoData, period), 'screen');
    });

    return {
      people: data.people.length,
      pairs: data.relationships.length,
      'meetings in the period': data.meetings.length,
      'load the period from IndexedDB (ms)': ms(load.ms),
      'compute every section, median of 5 (ms) [aim < 1000]': ms(runs[2]),
      'compute every section, fastest (ms)': ms(runs[0]),
      'render the report on screen (ms)': ms(screen.ms),
      'render the print layout (ms)': ms(render.ms),
      'print layout table rows': render.result,
      'render peak memory (MB)': megabytes(render.peakBytes),
      'demo clinic: load, compute and render (ms) [aim < 1000]': ms(demo.ms),
    };
  } finally {
    getDb().close();
    await Dexie.delete(largeName);
    await Dexie.delete(demoName);
    switchDatabase(`bench-reports-idle-${Date.now()}`);
  }
}
