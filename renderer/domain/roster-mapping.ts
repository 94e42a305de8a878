import type { RosterRow } from './roster-table';
import { looksLikeRoleColumn, valueKey } from './roster-values';
import type { CareerStage } from './types';

// Which column of a roster holds what: the fields a column can fill, the header names that suggest
// each, and the problems that make a mapping unusable.

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
  'role',
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
  profession: 'Profession or job title',
  specialty: 'Specialty or department',
  careerStage: 'Career stage',
  hireDate: 'Hire date',
  leavingDate: 'Leaving date',
  tags: 'Interests and expertise',
  role: 'Role in the program (mentor, mentee or both)',
  isMentor: 'Mentors others',
  isMentee: 'Is mentored',
  mentorCapacity: 'Mentor capacity',
};

export const DATE_FIELDS = ['hireDate', 'leavingDate'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** The column each field is read from (a header exactly as in the table), or null when the file has none. */
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

/** Header words that suggest each field, compared after normalising case, accents, spaces, dots and dashes. */
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  name: [
    'name',
    'full name',
    'fullname',
    'staff name',
    'employee name',
    'employee',
    'person',
    'display name',
    'staff member',
    'worker name',
  ],
  firstName: [
    'first name',
    'firstname',
    'given name',
    'forename',
    'first',
    'legal first name',
    'preferred name',
  ],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last', 'legal last name'],
  email: [
    'email',
    'e mail',
    'email address',
    'e mail address',
    'mail',
    'work email',
    'business email',
    'work e mail',
  ],
  profession: [
    'profession',
    'job',
    'job title',
    'title',
    'position',
    'position title',
    'occupation',
    'discipline',
    'staff type',
    'job role',
    'designation',
    'job description',
    'job name',
    'grade',
  ],
  specialty: [
    'specialty',
    'speciality',
    'department',
    'dept',
    'unit',
    'service',
    'specialty or department',
    'department name',
    'home department',
    'cost center',
    'ward',
    'team',
  ],
  careerStage: ['career stage', 'stage', 'career level', 'level', 'seniority', 'experience level'],
  hireDate: [
    'hire date',
    'hired',
    'date hired',
    'date of hire',
    'start date',
    'started',
    'joined',
    'hire',
    'original hire date',
    'date of joining',
    'joining date',
    'employment start',
    'employment start date',
    'seniority date',
  ],
  leavingDate: [
    'leaving date',
    'leave date',
    'left',
    'end date',
    'termination date',
    'term date',
    'date left',
    'leaving',
    'employment end',
    'employment end date',
    'date of leaving',
  ],
  tags: ['tags', 'interests', 'expertise', 'interests and expertise', 'skills', 'topics'],
  role: [
    'role',
    'program role',
    'programme role',
    'mentorship role',
    'mentoring role',
    'mentor or mentee',
    'mentor mentee',
    'mentor/mentee',
    'mentee/mentor',
    'role in program',
    'role in the program',
    'participation',
    'participant type',
  ],
  isMentor: [
    'mentor',
    'is mentor',
    'mentors',
    'mentors others',
    'can mentor',
    'mentor?',
    'willing to mentor',
  ],
  isMentee: ['mentee', 'is mentee', 'mentored', 'is mentored', 'wants a mentor', 'mentee?', 'needs a mentor'],
  mentorCapacity: [
    'capacity',
    'mentor capacity',
    'max mentees',
    'maximum mentees',
    'mentee capacity',
    'mentees',
  ],
};

function headerKey(header: string): string {
  return valueKey(header)
    .replace(/\?$/, '')
    .replace(/\s*\/\s*/g, '/');
}

const KNOWN_HEADERS = new Map<string, ImportField[]>();
for (const field of IMPORT_FIELDS)
  for (const word of HEADER_SYNONYMS[field])
    KNOWN_HEADERS.set(headerKey(word), [...(KNOWN_HEADERS.get(headerKey(word)) ?? []), field]);

/** Whether a cell reads as a column name the import knows (used to find the header row). */
export function isKnownHeader(cell: string): boolean {
  return KNOWN_HEADERS.has(headerKey(cell));
}

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
}

/**
 * Proposes a column for each field from the header names; each column is used at most once. A column
 * named just "Role" is the program role when its values read as mentor, mentee or both, and the job
 * title otherwise.
 */
export function suggestMapping(headers: readonly string[], rows: readonly RosterRow[] = []): ColumnMapping {
  const mapping = emptyMapping();
  const taken = new Set<string>();
  const keys = headers.map(headerKey);
  const fieldsFor = (index: number): readonly ImportField[] => {
    const fields = KNOWN_HEADERS.get(keys[index]) ?? [];
    if (keys[index] !== 'role') return fields;
    const values = rows.map((row) => row.values[headers[index]] ?? '');
    return looksLikeRoleColumn(values) ? ['role'] : ['profession'];
  };
  for (const field of IMPORT_FIELDS) {
    const index = headers.findIndex((header, i) => !taken.has(header) && fieldsFor(i).includes(field));
    if (index >= 0) {
      mapping[field] = headers[index];
      taken.add(headers[index]);
    }
  }
  // A file with first and last name columns and no full name is read from those two.
  if (mapping.name && mapping.firstName && mapping.lastName) {
    mapping.firstName = null;
    mapping.lastName = null;
  }
  // One role column says both flags; separate mentor and mentee columns would contradict it.
  if (mapping.role && (mapping.isMentor || mapping.isMentee)) mapping.role = null;
  return mapping;
}

/** Problems that make the mapping unusable whatever the rows say. */
export function checkMapping(mapping: ColumnMapping, defaults: ImportDefaults): string[] {
  const problems: string[] = [];
  if (!mapping.name && !(mapping.firstName && mapping.lastName))
    problems.push('Choose the column with the full name, or both the first name and last name columns.');
  if (!mapping.profession) problems.push('Choose the column with each person’s profession or job title.');
  if (mapping.role && (mapping.isMentor || mapping.isMentee))
    problems.push(
      'Choose either the “Role in the program” column or the “Mentors others” and “Is mentored” columns, not both.',
    );
  else if (
    !mapping.role &&
    !mapping.isMentor &&
    !mapping.isMentee &&
    !defaults.isMentor &&
    !defaults.isMentee
  )
    problems.push(
      'Say who mentors and who is mentored: choose the “Role in the program” column, or the “Mentors others” or “Is mentored” column, or say what everyone is.',
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
