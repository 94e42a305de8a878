import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { formatDisplayMoment } from '../../domain/date-format';
import {
  academicYearOf,
  formatPeriodRange,
  type PeriodChoice,
  resolvePeriod,
} from '../../domain/reports/period';
import type { RecognitionLetter } from '../../domain/reports/recognition-letter';
import type { PaperSize } from '../../domain/types';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { PrintPortal } from '../../ui/PrintPortal';
import { ExportActions } from './ExportActions';
import { fileStem, savePdf } from './exports';
import { LetterCard } from './LetterCard';
import { PeriodChooser, type PeriodForm } from './PeriodChooser';
import { RecognitionLetterDocument } from './RecognitionLetterDocument';
import { ReportDocument } from './ReportDocument';
import { programList } from './ReportHeader';
import { useAccreditationReport, useReportChoices } from './useReports';
import './reports.css';

type PrintJob =
  | { target: 'report'; name: string }
  | { target: 'letter'; name: string; letter: RecognitionLetter };

export function ReportsScreen() {
  const choices = useReportChoices();
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

  const resolved = useMemo(() => {
    try {
      return { period: resolvePeriod(toChoice(form), today), error: null };
    } catch (error) {
      return { period: null, error: error instanceof Error ? error.message : 'Choose a period.' };
    }
  }, [form, today]);
  const state = useAccreditationReport(resolved.period, programId === 'all' ? 'all' : [programId]);
  const paperSize: PaperSize = choices && !(choices instanceof Error) ? choices.paperSize : 'A4';
  const report = state.status === 'ready' ? state.report : null;
  // The print layout (every meeting of the log) is drawn after the screen, without holding it up.
  const printReport = useDeferredValue(report, null);
  const printReady = report !== null && printReport === report;

  // Print only once the print layout shows the chosen document.
  useEffect(() => {
    if (!printJob || !printReady) return;
    let live = true;
    savePdf(printJob.name, paperSize)
      .then((saved) => {
        if (live && saved) setPrintMessage('The PDF was saved.');
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
  }, [printJob, printReady, paperSize]);

  if (!choices) return <Loading what="Loading reports" />;
  if (choices instanceof Error)
    return (
      <>
        <PageHeader title="Reports" />
        <p className="form-error" role="alert">
          {choices.message}
        </p>
      </>
    );
  const firstYear = choices.firstMeetingDate ? Number(choices.firstMeetingDate.slice(0, 4)) : currentYear;
  const years = yearsFrom(Math.min(firstYear, currentYear - 1), currentYear);

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
              ...choices.programs.map((program) => ({ value: program.id, label: program.name })),
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
            busy={printJob !== null || !printReady}
            onSavePdf={() =>
              setPrintJob({
                target: 'report',
                name: fileStem(report.clinicName, 'report', report.period.start, report.period.end),
              })
            }
          />
        )}
        {printMessage && <p role="status">{printMessage}</p>}
      </Card>

      {state.status === 'loading' && <Loading what="Making the report" />}
      {state.status === 'failed' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {report && state.status === 'ready' && (
        <>
          <div className="report-screen">
            <ReportDocument report={report} variant="screen" />
          </div>
          <LetterCard
            data={state.data}
            period={report.period}
            mentors={choices.mentors}
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
          {printReport && (
            <PrintPortal
              className="report-print"
              paperSize={paperSize}
              runningHeader={
                printJob?.target === 'letter'
                  ? printReport.clinicName
                  : `${printReport.clinicName} · ${printReport.period.name}: ${formatPeriodRange(printReport.period)} · ${programList(printReport)}`
              }
              runningFooter={`Generated ${formatDisplayMoment(printReport.generatedAt)} by Guiding Hands ${printReport.appVersion}`}
            >
              {printJob?.target === 'letter' ? (
                <RecognitionLetterDocument letter={printJob.letter} issuedOn={today} />
              ) : (
                <ReportDocument report={printReport} variant="print" />
              )}
            </PrintPortal>
          )}
        </>
      )}
    </>
  );
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
