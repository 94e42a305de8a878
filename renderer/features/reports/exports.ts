import { tableToCsvBytes } from '../../domain/reports/csv';
import type { SectionTable } from '../../domain/reports/tables';
import type { PaperSize } from '../../domain/types';
import { getPlatform } from '../../platform/platform';

// Saving the report's files through the platform: a save dialog in the desktop app, downloads in
// the browser. File names say who, what and when: "riverside-clinic-report-2024-07-01-to-2025-06-30".

export function fileStem(
  who: string,
  what: 'report' | 'recognition-letter',
  start: string,
  end: string,
): string {
  const name =
    who
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'clinic';
  return `${name}-${what}-${start}-to-${end}`;
}

export async function savePdf(suggestedName: string, paperSize: PaperSize): Promise<boolean> {
  const result = await getPlatform().printToPdf({ suggestedName: `${suggestedName}.pdf`, paperSize });
  return result.saved;
}

/** Saves one CSV file per section; stops at the first one the manager cancels. */
export async function saveCsvFiles(stem: string, tables: SectionTable[]): Promise<number> {
  let saved = 0;
  for (const table of tables) {
    const result = await getPlatform().saveAs({
      suggestedName: `${stem}-${table.id}.csv`,
      filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
      data: tableToCsvBytes(table),
    });
    if (!result.saved) break;
    saved++;
  }
  return saved;
}

export async function saveWorkbook(stem: string, tables: SectionTable[], creator: string): Promise<boolean> {
  // The workbook library is large: loaded only when the manager asks for a workbook.
  const { buildWorkbook } = await import('../../domain/reports/xlsx');
  const data = await buildWorkbook(tables, creator);
  const result = await getPlatform().saveAs({
    suggestedName: `${stem}.xlsx`,
    filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
    data,
  });
  return result.saved;
}
