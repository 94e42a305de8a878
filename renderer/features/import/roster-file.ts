import {
  looksLikeWorkbook,
  MAX_ROSTER_BYTES,
  type RosterEncoding,
  tooLargeMessage,
} from '../../domain/roster-encoding';
import { readCsvFile } from './roster-csv';
import { type RosterSheet, readRosterWorkbook } from './roster-xlsx';

// One door for every roster file: the bytes decide whether it is an Excel workbook or CSV text, so a
// workbook saved with a .csv name, or the reverse, still reads.

export interface LoadedRosterFile {
  fileName: string;
  kind: 'csv' | 'xlsx';
  /** The text encoding a CSV file was read in; null for a workbook. */
  encoding: RosterEncoding | null;
  /** A CSV file is one sheet. */
  sheets: RosterSheet[];
}

export type RosterFileOutcome = { ok: true; file: LoadedRosterFile } | { ok: false; message: string };

export async function readRosterFile(fileName: string, bytes: Uint8Array): Promise<RosterFileOutcome> {
  if (bytes.length > MAX_ROSTER_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  if (looksLikeWorkbook(bytes)) {
    const workbook = await readRosterWorkbook(bytes);
    if (!workbook.ok) return workbook;
    return { ok: true, file: { fileName, kind: 'xlsx', encoding: null, sheets: workbook.sheets } };
  }
  const csv = readCsvFile(bytes);
  if (!csv.ok) return csv;
  return {
    ok: true,
    file: { fileName, kind: 'csv', encoding: csv.encoding, sheets: [{ name: fileName, grid: csv.grid }] },
  };
}
