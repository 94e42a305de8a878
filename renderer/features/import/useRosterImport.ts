import { useMemo, useState } from 'react';
import { createPeopleInBulk, listPeople } from '../../data/people.repo';
import {
  type ColumnMapping,
  DEFAULT_IMPORT_DEFAULTS,
  type ExistingPerson,
  type ImportDefaults,
  type RosterReview,
  type RosterRow,
  reviewRoster,
  suggestMapping,
} from '../../domain/roster-import';
import { describeError } from '../../ui/errors';
import { MAX_ROSTER_BYTES, readRosterFile } from './roster-csv';

export interface LoadedRoster {
  fileName: string;
  headers: string[];
  rows: RosterRow[];
}

export interface ImportResult {
  imported: number;
  leftOutProblems: number;
  leftOutDuplicates: number;
}

/** The import screen's state: the file read, the mapping chosen, the review of every row, the import. */
export function useRosterImport() {
  const [roster, setRoster] = useState<LoadedRoster | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [chosenFileName, setChosenFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [defaults, setDefaults] = useState<ImportDefaults>(DEFAULT_IMPORT_DEFAULTS);
  const [existing, setExisting] = useState<ExistingPerson[]>([]);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const review: RosterReview | null = useMemo(
    () => (roster && mapping ? reviewRoster(roster.rows, mapping, existing, defaults) : null),
    [roster, mapping, existing, defaults],
  );

  async function chooseFile(file: File): Promise<void> {
    setReading(true);
    setChosenFileName(file.name);
    setReadError(null);
    setImportError(null);
    setResult(null);
    setRoster(null);
    setMapping(null);
    try {
      if (file.size > MAX_ROSTER_BYTES) {
        setReadError(
          `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB, more than a roster should be (at most 5 MB). Is it the right file?`,
        );
        return;
      }
      const outcome = readRosterFile(new Uint8Array(await file.arrayBuffer()));
      if (!outcome.ok) {
        setReadError(outcome.message);
        return;
      }
      setExisting(await listPeople());
      setRoster({ fileName: file.name, headers: outcome.headers, rows: outcome.rows });
      setMapping(suggestMapping(outcome.headers));
    } catch (error) {
      setReadError(describeError(error, 'reading the file').message);
    } finally {
      setReading(false);
    }
  }

  /** Adds every ready row in one transaction; on any failure nobody is added. */
  async function importReady(): Promise<void> {
    if (!roster || !mapping) return;
    setImporting(true);
    setImportError(null);
    try {
      // Check again against the people stored right now, so nobody is added twice.
      const latest = reviewRoster(roster.rows, mapping, await listPeople(), defaults);
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
      setRoster(null);
      setMapping(null);
    } catch (error) {
      const info = describeError(error, 'importing');
      // Rule errors name the person at fault; the generic message already says nothing changed.
      setImportError(info.code ? `${info.message} Nobody was imported.` : info.message);
    } finally {
      setImporting(false);
    }
  }

  function startOver(): void {
    setChosenFileName(null);
    setRoster(null);
    setMapping(null);
    setReadError(null);
    setImportError(null);
    setResult(null);
  }

  return {
    roster,
    chosenFileName,
    readError,
    reading,
    mapping,
    setMapping,
    defaults,
    setDefaults,
    review,
    importing,
    importError,
    result,
    chooseFile,
    importReady,
    startOver,
  };
}
