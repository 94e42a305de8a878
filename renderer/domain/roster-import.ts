import type { PersonInput } from './rules';
import {
  CAREER_STAGE_LABELS,
  CAREER_STAGES,
  type CareerStage,
  PROFESSION_LABELS,
  PROFESSIONS,
  type Profession,
} from './types';

// Roster import, the pure part: turns the rows of a parsed CSV and the manager's column mapping into
// people ready to add, rows with plain reasons why they cannot be added, and rows that repeat a person
// already known. Reading the file (decoding, papaparse) lives in features/import.

/** The person fields a roster column can fill. A full name may also come from first + last name columns. */
export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'profession',
  'specialty',
  'careerStage',
  'hireDate',
  'leavingDate',
  'tags',
  'isMentor',
  'isMentee',
  'mentorCapacity',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  profession: 'Profession',
  specialty: 'Specialty or department',
  careerStage: 'Career stage',
  hireDate: 'Hire date',
  leavingDate: 'Leaving date',
  tags: 'Interests and expertise',
  isMentor: 'Mentors others',
  isMentee: 'Is mentored',
  mentorCapacity: 'Mentor capacity',
};

/** The column each field is read from (a header exactly as in the file), or null when the file has none. */
export type ColumnMapping = Record<ImportField, string | null>;

/** What a blank cell, or a column the file does not have, means. */
export interface ImportDefaults {
  careerStage: CareerStage;
  isMentor: boolean;
  isMentee: boolean;
  /** Capacity given to mentors whose capacity is blank; people who do not mentor get 0. */
  mentorCapacity: number;
}

export const DEFAULT_IMPORT_DEFAULTS: ImportDefaults = {
  careerStage: 'mid-career',
  isMentor: false,
  isMentee: false,
  mentorCapacity: 2,
};

/** One data row of the file with the line it starts on (the header is line 1). */
export interface RosterRow {
  line: number;
  values: Record<string, string>;
  /** A problem found while reading the line itself, e.g. more values than the header has columns. */
  readProblem?: string;
}

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
  /** Problems with the mapping itself; while there are any, nothing can be imported. */
  mappingProblems: string[];
  ready: ReadyRow[];
  problems: ProblemRow[];
  duplicates: DuplicateRow[];
}

// ---------------------------------------------------------------------------------------------
// Words the file may use. Small on purpose: the manager sees the accepted words on the screen.

function normaliseWord(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[\s_-]+/g, ' ');
}

/**
 * Profession words accepted besides the labels themselves. Documented on the import screen.
 * Abbreviations are matched without dots and case ("R.N." and "rn" are both "RN").
 */
export const PROFESSION_SYNONYMS: Record<Profession, readonly string[]> = {
  physician: ['doctor', 'md', 'do', 'dr', 'attending', 'gp', 'general practitioner', 'consultant', 'surgeon'],
  nurse: ['rn', 'lpn', 'lvn', 'np', 'registered nurse', 'nurse practitioner', 'practical nurse', 'nursing'],
  resident: ['registrar', 'intern', 'fellow', 'house officer', 'pgy', 'trainee doctor'],
  student: ['medical student', 'nursing student', 'trainee', 'apprentice'],
  'allied-health': [
    'allied',
    'allied health professional',
    'ahp',
    'pharmacist',
    'physiotherapist',
    'physical therapist',
    'pt',
    'occupational therapist',
    'ot',
    'therapist',
    'dietitian',
    'paramedic',
    'technician',
    'technologist',
    'midwife',
    'psychologist',
    'social worker',
  ],
  administrative: [
    'admin',
    'administration',
    'administrator',
    'manager',
    'receptionist',
    'office',
    'clerical',
  ],
  other: [],
};

const PROFESSION_WORDS = buildLookup(PROFESSIONS, PROFESSION_LABELS, PROFESSION_SYNONYMS);

const CAREER_STAGE_SYNONYMS: Record<CareerStage, readonly string[]> = {
  student: ['trainee'],
  'new-graduate': ['new grad', 'newly qualified', 'graduate', 'new'],
  'early-career': ['early', 'junior'],
  'mid-career': ['mid', 'middle', 'experienced'],
  senior: ['late career', 'late', 'expert', 'veteran'],
  retired: ['emeritus'],
};
const CAREER_STAGE_WORDS = buildLookup(CAREER_STAGES, CAREER_STAGE_LABELS, CAREER_STAGE_SYNONYMS);

function buildLookup<K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
  synonyms: Record<K, readonly string[]>,
): Map<string, K> {
  const lookup = new Map<string, K>();
  for (const key of keys) {
    for (const word of [key, labels[key], ...synonyms[key]]) lookup.set(normaliseWord(word), key);
  }
  return lookup;
}

/** Words read as yes and no in the mentor and mentee columns (case ignored); shown on the import screen. */
export const YES_WORDS: ReadonlySet<string> = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'si', 'ja']);
export const NO_WORDS: ReadonlySet<string> = new Set(['no', 'n', 'false', '0', 'non', 'nein']);

// ---------------------------------------------------------------------------------------------
// Suggesting a mapping from the header names.

