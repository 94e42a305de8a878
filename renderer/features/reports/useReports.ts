import { startTransition, useEffect, useState } from 'react';
import {
  type MadeReport,
  openReportSession,
  type ReportProgress,
  type ReportSession,
  ReportSuperseded,
} from '../../data/report-session';
import { loadReportChoices, type ReportChoices } from '../../data/reports.repo';
import { todayIso } from '../../domain/calendar';
import type { ReportPeriod } from '../../domain/reports/period';
import { getPlatform } from '../../platform/platform';
import { SCREEN_ROWS } from './ScreenLimit';

export type { ReportProgress, ReportSession } from '../../data/report-session';

/** What the screen's controls offer; null while it loads, an Error if it could not be read. */
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
        if (live) setChoices(new Error('The programs could not be read. Please try again.'));
      });
    return () => {
      live = false;
    };
  }, []);
  return choices;
}

/**
 * The screen's report session (a worker where there is one), open while the screen is: leaving the
 * screen ends it, and with it everything the report read.
 */
export function useReportSession(): ReportSession | Error | null {
  const [session, setSession] = useState<ReportSession | Error | null>(null);
  useEffect(() => {
    let live = true;
    let opened: ReportSession | null = null;
    openReportSession()
      .then((made) => {
        opened = made;
        if (live) setSession(made);
        else made.close();
      })
      .catch((error: unknown) => {
        console.error('The report worker could not start', error);
        if (live) setSession(new Error('The report could not be made. Please try again.'));
      });
    return () => {
      live = false;
      opened?.close();
    };
  }, []);
  return session;
}

export type ReportState =
  | { status: 'idle' }
  | { status: 'loading'; progress: ReportProgress | null }
  | { status: 'ready'; made: MadeReport }
  | { status: 'failed'; message: string };

/**
 * The report for a period and programs, made once per choice, away from the window. A report is a
 * snapshot: it states when it was generated, so it does not change while the manager reads or prints it.
 */
export function useAccreditationReport(
  session: ReportSession | Error | null,
  period: ReportPeriod | null,
  programIds: string[] | 'all',
): ReportState {
  const [state, setState] = useState<ReportState>({ status: 'idle' });
  const programKey = programIds === 'all' ? 'all' : programIds.join(',');
  useEffect(() => {
    if (session instanceof Error) {
      setState({ status: 'failed', message: session.message });
      return;
    }
    if (!period) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'loading', progress: null });
    if (!session) return;
    let live = true;
    const ids = programKey === 'all' ? 'all' : programKey.split(',');
    getPlatform()
      .getInfo()
      .then((info) =>
        session.make(
          {
            period,
            programIds: ids,
            today: todayIso(),
            generatedAt: new Date().toISOString(),
            appVersion: info.version,
            screenRows: SCREEN_ROWS,
          },
          (progress) => {
            if (live) setState({ status: 'loading', progress });
          },
        ),
      )
      .then((made) => {
        // Drawn as a transition: React draws the report in slices, so the window keeps answering.
        if (live) startTransition(() => setState({ status: 'ready', made }));
      })
      .catch((error: unknown) => {
        if (!live || error instanceof ReportSuperseded) return;
        console.error('The report could not be made', error);
        setState({ status: 'failed', message: 'The report could not be made. Please try again.' });
      });
    return () => {
      live = false;
    };
  }, [session, period, programKey]);
  return state;
}
