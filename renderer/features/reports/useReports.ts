import { useEffect, useState } from 'react';
import { loadReportChoices, loadReportData, type ReportChoices } from '../../data/reports.repo';
import { todayIso } from '../../domain/calendar';
import { type AccreditationReport, computeReport } from '../../domain/reports/compute-report';
import type { ReportPeriod } from '../../domain/reports/period';
import type { ReportData } from '../../domain/reports/report-data';
import { getPlatform } from '../../platform/platform';

/** What the screen offers to choose from; null while it loads, an Error if it could not be read. */
export function useReportChoices(): ReportChoices | Error | null {
  const [choices, setChoices] = useState<ReportChoices | Error | null>(null);
  useEffect(() => {
    let live = true;
    loadReportChoices()
      .then((loaded) => {
        if (live) setChoices(loaded);
      })
      .catch((error: unknown) => {
        console.error('The report choices could not be read', error);
        if (live) setChoices(new Error('The programs and mentors could not be read. Please try again.'));
      });
    return () => {
      live = false;
    };
  }, []);
  return choices;
}

export type ReportState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; report: AccreditationReport; data: ReportData }
  | { status: 'failed'; message: string };

/**
 * The report for a period and programs, computed once per choice. A report is a snapshot: it states
 * when it was generated, so it does not change while the manager reads or prints it.
 */
export function useAccreditationReport(
  period: ReportPeriod | null,
  programIds: string[] | 'all',
): ReportState {
  const [state, setState] = useState<ReportState>({ status: 'idle' });
  const programKey = programIds === 'all' ? 'all' : programIds.join(',');
  useEffect(() => {
    if (!period) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    const ids = programKey === 'all' ? 'all' : programKey.split(',');
    Promise.all([loadReportData(period), getPlatform().getInfo()])
      .then(([data, info]) => {
        if (!live) return;
        const report = computeReport(data, {
          period,
          programIds: ids,
          today: todayIso(),
          generatedAt: new Date().toISOString(),
          appVersion: info.version,
        });
        setState({ status: 'ready', report, data });
      })
      .catch((error: unknown) => {
        console.error('The report could not be made', error);
        if (live) setState({ status: 'failed', message: 'The report could not be made. Please try again.' });
      });
    return () => {
      live = false;
    };
  }, [period, programKey]);
  return state;
}
