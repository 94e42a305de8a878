import { type DateOrder, findDateOrder, readRosterDate } from './roster-dates';
import {
  type ColumnMapping,
  checkMapping,
  DATE_FIELDS,
  type DateField,
  DEFAULT_IMPORT_DEFAULTS,
  type ImportDefaults,
  type ImportField,
} from './roster-mapping';
import type { RosterRow } from './roster-table';
import {
  distinctValues,
  type ProgramRole,
  roleFlags,
  suggestCareerStage,
  suggestRole,
  suggestTitleMeaning,
  type TitleMeaning,
  valueKey,
} from './roster-values';
import type { PersonInput } from './rules';
import { isEmailAddress, MAX_MENTOR_CAPACITY } from './rules';
import { searchKey, storedLine } from './text';
import type { CareerStage } from './types';

// Roster import, the pure part: turns the rows of a roster table, the manager's column mapping and the
// meanings chosen for its values into people ready to add, rows with plain reasons why they cannot be
// added, and rows that repeat a person already known. Reading the file lives in roster-encoding,
// roster-table and features/import; which column holds what in roster-mapping; the meanings of job
// titles and roles in roster-values; dates in roster-dates.

/** What the manager decided beyond the columns: blanks, the meaning of values, the order of dates. */
export interface ImportChoices {
  defaults: ImportDefaults;
  /** Meanings of job titles chosen by the manager, by value key; other titles take the suggestion. */
  titles: Readonly<Record<string, TitleMeaning>>;
  /** Meanings of role values chosen by the manager, by value key; others take the suggestion. */
  roles: Readonly<Record<string, ProgramRole>>;
  /** Meanings of career stage values chosen by the manager, by value key; others take the suggestion. */
  stages: Readonly<Record<string, CareerStage>>;
  /** Day or month first, for a date column whose values read both ways. */
  dateOrders: Readonly<Partial<Record<DateField, DateOrder>>>;
  /** How the file's positions are named: lines of a text file, rows of a sheet. */
  lineWord: 'line' | 'row';
}

export const DEFAULT_IMPORT_CHOICES: ImportChoices = {
  defaults: DEFAULT_IMPORT_DEFAULTS,
  titles: {},
  roles: {},
  stages: {},
  dateOrders: {},
  lineWord: 'line',
};

export interface ExistingPerson {
  name: string;
  email: string;
  archived?: boolean;
}

export interface ReadyRow {
  line: number;
  person: PersonInput;
}
export interface ProblemRow {
  line: number;
  /** The name as far as it could be read, to help find the line. */
  name: string;
  reasons: string[];
}
export interface DuplicateRow {
  line: number;
  person: PersonInput;
  /** Plain words: "already in People" or "same name and email as line 4". */
  reason: string;
  /** The earlier line of this file it repeats, when it repeats a line rather than a stored person. */
  duplicateOfLine: number | null;
}

export interface RosterReview {
  /** Problems with the mapping or unanswered questions; while there are any, nothing can be imported. */
  mappingProblems: string[];
  ready: ReadyRow[];
  problems: ProblemRow[];
  duplicates: DuplicateRow[];
}

// ---------------------------------------------------------------------------------------------
// The values of a column, seen once for all rows.

export function columnValues(rows: readonly RosterRow[], column: string | null): string[] {
  if (column === null) return [];
  return rows.filter((row) => !row.readProblem).map((row) => row.values[column] ?? '');
}

/** The job titles of the profession column, each with the meaning in force (chosen or suggested). */
export function titleMeanings(rows: readonly RosterRow[], mapping: ColumnMapping, choices: ImportChoices) {
  return distinctValues(columnValues(rows, mapping.profession)).map((value) => ({
    ...value,
    meaning: choices.titles[value.key] ?? suggestTitleMeaning(value.text),
  }));
}

/** The values of the role column, each with the meaning in force (chosen or suggested; null: unknown). */
export function roleMeanings(rows: readonly RosterRow[], mapping: ColumnMapping, choices: ImportChoices) {
  return distinctValues(columnValues(rows, mapping.role)).map((value) => ({
    ...value,
    meaning: (choices.roles[value.key] ?? suggestRole(value.text)) as ProgramRole | null,
  }));
}

/** The values of the career stage column, each with the stage in force (chosen or suggested; null: unknown). */
export function stageMeanings(rows: readonly RosterRow[], mapping: ColumnMapping, choices: ImportChoices) {
  return distinctValues(columnValues(rows, mapping.careerStage)).map((value) => ({
    ...value,
    meaning: (choices.stages[value.key] ?? suggestCareerStage(value.text)) as CareerStage | null,
  }));
}

