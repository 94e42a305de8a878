import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { formatDisplayMoment } from '../../domain/date-format';
import type { AccreditationReport } from '../../domain/reports/compute-report';
import {
  academicYearOf,
  formatPeriodRange,
  type PeriodChoice,
  resolvePeriod,
} from '../../domain/reports/period';
import type { RecognitionLetter } from '../../domain/reports/recognition-letter';
import type { PaperSize } from '../../domain/types';
import { getPlatform } from '../../platform/platform';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { PrintPortal } from '../../ui/PrintPortal';
import { takeOverPrint } from '../../ui/print-handler';
import { ExportActions } from './ExportActions';
import { fileStem, savePdf } from './exports';
import { LetterCard } from './LetterCard';
import { PeriodChooser, type PeriodForm } from './PeriodChooser';
import { QuestionnairesReportSection } from './QuestionnairesReportSection';
import { RecognitionLetterDocument } from './RecognitionLetterDocument';
import { REPORT_PARTS, ReportDocument } from './ReportDocument';
import { programList } from './ReportHeader';
import { ReportProgress } from './ReportProgress';
import { useAccreditationReport, useReportChoices, useReportSession } from './useReports';
import './reports.css';

/** What is being printed: the report (to a PDF, or File → Print) or a recognition letter. */
type PrintJob =
  | { target: 'report'; to: 'pdf' | 'printer'; name: string }
  | { target: 'letter'; name: string; letter: RecognitionLetter };

