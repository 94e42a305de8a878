import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { MAX_ROSTER_BYTES, tooLargeMessage } from '../../domain/roster-encoding';
import type { GridRow, MergedCells, RosterGrid } from '../../domain/roster-table';

// Reading an Excel workbook (.xlsx) in the renderer with exceljs, from bytes only: no file system. Each
// sheet becomes rows of cell texts numbered as Excel numbers them, with its merged cells. Real Excel
// dates become year-month-day text; numbers stay numbers (a date column of serials is read as dates
// later, from the whole column).

export interface RosterSheet {
  name: string;
  grid: RosterGrid;
}

export type WorkbookOutcome = { ok: true; sheets: RosterSheet[] } | { ok: false; message: string };

/** Reads every sheet of a workbook; rosters are small, so all sheets are read at once. */
export async function readRosterWorkbook(bytes: Uint8Array): Promise<WorkbookOutcome> {
  if (bytes.length > MAX_ROSTER_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  // Loaded on demand: most imports are CSV, and the workbook reader is large.
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // A copy, so the workbook owns exactly the file's bytes whatever buffer they sit in.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return {
      ok: false,
      message:
        'This file looks like an Excel workbook but cannot be opened. It may be damaged, protected by a password, or an older .xls file: open it in your spreadsheet program and save it as an Excel Workbook (.xlsx) or as CSV UTF-8.',
    };
  }
  const sheets = workbook.worksheets.map((sheet) => ({ name: sheet.name, grid: readSheet(sheet) }));
  if (sheets.length === 0) return { ok: false, message: 'The workbook has no sheets.' };
  return { ok: true, sheets };
}

function readSheet(sheet: Worksheet): RosterGrid {
  const rows: GridRow[] = [];
  const merges = new Map<string, MergedCells>();
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const master = cell.master;
      if (master !== cell) {
        // Only the top-left cell of a merged block holds the value; the block itself is remembered.
        const block = merges.get(master.address) ?? {
          top: Number(master.row),
          bottom: Number(master.row),
          left: Number(master.col) - 1,
          right: Number(master.col) - 1,
        };
        block.bottom = Math.max(block.bottom, line);
        block.right = Math.max(block.right, column - 1);
        merges.set(master.address, block);
        cells[column - 1] = '';
        return;
      }
      cells[column - 1] = cellText(cell);
    });
    const filled = Array.from(cells, (cell) => cell ?? '');
    if (filled.some((cell) => cell.trim() !== '')) rows.push({ line, cells: filled });
  });
  return { rows, merges: [...merges.values()], strictWidth: false };
}

function cellText(cell: Cell): string {
  return valueText(cell.value);
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    // exceljs builds dates at midnight UTC from the sheet's day number.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return (text as { richText: { text: string }[] }).richText.map((run) => run.text).join('');
    return value.hyperlink.replace(/^mailto:/i, '');
  }
  if ('formula' in value || 'sharedFormula' in value)
    return valueText((value as { result?: CellValue }).result ?? null);
  return '';
}
