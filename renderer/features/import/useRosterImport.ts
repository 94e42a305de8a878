import { useMemo, useState } from 'react';
import { createPeopleInBulk, listPeople } from '../../data/people.repo';
import type { DateOrder } from '../../domain/roster-dates';
import { MAX_ROSTER_BYTES, tooLargeMessage } from '../../domain/roster-encoding';
import {
  type ExistingPerson,
  type ImportChoices,
  type RosterReview,
  reviewRoster,
} from '../../domain/roster-import';
import {
  type ColumnMapping,
  type DateField,
  DEFAULT_IMPORT_DEFAULTS,
  type ImportDefaults,
  suggestMapping,
} from '../../domain/roster-mapping';
import { buildRosterTable, findHeaderRow, type RosterTable } from '../../domain/roster-table';
import type { ProgramRole, TitleMeaning } from '../../domain/roster-values';
import type { CareerStage } from '../../domain/types';
import { describeError } from '../../ui/errors';
import { type LoadedRosterFile, readRosterFile } from './roster-file';

export interface ImportResult {
  imported: number;
  leftOutProblems: number;
  leftOutDuplicates: number;
}

/** Where the table sits in the file: which sheet, and which of its rows holds the column names. */
interface TablePlace {
  sheetIndex: number;
  headerIndex: number;
}

function tableAt(file: LoadedRosterFile, place: TablePlace): RosterTable | null {
  const grid = file.sheets[place.sheetIndex]?.grid;
  if (!grid || grid.rows.length === 0) return null;
  return buildRosterTable(grid, place.headerIndex);
}

/** The import screen's state: the file read, where its table is, the mapping and meanings, the import. */
export function useRosterImport() {
  const [file, setFile] = useState<LoadedRosterFile | null>(null);
  const [place, setPlace] = useState<TablePlace>({ sheetIndex: 0, headerIndex: 0 });
  const [readError, setReadError] = useState<string | null>(null);
  const [chosenFileName, setChosenFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [defaults, setDefaults] = useState<ImportDefaults>(DEFAULT_IMPORT_DEFAULTS);
  const [titles, setTitles] = useState<Record<string, TitleMeaning>>({});
  const [roles, setRoles] = useState<Record<string, ProgramRole>>({});
  const [stages, setStages] = useState<Record<string, CareerStage>>({});
  const [dateOrders, setDateOrders] = useState<Partial<Record<DateField, DateOrder>>>({});
  const [existing, setExisting] = useState<ExistingPerson[]>([]);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const table = useMemo(() => (file ? tableAt(file, place) : null), [file, place]);
  const choices: ImportChoices = useMemo(
    () => ({ defaults, titles, roles, stages, dateOrders, lineWord: file?.kind === 'xlsx' ? 'row' : 'line' }),
    [defaults, titles, roles, stages, dateOrders, file],
  );
  const review: RosterReview | null = useMemo(
    () => (table && mapping ? reviewRoster(table.rows, mapping, existing, choices) : null),
    [table, mapping, existing, choices],
  );

  /** Shows a table found anew: its columns are matched again and earlier meanings forgotten. */
  function showTable(loaded: LoadedRosterFile, next: TablePlace): void {
    setPlace(next);
    const found = tableAt(loaded, next);
    setMapping(found ? suggestMapping(found.headers, found.rows) : null);
    setTitles({});
    setRoles({});
    setStages({});
    setDateOrders({});
  }

  function headerIndexOf(loaded: LoadedRosterFile, sheetIndex: number): number {
    const grid = loaded.sheets[sheetIndex].grid;
    return grid.rows.length === 0 ? 0 : findHeaderRow(grid);
  }

  async function chooseFile(chosen: File): Promise<void> {
    setReading(true);
    setChosenFileName(chosen.name);
    setReadError(null);
    setImportError(null);
    setResult(null);
    setFile(null);
    setMapping(null);
    try {
      if (chosen.size > MAX_ROSTER_BYTES) {
        setReadError(tooLargeMessage(chosen.size));
        return;
      }
      const outcome = await readRosterFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
      if (!outcome.ok) {
        setReadError(outcome.message);
        return;
      }
      setExisting(await listPeople());
      setFile(outcome.file);
      showTable(outcome.file, { sheetIndex: 0, headerIndex: headerIndexOf(outcome.file, 0) });
    } catch (error) {
      setReadError(describeError(error, 'reading the file').message);
    } finally {
      setReading(false);
    }
  }

  function chooseSheet(sheetIndex: number): void {
    if (file) showTable(file, { sheetIndex, headerIndex: headerIndexOf(file, sheetIndex) });
  }

  function chooseHeaderRow(headerIndex: number): void {
    if (file) showTable(file, { sheetIndex: place.sheetIndex, headerIndex });
  }

  /** Adds every ready row in one transaction; on any failure nobody is added. */
  async function importReady(): Promise<void> {
    if (!table || !mapping) return;
    setImporting(true);
    setImportError(null);
    try {
      // Check again against the people stored right now, so nobody is added twice.
      const latest = reviewRoster(table.rows, mapping, await listPeople(), choices);
      if (latest.mappingProblems.length > 0 || latest.ready.length === 0) {
        setImportError('There is nobody left to import: every row has a problem or is already in People.');
        return;
      }
      await createPeopleInBulk(latest.ready.map((row) => row.person));
      setResult({
        imported: latest.ready.length,
        leftOutProblems: latest.problems.length,
        leftOutDuplicates: latest.duplicates.length,
      });
      setFile(null);
      setMapping(null);
    } catch (error) {
      const info = describeError(error, 'importing');
      // Rule errors name the person at fault; the generic message already says nothing changed.
      setImportError(
        info.code && info.code !== 'storage-full' ? `${info.message} Nobody was imported.` : info.message,
      );
    } finally {
      setImporting(false);
    }
  }

  function startOver(): void {
    setChosenFileName(null);
    setFile(null);
    setMapping(null);
    setReadError(null);
    setImportError(null);
    setResult(null);
  }

  return {
    file,
    place,
    table,
    chosenFileName,
    readError,
    reading,
    mapping,
    setMapping,
    choices,
    setDefaults,
    setTitles,
    setRoles,
    setStages,
    setDateOrders,
    review,
    importing,
    importError,
    result,
    chooseFile,
    chooseSheet,
    chooseHeaderRow,
    importReady,
    startOver,
  };
}