export function ReportsScreen() {
  const choices = useReportChoices();
  const session = useReportSession();
  const today = todayIso();
  const currentAcademicYear = academicYearOf(today);
  const currentYear = Number(today.slice(0, 4));
  const [form, setForm] = useState<PeriodForm>({
    kind: 'last-12-months',
    academicYear: currentAcademicYear - 1,
    calendarYear: currentYear - 1,
    customStart: '',
    customEnd: today,
  });
  const [programId, setProgramId] = useState('all');
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const [printMessage, setPrintMessage] = useState('');
  // The whole report for the print layout: drawn only once a PDF or a print is asked for.
  const [printReport, setPrintReport] = useState<AccreditationReport | null>(null);

  const resolved = useMemo(() => {
    try {
      return { period: resolvePeriod(toChoice(form), today), error: null };
    } catch (error) {
      return { period: null, error: error instanceof Error ? error.message : 'Choose a period.' };
    }
  }, [form, today]);
  const state = useAccreditationReport(session, resolved.period, programId === 'all' ? 'all' : [programId]);
  const paperSize: PaperSize = choices && !(choices instanceof Error) ? choices.paperSize : 'A4';
  const made = state.status === 'ready' ? state.made : null;
  const questionnairesSection = made?.questionnaires ? (
    <QuestionnairesReportSection section={made.questionnaires} />
  ) : null;
  const report = made?.report ?? null;
  const printMatches =
    printReport !== null && report !== null && printReport.generatedAt === report.generatedAt;
  // The report is drawn a part at a time, each in a task of its own, then its questionnaires and the
  // letter card: drawn at once, the whole of it held the window for one long task.
  const drawn = useStepwise(report?.generatedAt ?? null, REPORT_PARTS + 2);

  // A new report (another period or program) makes the old print layout stale: let it go.
  useEffect(() => {
    if (printReport && !printMatches) setPrintReport(null);
  }, [printReport, printMatches]);

  // The report's print layout is fetched from the worker and drawn when a print job asks for it.
  const needsReportLayout = printJob?.target === 'report' && !printMatches;
  useEffect(() => {
    if (!needsReportLayout || !made || !session || session instanceof Error) return;
    let live = true;
    session
      .full()
      .then((full) => {
        if (live) startTransition(() => setPrintReport(full));
      })
      .catch((error: unknown) => {
        console.error('The report could not be laid out for printing', error);
        if (live) {
          setPrintMessage('The report could not be laid out for printing. Please try again.');
          setPrintJob(null);
        }
      });
    return () => {
      live = false;
    };
  }, [needsReportLayout, made, session]);

  // Print only once the print layout shows the chosen document.
  const layoutReady = printJob !== null && (printJob.target === 'letter' || printMatches);
  useEffect(() => {
    if (!printJob || !layoutReady) return;
    let live = true;
    const printing =
      printJob.target === 'report' && printJob.to === 'printer'
        ? getPlatform()
            .print()
            .then(() => '')
        : savePdf(printJob.name, paperSize).then((saved) => (saved ? 'The PDF was saved.' : ''));
    printing
      .then((message) => {
        if (live && message) setPrintMessage(message);
      })
      .catch((error: unknown) => {
        console.error('Printing to PDF failed', error);
        if (live) setPrintMessage('The PDF could not be saved. Nothing was written; please try again.');
      })
      .finally(() => {
        if (live) setPrintJob(null);
      });
    return () => {
      live = false;
    };
  }, [printJob, layoutReady, paperSize]);

  const printReportJob = useCallback(
    (to: 'pdf' | 'printer') => {
      if (!report) return;
      setPrintMessage('');
      setPrintJob({
        target: 'report',
        to,
        name: fileStem(report.clinicName, 'report', report.period.start, report.period.end),
      });
    },
    [report],
  );

  // File → Print, and Ctrl/Cmd+P in a browser, print the whole report, drawn for it first.
  useEffect(() => {
    if (!report) return;
    const release = takeOverPrint(() => printReportJob('printer'));
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p' && !event.altKey) {
        event.preventDefault();
        printReportJob('printer');
      }
    };
    // The desktop app's menu has Ctrl/Cmd+P already (it arrives as File → Print).
    const browser = getPlatform().kind !== 'electron';
    if (browser) window.addEventListener('keydown', onKey);
    return () => {
      release();
      if (browser) window.removeEventListener('keydown', onKey);
    };
  }, [report, printReportJob]);

  if (choices instanceof Error)
    return (
      <>
        <PageHeader title="Reports" />
        <p className="form-error" role="alert">
          {choices.message}
        </p>
      </>
    );
  // The controls show at once; the clinic's programs and its first year join them once read (a few
  // records, read beside the report's own reading in its worker).
  const programs = choices?.programs ?? [];
  const firstYear = choices?.firstMeetingDate ? Number(choices.firstMeetingDate.slice(0, 4)) : currentYear;
  const years = yearsFrom(Math.min(firstYear, currentYear - 1), currentYear);
  const preparing = printJob?.target === 'report' && !printMatches;

  return (
    <>
      <PageHeader title="Reports" />
      <Card title="Accreditation report">
        <form className="report-controls" onSubmit={(event) => event.preventDefault()}>
          <PeriodChooser form={form} onChange={setForm} years={years} error={resolved.error} />
          <SelectField
            label="Programs"
            value={programId}
            onChange={setProgramId}
            options={[
              { value: 'all', label: 'All programs' },
              ...programs.map((program) => ({ value: program.id, label: program.name })),
            ]}
          />
        </form>
        {resolved.period && <p className="muted">{formatPeriodRange(resolved.period)}</p>}
        {resolved.error && form.kind !== 'custom' && (
          <p className="form-error" role="alert">
            {resolved.error}
          </p>
        )}
        {report && (
          <ExportActions
            report={report}
            fullReport={() => {
              if (!session || session instanceof Error) throw new Error('No report session.');
              return session.full();
            }}
            busy={printJob !== null}
            onSavePdf={() => printReportJob('pdf')}
          />
        )}
        {preparing && <p role="status">Laying out every page of the report for printing…</p>}
        {printMessage && <p role="status">{printMessage}</p>}
      </Card>

      {state.status === 'loading' && <ReportProgress progress={state.progress} />}
      {state.status === 'failed' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {made && report && (
        <>
          <div className="report-screen">
            <ReportDocument report={report} totals={made.totals} variant="screen" parts={drawn} />
            {drawn > REPORT_PARTS && questionnairesSection}
          </div>
          {drawn > REPORT_PARTS + 1 && (
            <LetterCard
              makeLetter={(mentorId) => {
                if (!session || session instanceof Error) throw new Error('No report session.');
                return session.letter(mentorId);
              }}
              reportKey={report.generatedAt}
              mentors={made.mentors}
              issuedOn={today}
              busy={printJob !== null}
              onSavePdf={(letter) =>
                setPrintJob({
                  target: 'letter',
                  letter,
                  name: fileStem(
                    letter.mentorName,
                    'recognition-letter',
                    report.period.start,
                    report.period.end,
                  ),
                })
              }
            />
          )}
          {printJob?.target === 'letter' ? (
            <PrintPortal
              className="report-print"
              paperSize={paperSize}
              runningHeader={report.clinicName}
              runningFooter={`Generated ${formatDisplayMoment(report.generatedAt)} by Guiding Hands ${report.appVersion}`}
            >
              <RecognitionLetterDocument letter={printJob.letter} issuedOn={today} />
            </PrintPortal>
          ) : (
            printReport &&
            printMatches && (
              <PrintPortal
                className="report-print"
                paperSize={paperSize}
                runningHeader={`${printReport.clinicName} · ${printReport.period.name}: ${formatPeriodRange(printReport.period)} · ${programList(printReport)}`}
                runningFooter={`Generated ${formatDisplayMoment(printReport.generatedAt)} by Guiding Hands ${printReport.appVersion}`}
              >
                <ReportDocument report={printReport} variant="print" />
                {questionnairesSection}
              </PrintPortal>
            )
          )}
        </>
      )}
    </>
  );
}

/**
 * How many of `total` parts to draw of what `key` names: one at first, then one more in each task
 * after, so that no single task draws it all. Starts again when the key changes.
 */
function useStepwise(key: string | null, total: number): number {
  const [drawn, setDrawn] = useState({ key, parts: 1 });
  const parts = drawn.key === key ? drawn.parts : 1;
  useEffect(() => {
    if (key === null || parts >= total) return;
    const timer = setTimeout(() => setDrawn({ key, parts: parts + 1 }), 0);
    return () => clearTimeout(timer);
  }, [key, parts, total]);
  return parts;
}

function toChoice(form: PeriodForm): PeriodChoice {
  switch (form.kind) {
    case 'academic-year':
      return { kind: 'academic-year', startYear: form.academicYear };
    case 'calendar-year':
      return { kind: 'calendar-year', year: form.calendarYear };
    case 'custom':
      return { kind: 'custom', start: form.customStart, end: form.customEnd };
    default:
      return { kind: form.kind };
  }
}

function yearsFrom(first: number, last: number): number[] {
  const years: number[] = [];
  for (let year = last; year >= first; year--) years.push(year);
  return years;
}
