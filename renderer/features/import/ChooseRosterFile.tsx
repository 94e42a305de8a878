import { type ChangeEvent, useId, useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { Button } from '../../ui/Button';
import { describeError } from '../../ui/errors';
import { FormError } from '../../ui/Field';
import { ImportFormatGuide } from './ImportFormatGuide';
import { rosterTemplateCsv } from './roster-csv';

const ACCEPTED_FILES = [
  '.xlsx',
  '.csv',
  '.txt',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

interface ChooseRosterFileProps {
  onChoose: (file: File) => void;
  reading: boolean;
  /** The file chosen last, shown because the input is cleared to let the same file be chosen again. */
  fileName: string | null;
  /** Whether that file could be read. */
  readOk: boolean;
}

/** Step 1: a labelled file input for a workbook or CSV (keyboard-operable as any input) and the template to start from. */
export function ChooseRosterFile({ onChoose, reading, fileName, readOk }: ChooseRosterFileProps) {
  const inputId = useId();
  const [templateMessage, setTemplateMessage] = useState<string | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);

  function change(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again, after fixing it, reads it again.
    event.target.value = '';
    if (file) onChoose(file);
  }

  async function saveTemplate() {
    setTemplateMessage(null);
    setTemplateError(null);
    try {
      const saved = await getPlatform().saveAs({
        suggestedName: 'guiding-hands-roster-template.csv',
        filters: [{ name: 'CSV file', extensions: ['csv'] }],
        data: new TextEncoder().encode(rosterTemplateCsv()),
      });
      if (saved.saved)
        setTemplateMessage(
          'The template was saved. Fill it in with a spreadsheet program, save it as an Excel workbook or as CSV, and choose it here.',
        );
    } catch (error) {
      setTemplateError(describeError(error, 'saving the template').message);
    }
  }

  return (
    <section className="card" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>1. Choose the file</h2>
      <p>
        Choose the staff list as your HR or scheduling system exports it: an <strong>Excel workbook</strong>{' '}
        (.xlsx) or a <strong>CSV file</strong>, one person per line. A title above the column names, accented
        names and dates such as 03/15/2019 or 15.03.2019 are fine.
      </p>
      <ImportFormatGuide />
      <div className="field">
        <label htmlFor={inputId}>Roster file (Excel or CSV)</label>
        <input
          id={inputId}
          type="file"
          accept={ACCEPTED_FILES}
          onChange={change}
          disabled={reading}
          aria-describedby={`${inputId}-hint`}
        />
        <p id={`${inputId}-hint`} className="field__hint">
          {fileHint(reading, fileName, readOk)}
        </p>
      </div>
      <div className="button-row">
        <Button onClick={saveTemplate}>Download a template (CSV)</Button>
      </div>
      {templateMessage && (
        <p role="status" className="muted">
          {templateMessage}
        </p>
      )}
      <FormError message={templateError} />
    </section>
  );
}

function fileHint(reading: boolean, fileName: string | null, readOk: boolean): string {
  if (reading) return 'Reading the file…';
  if (!fileName) return 'No file chosen yet.';
  return readOk ? `Read from “${fileName}”.` : `“${fileName}” could not be read; see the message below.`;
}