/** Header words that suggest each field, compared after normalising case, spaces, dots and dashes. */
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  name: ['name', 'full name', 'fullname', 'staff name', 'employee name', 'person', 'display name'],
  firstName: ['first name', 'firstname', 'given name', 'forename', 'first'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last'],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'work email'],
  profession: [
    'profession',
    'role',
    'job',
    'job title',
    'occupation',
    'discipline',
    'staff type',
    'position',
  ],
  specialty: ['specialty', 'speciality', 'department', 'dept', 'unit', 'service', 'specialty or department'],
  careerStage: ['career stage', 'stage', 'career level', 'level', 'seniority'],
  hireDate: ['hire date', 'hired', 'date hired', 'date of hire', 'start date', 'started', 'joined', 'hire'],
  leavingDate: ['leaving date', 'leave date', 'left', 'end date', 'termination date', 'date left', 'leaving'],
  tags: ['tags', 'interests', 'expertise', 'interests and expertise', 'skills', 'topics'],
  isMentor: ['mentor', 'is mentor', 'mentors', 'mentors others', 'can mentor', 'mentor?'],
  isMentee: ['mentee', 'is mentee', 'mentored', 'is mentored', 'wants a mentor', 'mentee?'],
  mentorCapacity: ['capacity', 'mentor capacity', 'max mentees', 'maximum mentees', 'mentee capacity'],
};

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
}

/** Proposes a column for each field from the header names; each column is used at most once. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const taken = new Set<string>();
  const normalised = headers.map((header) => normaliseWord(header).replace(/\?$/, ''));
  for (const field of IMPORT_FIELDS) {
    const words = new Set(HEADER_SYNONYMS[field].map((word) => normaliseWord(word).replace(/\?$/, '')));
    const index = normalised.findIndex((header, i) => words.has(header) && !taken.has(headers[i]));
    if (index >= 0) {
      mapping[field] = headers[index];
      taken.add(headers[index]);
    }
  }
  // A file with first and last name columns and no full name is read from those two.
  if (mapping.name && mapping.firstName && mapping.lastName) {
    taken.delete(mapping.firstName);
    taken.delete(mapping.lastName);
    mapping.firstName = null;
    mapping.lastName = null;
  }
  return mapping;
}

/** Problems that make the mapping unusable whatever the rows say. */
export function checkMapping(mapping: ColumnMapping, defaults: ImportDefaults): string[] {
  const problems: string[] = [];
  if (!mapping.name && !(mapping.firstName && mapping.lastName))
    problems.push('Choose the column with the full name, or both the first name and last name columns.');
  if (!mapping.profession) problems.push('Choose the column with each person’s profession.');
  if (!mapping.isMentor && !mapping.isMentee && !defaults.isMentor && !defaults.isMentee)
    problems.push(
      'Say who mentors and who is mentored: choose the “Mentors others” or “Is mentored” column, or say what everyone is.',
    );
  const used = new Map<string, ImportField[]>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== null) used.set(column, [...(used.get(column) ?? []), field]);
  }
  for (const [column, fields] of used) {
    // A single name column read as both full name and a part would double the name.
    if (fields.length > 1)
      problems.push(
        `The column “${column}” is chosen for ${fields.map((field) => IMPORT_FIELD_LABELS[field]).join(' and ')}; choose it for one only.`,
      );
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Reading one cell.

type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

export function readProfession(raw: string): Cell<Profession> {
  const value = raw.trim();
  if (!value) return { ok: false, reason: `Profession is empty; expected one of ${listProfessions()}.` };
  const found = PROFESSION_WORDS.get(normaliseWord(value));
  if (!found)
    return {
      ok: false,
      reason: `Profession “${value}” is not one we know; use one of ${listProfessions()}.`,
    };
  return { ok: true, value: found };
}

function listProfessions(): string {
  return PROFESSIONS.map((profession) => PROFESSION_LABELS[profession]).join(', ');
}

export function readCareerStage(raw: string, fallback: CareerStage): Cell<CareerStage> {
  const value = raw.trim();
  if (!value) return { ok: true, value: fallback };
  const found = CAREER_STAGE_WORDS.get(normaliseWord(value));
  if (!found)
    return {
      ok: false,
      reason: `Career stage “${value}” is not one we know; use one of ${CAREER_STAGES.map((stage) => CAREER_STAGE_LABELS[stage]).join(', ')}.`,
    };
  return { ok: true, value: found };
}

const SLASHED_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Dates must be written year-month-day (2024-03-15). A date like 03/04/2024 is refused: it is 3 April
 * in most of the world and March 4 in the United States, and guessing wrong would be silent.
 */
export function readDate(raw: string, label: string): Cell<string | null> {
  const value = raw.trim();
  if (!value) return { ok: true, value: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-').map(Number);
    if (!isCalendarDate(year, month, day))
      return { ok: false, reason: `${label} “${value}” is not a real calendar date.` };
    if (year < MIN_YEAR || year > MAX_YEAR)
      return { ok: false, reason: `${label} “${value}” has an unlikely year; please check it.` };
    return { ok: true, value };
  }
  const slashed = SLASHED_DATE.exec(value);
  if (slashed) {
    const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), slashed[3]];
    const pad = (n: number) => String(n).padStart(2, '0');
    if (first <= 12 && second <= 12 && first !== second) {
      const dayFirst = `${year}-${pad(second)}-${pad(first)}`;
      const monthFirst = `${year}-${pad(first)}-${pad(second)}`;
      return {
        ok: false,
        reason: `${label} “${value}” could mean ${first} ${monthName(second)} or ${monthName(first)} ${second}; write it as year-month-day (yyyy-MM-dd): ${dayFirst} or ${monthFirst}.`,
      };
    }
    const [day, month] = first > 12 ? [first, second] : [second, first];
    if (isCalendarDate(Number(year), month, day))
      return {
        ok: false,
        reason: `${label} “${value}” is not in the expected form year-month-day (yyyy-MM-dd); write it as ${year}-${pad(month)}-${pad(day)}.`,
      };
  }
  return {
    ok: false,
    reason: `${label} “${value}” is not a date in the expected form year-month-day (yyyy-MM-dd), for example 2024-03-15.`,
  };
}

