import Papa from 'papaparse';
import { decodeRosterBytes, type RosterEncoding } from '../../domain/roster-encoding';
import { TEMPLATE_HEADERS } from '../../domain/roster-mapping';
import {
  buildRosterTable,
  findHeaderRow,
  type GridRow,
  type RosterGrid,
  type RosterTable,
} from '../../domain/roster-table';

// Reading a CSV roster: bytes → text (UTF-8, UTF-16 or Windows-1252) → rows of cells, each with the
// line it starts on in the file. Commas, semicolons and tabs are recognised. Anything that makes the
// whole file unreadable comes back as one plain message; problems of a single line stay with it.

export type CsvGridOutcome = { ok: true; grid: RosterGrid } | { ok: false; message: string };

const SAVE_AS_CSV =
  'In your spreadsheet program, choose Save As and the type “CSV UTF-8 (comma delimited)”, or choose the Excel workbook (.xlsx) itself.';

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Splits CSV text into its non-blank records, each numbered by the line it starts on. */
export function parseCsvGrid(input: string): CsvGridOutcome {
  // One kind of line break makes line counting exact; values keep their line breaks as "\n".
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    return { ok: false, message: 'The file is empty: it has no header line and no people.' };

  const rows: GridRow[] = [];
  let fatal: string | null = null;
  let segmentStart = 0;
  let linesBefore = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    step(result, parser) {
      const segment = text.slice(segmentStart, result.meta.cursor);
      const line = linesBefore + firstContentLine(segment, result.meta.delimiter);
      linesBefore += countLineBreaks(segment);
      segmentStart = result.meta.cursor;
      if (result.errors.some((error) => error.type === 'Quotes')) {
        fatal = unclosedQuoteMessage(line);
        parser.abort();
        return;
      }
      if (!isBlank(result.data)) rows.push({ line, cells: result.data });
    },
  });
  if (fatal) return { ok: false, message: fatal };
  if (rows.length === 0)
    return { ok: false, message: 'The file is empty: it has no header line and no people.' };
  if (Math.max(...rows.map((row) => row.cells.length)) < 2)
    return { ok: false, message: oneColumnMessage(rows[0].cells[0] ?? '') };
  return { ok: true, grid: { rows, merges: [], strictWidth: true } };
}

export type RosterTextOutcome =
  | ({ ok: true; grid: RosterGrid; headerIndex: number } & RosterTable)
  | { ok: false; message: string };

/** Reads CSV text into the table below its header line, found among the first lines. */
export function parseRosterText(input: string): RosterTextOutcome {
  const parsed = parseCsvGrid(input);
  if (!parsed.ok) return parsed;
  const headerIndex = findHeaderRow(parsed.grid);
  const table = buildRosterTable(parsed.grid, headerIndex);
  if (table.rows.length === 0)
    return { ok: false, message: 'The file has a header line but no people below it.' };
  return { ok: true, grid: parsed.grid, headerIndex, ...table };
}

function unclosedQuoteMessage(line: number): string {
  return `Line ${line} has a quotation mark (") that is never closed, so the rest of the file cannot be read safely. Fix the quotation marks on that line, or open the file in your spreadsheet program and save it again as CSV.`;
}

function oneColumnMessage(header: string): string {
  const shown = header.length > 60 ? `${header.slice(0, 60)}…` : header;
  return `We found only one column (“${shown}”). A roster CSV separates its columns with commas; semicolons and tabs work too. ${SAVE_AS_CSV}`;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** 1-based line, within a chunk of text, of its first line holding more than blanks and delimiters. */
function firstContentLine(segment: string, delimiter: string): number {
  const index = segment
    .split('\n')
    .findIndex((line) => line.split(delimiter).join('').replace(/"/g, '').trim() !== '');
  return index === -1 ? 1 : index + 1;
}

export type CsvFileOutcome =
  | { ok: true; grid: RosterGrid; encoding: RosterEncoding }
  | { ok: false; message: string };

/** Reads a CSV file's bytes into numbered rows of cells, with the encoding it was read in. */
export function readCsvFile(bytes: Uint8Array): CsvFileOutcome {
  const decoded = decodeRosterBytes(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseCsvGrid(decoded.text);
  if (!parsed.ok) return parsed;
  return { ok: true, grid: parsed.grid, encoding: decoded.encoding };
}

/** The template offered for download: the header only, with a byte-order mark so Excel reads it as UTF-8. */
export function rosterTemplateCsv(): string {
  return `\uFEFF${Papa.unparse({ fields: [...TEMPLATE_HEADERS], data: [] }, { newline: '\r\n' })}\r\n`;
}
