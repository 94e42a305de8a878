import type { SectionTable, TableCell } from './tables';

// CSV files a spreadsheet opens safely: UTF-8 with a byte-order mark (so Excel reads accented names
// correctly), CRLF line ends, and text that starts like a formula made inert with a leading apostrophe.

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula, made plain: "=SUM(A1)" → "'=SUM(A1)". */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'object') return cell.date;
  return neutraliseFormula(cell);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV text, starting with the byte-order mark. */
export function tableToCsv(table: Pick<SectionTable, 'columns' | 'rows'>): string {
  const lines = [table.columns.map((column) => quote(neutraliseFormula(column.header))).join(',')];
  for (const row of table.rows) lines.push(row.map((cell) => quote(cellText(cell))).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** The CSV file's bytes. */
export function tableToCsvBytes(table: Pick<SectionTable, 'columns' | 'rows'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(tableToCsv(table));
}