/** Years outside this range are typing mistakes (0202, 20024) rather than real hire or leaving dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

// Plain arithmetic rather than a date library: a roster of thousands has two dates a line.
function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

function monthName(month: number): string {
  return (
    [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ][month - 1] ?? ''
  );
}

export function readYesNo(raw: string, label: string, fallback: boolean): Cell<boolean> {
  const value = normaliseWord(raw);
  if (!value) return { ok: true, value: fallback };
  if (YES_WORDS.has(value)) return { ok: true, value: true };
  if (NO_WORDS.has(value)) return { ok: true, value: false };
  return { ok: false, reason: `${label} “${raw.trim()}” should be yes or no.` };
}

export const MAX_MENTOR_CAPACITY = 50;

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readEmail(raw: string): Cell<string> {
  const value = raw.trim();
  if (value && !EMAIL.test(value))
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

function collapseSpaces(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Two records are the same person when name and email match, ignoring case and extra spaces. */
export function duplicateKey(name: string, email: string): string {
  return `${collapseSpaces(name).toLowerCase()}\u0000${email.trim().toLowerCase()}`;
}

type RowOutcome = { ok: true; person: PersonInput } | { ok: false; name: string; reasons: string[] };

export function readRow(row: RosterRow, mapping: ColumnMapping, defaults: ImportDefaults): RowOutcome {
  const cell = (field: ImportField): string => {
    const column = mapping[field];
    return column === null ? '' : (row.values[column] ?? '');
  };
  const rawName = collapseSpaces(mapping.name ? cell('name') : `${cell('firstName')} ${cell('lastName')}`);
  // With too many or too few values the cells are shifted, so any further reason would mislead.
  if (row.readProblem) return { ok: false, name: rawName, reasons: [row.readProblem] };
  const reasons: string[] = [];
  const take = <T>(result: Cell<T>, fallback: T): T => {
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return fallback;
  };

  const name = rawName;
  if (!name) reasons.push('Name is missing.');
  else if (name.length > 200) reasons.push('Name is longer than 200 characters.');
  const email = take(readEmail(cell('email')), '');
  const profession = take(readProfession(cell('profession')), 'other');
  const careerStage = take(readCareerStage(cell('careerStage'), defaults.careerStage), defaults.careerStage);
  const hireDate = take(readDate(cell('hireDate'), 'Hire date'), null);
  const leavingDate = take(readDate(cell('leavingDate'), 'Leaving date'), null);
  if (hireDate && leavingDate && leavingDate < hireDate)
    reasons.push(`Leaving date ${leavingDate} is before the hire date ${hireDate}.`);
  const isMentor = take(readYesNo(cell('isMentor'), 'Mentors others', defaults.isMentor), false);
  const isMentee = take(readYesNo(cell('isMentee'), 'Is mentored', defaults.isMentee), false);
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
      specialty: collapseSpaces(cell('specialty')),
      careerStage,
      hireDate,
      leavingDate,
      tags: readTags(cell('tags')),
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
  defaults: ImportDefaults = DEFAULT_IMPORT_DEFAULTS,
): RosterReview {
  const review: RosterReview = {
    mappingProblems: checkMapping(mapping, defaults),
    ready: [],
    problems: [],
    duplicates: [],
  };
  if (review.mappingProblems.length > 0) return review;

  const stored = new Map(existing.map((person) => [duplicateKey(person.name, person.email), person]));
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const outcome = readRow(row, mapping, defaults);
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
        reason: `Same name and email as line ${earlierLine}.`,
        duplicateOfLine: earlierLine,
      });
    } else {
      firstLineOf.set(key, row.line);
      review.ready.push({ line: row.line, person });
    }
  }
  return review;
}

/** The header of the template CSV the import screen offers; it maps itself with suggestMapping. */
export const TEMPLATE_HEADERS: readonly string[] = [
  'Name',
  'Email',
  'Profession',
  'Specialty or department',
  'Career stage',
  'Hire date',
  'Leaving date',
  'Interests and expertise',
  'Mentor',
  'Mentee',
  'Mentor capacity',
];
