import { ENCODING_LABELS } from '../../domain/roster-encoding';
import { HEADER_SEARCH_ROWS, type RosterTable } from '../../domain/roster-table';
import { SelectField } from '../../ui/Field';
import type { LoadedRosterFile } from './roster-file';

interface FindTableFormProps {
  file: LoadedRosterFile;
  sheetIndex: number;
  headerIndex: number;
  table: RosterTable | null;
  onSheetChange: (sheetIndex: number) => void;
  onHeaderChange: (headerIndex: number) => void;
}

/** Shown beside a row so the manager recognises it: its first few values. */
function rowSummary(cells: readonly string[]): string {
  const values = cells.map((cell) => cell.trim()).filter(Boolean);
  const shown = values.slice(0, 4).join(', ');
  const text = values.length > 4 ? `${shown}, …` : shown;
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}

/** Step 2: which sheet of a workbook, and which line holds the column names (found, and correctable). */
export function FindTableForm({
  file,
  sheetIndex,
  headerIndex,
  table,
  onSheetChange,
  onHeaderChange,
}: FindTableFormProps) {
  const grid = file.sheets[sheetIndex]?.grid;
  const word = file.kind === 'xlsx' ? 'Row' : 'Line';
  const headerOptions = (grid?.rows ?? []).slice(0, HEADER_SEARCH_ROWS).map((row, index) => ({
    value: String(index),
    label: `${word} ${row.line}: ${rowSummary(row.cells)}`,
  }));
  return (
    <section className="card" aria-labelledby="import-table-heading">
      <h2 id="import-table-heading">2. Find the table</h2>
      {file.encoding && (
        <p className="muted">
          Read as {ENCODING_LABELS[file.encoding]} text. Check that accented names look right in the preview
          below.
        </p>
      )}
      <div className="form-grid">
        {file.sheets.length > 1 && (
          <SelectField
            label="Sheet"
            value={String(sheetIndex)}
            onChange={(value) => onSheetChange(Number(value))}
            options={file.sheets.map((sheet, index) => ({
              value: String(index),
              label: `${sheet.name} (${sheet.grid.rows.length} ${sheet.grid.rows.length === 1 ? 'row' : 'rows'})`,
            }))}
            hint="The workbook has several sheets; the first is read unless you choose another."
          />
        )}
        {headerOptions.length > 0 && (
          <SelectField
            label="Column names are on"
            value={String(headerIndex)}
            onChange={(value) => onHeaderChange(Number(value))}
            options={headerOptions}
            hint="Titles and blank lines above the column names are skipped."
          />
        )}
      </div>
      <TableNotFound file={file} sheetIndex={sheetIndex} table={table} word={word} />
    </section>
  );
}

/** Whether the table found can hold a roster: at least two columns and someone below their names. */
export function isUsableTable(table: RosterTable): boolean {
  return table.headers.length >= 2 && table.rows.length > 0;
}

function TableNotFound({
  file,
  sheetIndex,
  table,
  word,
}: {
  file: LoadedRosterFile;
  sheetIndex: number;
  table: RosterTable | null;
  word: string;
}) {
  if (table && isUsableTable(table)) return null;
  const sheet = file.sheets[sheetIndex];
  const other = file.sheets.length > 1 ? ' Choose the sheet that holds the staff list.' : '';
  let message: string;
  if (!table) message = `“${sheet.name}” is empty.${other}`;
  else if (table.headers.length < 2)
    message = `“${sheet.name}” has a single column of text, not a staff list.${other}`;
  else
    message = `There is nobody below the column names on ${word.toLowerCase()} ${table.headerLine}. Choose the ${word.toLowerCase()} that holds the column names.${other}`;
  return <p role="status">{message}</p>;
}
