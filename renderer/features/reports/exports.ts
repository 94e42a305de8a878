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

/** The name a section's CSV file has, alone or inside the zip, so a file taken out still says what it is. */
export function sectionCsvName(stem: string, table: Pick<SectionTable, 'id'>): string {
  return `${stem}-${table.id}.csv`;
}

/** Saves one section as a CSV file. */
export async function saveCsvFile(stem: string, table: SectionTable): Promise<boolean> {
  const result = await getPlatform().saveAs({
    suggestedName: sectionCsvName(stem, table),
    filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
    data: tableToCsvBytes(table),
  });
  return result.saved;
}

/** Saves every section's CSV file in one .zip: one save, not one dialog per section. */
export async function saveCsvZip(stem: string, tables: SectionTable[]): Promise<boolean> {
  // Loaded only when asked for, like the workbook library.
  const { zipFiles } = await import('../../domain/reports/zip');
  const data = await zipFiles(
    tables.map((table) => ({ name: sectionCsvName(stem, table), data: tableToCsvBytes(table) })),
  );
  const result = await getPlatform().saveAs({
    suggestedName: `${stem}-csv.zip`,
    filters: [{ name: 'Zip archive of CSV files', extensions: ['zip'] }],
    data,
  });
  return result.saved;
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