/** For each mapped date column, the order its values are read in, and whether the manager must say. */
export function dateOrders(rows: readonly RosterRow[], mapping: ColumnMapping, choices: ImportChoices) {
  return DATE_FIELDS.filter((field) => mapping[field] !== null).map((field) => {
    const finding = findDateOrder(columnValues(rows, mapping[field]));
    return {
      field,
      column: mapping[field] as string,
      ...finding,
      order: finding.ambiguous ? (choices.dateOrders[field] ?? null) : finding.order,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading one cell.

type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A career stage cell: blank takes the fallback; a value takes the manager's choice or the suggestion. */
export function readCareerStage(
  raw: string,
  column: string,
  fallback: CareerStage,
  chosen: Readonly<Record<string, CareerStage>> = {},
): Cell<CareerStage> {
  const value = raw.trim();
  if (!value) return { ok: true, value: fallback };
  const found = chosen[valueKey(value)] ?? suggestCareerStage(value);
  if (!found)
    return {
      ok: false,
      reason: `${column} “${value}” is not matched to a career stage yet; choose one under “Match the values”.`,
    };
  return { ok: true, value: found };
}

/** Words read as yes and no in the mentor and mentee columns (case ignored); shown on the import screen. */
export const YES_WORDS: ReadonlySet<string> = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'si', 'ja']);
export const NO_WORDS: ReadonlySet<string> = new Set(['no', 'n', 'false', '0', 'non', 'nein']);

export function readYesNo(raw: string, label: string, fallback: boolean): Cell<boolean> {
  const value = valueKey(raw);
  if (!value) return { ok: true, value: fallback };
  if (YES_WORDS.has(value)) return { ok: true, value: true };
  if (NO_WORDS.has(value)) return { ok: true, value: false };
  return { ok: false, reason: `${label} “${raw.trim()}” should be yes or no.` };
}

export function readCapacity(raw: string, fallback: number): Cell<number> {
  const value = raw.trim();
  if (!value) return { ok: true, value: fallback };
  if (!/^\d+$/.test(value) || Number(value) > MAX_MENTOR_CAPACITY)
    return {
      ok: false,
      reason: `Mentor capacity “${value}” should be a whole number from 0 to ${MAX_MENTOR_CAPACITY}.`,
    };
  return { ok: true, value: Number(value) };
}

export function readEmail(raw: string): Cell<string> {
  const value = raw.trim();
  if (value && !isEmailAddress(value))
    return { ok: false, reason: `Email “${value}” does not look like an email address.` };
  return { ok: true, value };
}

/** Tags may be separated by semicolons, commas or vertical bars inside the one cell. */
export function readTags(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[;,|]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading rows and finding duplicates.

/** Text as stored: composed accents (NFC), so "José" typed and "José" pasted are the same name. */
const cleanText = storedLine;

/**
 * Two records are the same person when name and email match, ignoring case, accents, extra spaces
 * and the way accents are encoded (NFC or NFD): a roster's "Jose Nunez" is the "José Núñez" in People.
 */
export function duplicateKey(name: string, email: string): string {
  return `${searchKey(name)}\u0000${searchKey(email)}`;
}

type RowOutcome = { ok: true; person: PersonInput } | { ok: false; name: string; reasons: string[] };

/** The order of each mapped date column: detected, or chosen by the manager when the column is ambiguous. */
type DateOrders = Partial<Record<DateField, DateOrder | null>>;

export function readRow(
  row: RosterRow,
  mapping: ColumnMapping,
  choices: ImportChoices,
  orders: DateOrders = {},
): RowOutcome {
  const { defaults } = choices;
  const cell = (field: ImportField): string => {
    const column = mapping[field];
    return column === null ? '' : (row.values[column] ?? '');
  };
  const name = cleanText(mapping.name ? cell('name') : `${cell('firstName')} ${cell('lastName')}`);
  // With too many or too few values the cells are shifted, so any further reason would mislead.
  if (row.readProblem) return { ok: false, name, reasons: [row.readProblem] };
  const reasons: string[] = [];
  const take = <T>(result: Cell<T>, fallback: T): T => {
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return fallback;
  };

  if (!name) reasons.push('Name is missing.');
  else if (name.length > 200) reasons.push('Name is longer than 200 characters.');
  const email = take(readEmail(cleanText(cell('email'))), '');

  const title = cleanText(cell('profession'));
  const titleColumn = mapping.profession ?? 'Profession';
  const meaning = title ? (choices.titles[valueKey(title)] ?? suggestTitleMeaning(title)) : null;
  if (!title) reasons.push(`${titleColumn} is empty, so the profession is not known.`);
  else if (!meaning?.profession)
    reasons.push(
      `${titleColumn} “${title}” has no profession chosen yet; choose one under “Match the values”.`,
    );
  const profession = meaning?.profession ?? 'other';
  const stageFallback = meaning?.careerStage ?? defaults.careerStage;
  const careerStage = take(
    readCareerStage(
      cell('careerStage'),
      mapping.careerStage ?? 'Career stage',
      stageFallback,
      choices.stages,
    ),
    stageFallback,
  );

  const hireDate = take(readRosterDate(cell('hireDate'), 'Hire date', orders.hireDate ?? null), null);
  const leavingDate = take(
    readRosterDate(cell('leavingDate'), 'Leaving date', orders.leavingDate ?? null),
    null,
  );
  if (hireDate && leavingDate && leavingDate < hireDate)
    reasons.push(`Leaving date ${leavingDate} is before the hire date ${hireDate}.`);

  let isMentor: boolean;
  let isMentee: boolean;
  const roleText = cleanText(cell('role'));
  if (mapping.role && roleText) {
    const role = choices.roles[valueKey(roleText)] ?? suggestRole(roleText);
    if (!role)
      reasons.push(
        `${mapping.role} “${roleText}” is not matched to mentor or mentee yet; choose what it means under “Match the values”.`,
      );
    ({ isMentor, isMentee } = role ? roleFlags(role) : { isMentor: false, isMentee: false });
    if (role === 'neither')
      reasons.push(`${mapping.role} “${roleText}” means not in the program, so this person is left out.`);
  } else {
    isMentor = take(readYesNo(cell('isMentor'), 'Mentors others', defaults.isMentor), false);
    isMentee = take(readYesNo(cell('isMentee'), 'Is mentored', defaults.isMentee), false);
  }
  const mentorCapacity = take(
    readCapacity(cell('mentorCapacity'), isMentor ? defaults.mentorCapacity : 0),
    0,
  );
  if (!isMentor && !isMentee && reasons.length === 0)
    reasons.push('Neither mentors others nor is mentored; mark at least one as yes.');

  if (reasons.length > 0) return { ok: false, name, reasons };
  return {
    ok: true,
    person: {
      name,
      email,
      profession,
      specialty: cleanText(cell('specialty')),
      careerStage,
      hireDate,
      leavingDate,
      tags: readTags(cell('tags').normalize('NFC')),
      isMentor,
      isMentee,
      mentorCapacity,
    },
  };
}

/**
 * Sorts every row into ready, problem or duplicate. A row repeating a stored person, or an earlier line
 * of the same file, is a duplicate and is never added twice; the first line of a repeated person stays.
 */
export function reviewRoster(
  rows: readonly RosterRow[],
  mapping: ColumnMapping,
  existing: readonly ExistingPerson[],
  choices: Partial<ImportChoices> = {},
): RosterReview {
  const all: ImportChoices = { ...DEFAULT_IMPORT_CHOICES, ...choices };
  const review: RosterReview = {
    mappingProblems: checkMapping(mapping, all.defaults),
    ready: [],
    problems: [],
    duplicates: [],
  };
  if (review.mappingProblems.length > 0) return review;
  const orders: DateOrders = {};
  for (const found of dateOrders(rows, mapping, all)) {
    orders[found.field] = found.order;
    if (found.ambiguous && !found.order)
      review.mappingProblems.push(
        `Say how the dates in “${found.column}” are written: every one of them (such as ${found.example}) reads both day first and month first.`,
      );
  }
  if (review.mappingProblems.length > 0) return review;

  const word = all.lineWord;
  const stored = new Map(existing.map((person) => [duplicateKey(person.name, person.email), person]));
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const outcome = readRow(row, mapping, all, orders);
    if (!outcome.ok) {
      review.problems.push({ line: row.line, name: outcome.name, reasons: outcome.reasons });
      continue;
    }
    const { person } = outcome;
    const key = duplicateKey(person.name, person.email);
    const match = stored.get(key);
    const earlierLine = firstLineOf.get(key);
    if (match) {
      review.duplicates.push({
        line: row.line,
        person,
        reason: match.archived
          ? 'Already in People (archived) with the same name and email.'
          : 'Already in People with the same name and email.',
        duplicateOfLine: null,
      });
    } else if (earlierLine !== undefined) {
      review.duplicates.push({
        line: row.line,
        person,
        reason: `Same name and email as ${word} ${earlierLine}.`,
        duplicateOfLine: earlierLine,
      });
    } else {
      firstLineOf.set(key, row.line);
      review.ready.push({ line: row.line, person });
    }
  }
  return review;
}
