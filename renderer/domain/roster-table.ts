import { isKnownHeader } from './roster-mapping';

// From the cells of a file to a table of named columns. Exports often put a title, a date or a blank
// line above the column names, and workbooks merge header cells ("Name" over "First" and "Last"), so
// the header is found rather than assumed to be the first line, and the manager may correct it.

/** One data row of the table with the line (or sheet row) it starts on, as the manager sees it. */
export interface RosterRow {
  line: number;
  values: Record<string, string>;
  /** A problem found while reading the line itself, e.g. more values than the header has columns. */
  readProblem?: string;
}

/** One non-blank line of a CSV file or row of a sheet, numbered as the manager sees it in the file. */
export interface GridRow {
  line: number;
  cells: string[];
}

/** A block of merged cells in a sheet, by line number and 0-based column, edges included. */
export interface MergedCells {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface RosterGrid {
  /** Non-blank rows in order. Merged cells hold their value in the top-left cell only. */
  rows: GridRow[];
  merges: MergedCells[];
  /** Whether a data row must have exactly as many values as the header (true for CSV). */
  strictWidth: boolean;
}

export interface RosterTable {
  headers: string[];
  rows: RosterRow[];
  /** The line of the column names (the lower one, for a header on two lines). */
  headerLine: number;
}

/** How many rows from the top may hold the column names. */
export const HEADER_SEARCH_ROWS = 20;

function filled(cells: readonly string[]): string[] {
  return cells.map((cell) => cell.trim()).filter(Boolean);
}

/**
 * The index of the row most likely to hold the column names: the one with most known column names
 * among the first rows; failing that, the first row with at least two values.
 */
export function findHeaderRow(grid: RosterGrid): number {
  const candidates = grid.rows.slice(0, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 1;
  candidates.forEach((row, index) => {
    const score = filled(row.cells).filter(isKnownHeader).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  if (best >= 0) return best;
  const firstWide = candidates.findIndex((row) => filled(row.cells).length >= 2);
  return firstWide === -1 ? 0 : firstWide;
}

function mergeAt(grid: RosterGrid, line: number, column: number): MergedCells | undefined {
  return grid.merges.find(
    (merge) => merge.top <= line && line <= merge.bottom && merge.left <= column && column <= merge.right,
  );
}

function cellAt(grid: RosterGrid, line: number, column: number): string {
  const merge = mergeAt(grid, line, column);
  const source = merge ? { line: merge.top, column: merge.left } : { line, column };
  const row = grid.rows.find((candidate) => candidate.line === source.line);
  return (row?.cells[source.column] ?? '').trim();
}

/** Whether a row holds group titles merged across several columns ("Name" over "First" and "Last"). */
function hasGroupTitles(grid: RosterGrid, line: number): boolean {
  const row = grid.rows.find((candidate) => candidate.line === line);
  // A title merged across the top is one value; group titles are several.
  if (!row || filled(row.cells).length < 2) return false;
  return grid.merges.some((merge) => merge.top === line && merge.bottom === line && merge.right > merge.left);
}

/**
 * Names every column from the header row: a cell merged down from the row above takes that row's value;
 * a column under a merged group title is named by its own cell, or "Group Cell" when two columns would
 * otherwise share a name; a column with no name is "Column N"; a name repeated gets "(2)".
 */
function columnNames(grid: RosterGrid, headerIndex: number, width: number): string[] {
  const line = grid.rows[headerIndex].line;
  const above = headerIndex > 0 && grid.rows[headerIndex - 1].line === line - 1 ? line - 1 : null;
  const groupLine = above !== null && hasGroupTitles(grid, above) ? above : null;
  const own = Array.from({ length: width }, (_, column) => cellAt(grid, line, column));
  const group = own.map((_, column) => (groupLine === null ? '' : cellAt(grid, groupLine, column)));
  const names = own.map((name, column) => name || group[column]);
  const repeated = (name: string) => names.filter((other) => other === name).length > 1;
  const grouped = names.map((name, column) =>
    name && repeated(name) && group[column] && group[column] !== name ? `${group[column]} ${name}` : name,
  );
  const seen = new Map<string, number>();
  return grouped.map((name, column) => {
    const base = name || `Column ${column + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** The row to read names from: the lower of two header rows when the chosen one holds group titles. */
function headerBelowGroups(grid: RosterGrid, headerIndex: number): number {
  const row = grid.rows[headerIndex];
  const next = grid.rows[headerIndex + 1];
  if (!next || next.line !== row.line + 1 || !hasGroupTitles(grid, row.line)) return headerIndex;
  const groups = grid.merges.filter((merge) => merge.top === row.line && merge.right > merge.left);
  const named = groups.some((merge) =>
    next.cells.slice(merge.left, merge.right + 1).some((cell) => cell.trim() !== ''),
  );
  return named ? headerIndex + 1 : headerIndex;
}

/** Builds the table below the chosen header row. */
export function buildRosterTable(grid: RosterGrid, chosenHeaderIndex: number): RosterTable {
  const headerIndex = headerBelowGroups(grid, chosenHeaderIndex);
  const headerRow = grid.rows[headerIndex];
  const headerWidth = lastFilled(headerRow.cells) + 1;
  const width = grid.strictWidth
    ? headerRow.cells.length
    : Math.max(headerWidth, ...grid.merges.filter((m) => m.top <= headerRow.line).map((m) => m.right + 1));
  const headers = columnNames(grid, headerIndex, width);
  const rows = grid.rows.slice(headerIndex + 1).map((gridRow): RosterRow => {
    const values: Record<string, string> = {};
    headers.forEach((header, column) => {
      values[header] = gridRow.cells[column] ?? '';
    });
    const row: RosterRow = { line: gridRow.line, values };
    if (grid.strictWidth) {
      // Strict even for empty extra cells: "Lee, Ann" unquoted shifts every value after it, and the
      // last column may well be blank. (Excel writes as many separators on every line, header included.)
      const count = gridRow.cells.length;
      const values = `${count} ${count === 1 ? 'value' : 'values'}`;
      if (count > width)
        row.readProblem = `This line has ${values} but the header has ${width} columns; a value that contains a comma must be inside quotation marks.`;
      else if (count < width)
        row.readProblem = `This line has ${values} but the header has ${width} columns.`;
    }
    return row;
  });
  return { headers, rows, headerLine: headerRow.line };
}

function lastFilled(cells: readonly string[]): number {
  for (let index = cells.length - 1; index >= 0; index -= 1) if (cells[index].trim() !== '') return index;
  return -1;
}
