import { useMemo, useState } from 'react';
import type { AccreditationReport } from '../../domain/reports/compute-report';
import { reportTables } from '../../domain/reports/tables';
import { isStorageFullError } from '../../domain/storage-full';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { fileStem, saveCsvFile, saveCsvZip, saveWorkbook } from './exports';

interface ExportActionsProps {
  /** The report as the screen shows it (long tables shortened). */
  report: AccreditationReport;
  /** Every line of it, asked for only when a file is saved. */
  fullReport: () => Promise<AccreditationReport>;
  /** Asks the screen to print the report's print layout to a PDF. */
  onSavePdf: () => void;
  busy: boolean;
}

/** The three ways to take the report away: a PDF to print or email, CSV files and one workbook. */
export function ExportActions({ report, fullReport, onSavePdf, busy }: ExportActionsProps) {
  const [message, setMessage] = useState('');
  const [working, setWorking] = useState(false);
  const [csvSection, setCsvSection] = useState('all');
  // The sections and their titles, for the choice of CSV file; the files are made from the whole report.
  const tables = useMemo(() => reportTables(report), [report]);
  const fullTables = async () => reportTables(await fullReport());
  const stem = fileStem(report.clinicName, 'report', report.period.start, report.period.end);

  async function run(what: string, action: () => Promise<string>) {
    setWorking(true);
    setMessage('');
    try {
      setMessage(await action());
    } catch (error) {
      console.error(`Saving the ${what} failed`, error);
      setMessage(
        isStorageFullError(error)
          ? `The ${what} could not be saved: the disk is full. Make room on it (or save onto a USB stick), then try again.`
          : `The ${what} could not be saved. Nothing was written; please try again.`,
      );
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
              (await saveWorkbook(stem, await fullTables(), `Guiding Hands ${report.appVersion}`))
                ? 'The workbook was saved.'
                : 'The workbook was not saved.',
            )
          }
          disabled={busy || working}
        >
          Save workbook (XLSX)
        </Button>
      </div>
      <div className="report-exports__csv">
        <SelectField
          label="CSV files"
          value={csvSection}
          onChange={setCsvSection}
          options={[
            { value: 'all', label: `Every section (${tables.length} files in one .zip)` },
            ...tables.map((table) => ({ value: table.id, label: table.title })),
          ]}
        />
        <Button
          onClick={() =>
            run(csvSection === 'all' ? 'zip of CSV files' : 'CSV file', async () => {
              if (csvSection === 'all')
                return (await saveCsvZip(stem, await fullTables()))
                  ? `The ${tables.length} CSV files were saved together in one .zip file.`
                  : 'The CSV files were not saved.';
              const chosen = (await fullTables()).find((table) => table.id === csvSection);
              if (!chosen) return 'Choose a section to save.';
              return (await saveCsvFile(stem, chosen))
                ? 'The CSV file was saved.'
                : 'The CSV file was not saved.';
            })
          }
          disabled={busy || working}
        >
          Save CSV
        </Button>
      </div>
      <p className="report-exports__status" role="status">
        {working ? 'Saving…' : message}
      </p>
    </div>
  );
}
