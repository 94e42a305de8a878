import ExcelJS from 'exceljs';
import type { SectionTable } from './tables';

// The workbook: one sheet per section, a bold frozen header row, column widths, and dates as real
// Excel dates. Text that starts like a formula stays text: exceljs writes strings as strings.

/** Sheet names are at most 31 characters and may not contain : \ / ? * [ ]. */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** A calendar date at midnight UTC, which Excel stores as that exact day. */
function excelDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export async function buildWorkbook(
  tables: SectionTable[],
  creator: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: column.width,
      style: column.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    const dateColumns = new Set(table.columns.flatMap((column, i) => (column.kind === 'date' ? [i] : [])));
    for (const row of table.rows) {
      const added = sheet.addRow(
        row.map((cell) => (cell !== null && typeof cell === 'object' ? excelDate(cell.date) : cell)),
      );
      // A date in a text column (the summary sheet) still needs its date format.
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object' && !dateColumns.has(i))
          added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      });
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
