import { useState } from 'react';
import type { AccreditationReport } from '../../domain/reports/compute-report';
import { reportTables } from '../../domain/reports/tables';
import { Button } from '../../ui/Button';
import { fileStem, saveCsvFiles, saveWorkbook } from './exports';

interface ExportActionsProps {
  report: AccreditationReport;
  /** Asks the screen to print the report's print layout to a PDF. */
  onSavePdf: () => void;
  busy: boolean;
}

/** The three ways to take the report away: a PDF to print or email, CSV files and one workbook. */
export function ExportActions({ report, onSavePdf, busy }: ExportActionsProps) {
  const [message, setMessage] = useState('');
  const [working, setWorking] = useState(false);
  const stem = fileStem(report.clinicName, report.period.start, report.period.end);

  async function run(what: string, action: () => Promise<string>) {
    setWorking(true);
    setMessage('');
    try {
      setMessage(await action());
    } catch (error) {
      console.error(`Saving the ${what} failed`, error);
      setMessage(`The ${what} could not be saved. Nothing was written; please try again.`);
    } finally {
      setWorking(false);
    }
  }

  return (
    <div className="report-exports">
      <div className="button-row">
        <Button variant="primary" onClick={onSavePdf} disabled={busy || working}>
          Save as PDF
        </Button>
        <Button
          onClick={() =>
            run('workbook', async () =>
              (await saveWorkbook(stem, reportTables(report), `Guiding Hands ${report.appVersion}`))
                ? 'The workbook was saved.'
                : 'The workbook was not saved.',
            )
          }
          disabled={busy || working}
        >
          Save workbook (XLSX)
        </Button>
        <Button
          onClick={() =>
            run('CSV files', async () => {
              const tables = reportTables(report);
              const saved = await saveCsvFiles(stem, tables);
              return saved === tables.length
                ? `${saved} CSV files were saved, one per section.`
                : `${saved} of ${tables.length} CSV files were saved.`;
            })
          }
          disabled={busy || working}
        >
          Save CSV files
        </Button>
      </div>
      <p className="report-exports__status" role="status">
        {working ? 'Saving…' : message}
      </p>
    </div>
  );
}
