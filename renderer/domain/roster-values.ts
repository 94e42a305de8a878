import { searchKey } from './text';
import {
  CAREER_STAGE_LABELS,
  CAREER_STAGES,
  type CareerStage,
  PROFESSION_LABELS,
  PROFESSIONS,
  type Profession,
} from './types';

// Mapping a column's values once for all rows. An HR export says "Staff Nurse", "CNA" or "PGY-1" in a
// job-title column and "Mentor", "Mentee" or "Both" in a role column; the manager confirms, once per
// distinct value, what each means in the app. Suggestions cover the common titles; the rest is asked.

/** The key two spellings of the same value share: accents, case, dots, dashes and spaces ignored. */
export function valueKey(raw: string): string {
  return searchKey(raw)
    .replace(/\./g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** One distinct value of a column, as first written, with how many rows hold it. */
export interface DistinctValue {
  key: string;
  text: string;
  count: number;
}

export function distinctValues(values: readonly string[]): DistinctValue[] {
  const found = new Map<string, DistinctValue>();
  for (const raw of values) {
    const key = valueKey(raw);
    if (!key) continue;
    const entry = found.get(key);
    if (entry) entry.count += 1;
    else found.set(key, { key, text: raw.trim(), count: 1 });
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

// ---------------------------------------------------------------------------------------------
// Job titles → profession and, where the title says, career stage.

export interface TitleMeaning {
  /** Null until the manager chooses, for a title nobody could guess. */
  profession: Profession | null;
  /** Null: the title says nothing of the stage; the career stage column or the default decides. */
  careerStage: CareerStage | null;
}

/** Title patterns, tried in order on the value's key; the first that matches decides the profession. */
const TITLE_RULES: ReadonlyArray<{ pattern: RegExp; profession: Profession; careerStage?: CareerStage }> = [
  // Assistants and students first: "Physician Assistant" is not a physician, "Nursing Assistant" not a nurse.
  {
    pattern: /\b(medical|nursing|nurse|pa|pharmacy|dental) students?\b|\bstudents?\b|\bms ?[1-4]\b/,
    profession: 'student',
    careerStage: 'student',
  },
  { pattern: /\bphysician assistant\b|\bpa ?c\b|\bpa\b/, profession: 'allied-health' },
  {
    pattern:
      /\bcna\b|\bnursing assistant\b|\bnurse aide\b|\bnursing aide\b|\bhca\b|\bhealth ?care assistant\b|\bpatient care tech(nician)?\b|\bpct\b/,
    profession: 'allied-health',
  },
  { pattern: /\bmedical assistant\b|\bcma\b|\bma\b|\bclinical assistant\b/, profession: 'allied-health' },
  {
    pattern: /\bnurse resident\b|\bnew grad(uate)? (rn|nurse)\b|\bgraduate nurse\b|\bgn\b/,
    profession: 'nurse',
    careerStage: 'new-graduate',
  },
  {
    pattern: /\bjunior doctor\b|\bfoundation doctor\b|\bsho\b/,
    profession: 'resident',
    careerStage: 'early-career',
  },
  {
    pattern: /\bpgy ?1\b|\bintern\b|\bfy ?1\b|\bfoundation year 1\b/,
    profession: 'resident',
    careerStage: 'new-graduate',
  },
  { pattern: /\bpgy ?[2-9]\b|\bfy ?2\b/, profession: 'resident', careerStage: 'early-career' },
  { pattern: /\bchief resident\b/, profession: 'resident', careerStage: 'early-career' },
  { pattern: /\bfellow\b/, profession: 'resident', careerStage: 'early-career' },
  { pattern: /\bresident\b|\bregistrar\b|\bhouse officer\b|\bpgy\b/, profession: 'resident' },
  {
    pattern: /\bnurse\b|\bnursing\b|\brn\b|\blpn\b|\blvn\b|\bbsn\b|\bnp\b|\baprn\b|\bcrna\b|\bcns\b/,
    profession: 'nurse',
  },
  {
    pattern:
      /\bpharmac(ist|y tech(nician)?)\b|\btherapist\b|\bphysiotherapist\b|\bpt\b|\bot\b|\brt\b|\bslp\b|\bdietitian\b|\bnutritionist\b|\bparamedic\b|\bemt\b|\btechnician\b|\btechnologist\b|\btech\b|\bradiographer\b|\bsonographer\b|\bphlebotomist\b|\bmidwife\b|\bpsychologist\b|\bsocial worker\b|\bcounsel+or\b|\bmsw\b|\bcsw\b|\boptometrist\b|\bdental hygienist\b|\ballied\b|\bahp\b/,
    profession: 'allied-health',
  },
  {
    pattern:
      /\battending\b|\bphysician\b|\bdoctor\b|\bmd\b|\bdo\b|\bdr\b|\bhospitalist\b|\bsurgeon\b|\bconsultant\b|\bgp\b|\bgeneral practitioner\b|\b\w+(ologist|iatrist|iatrician)\b|\binternist\b|\bobstetrician\b/,
    profession: 'physician',
  },
  {
    pattern:
      /\breceptionist\b|\bfront desk\b|\bscheduler\b|\badministrat(or|ion|ive)\b|\badmin\b|\bmanager\b|\bcoordinator\b|\bclerk\b|\bsecretary\b|\bbilling\b|\bcoder\b|\bmedical records\b|\boffice\b|\bdirector\b|\bhr\b|\bhuman resources\b|\bclerical\b/,
    profession: 'administrative',
  },
];

/** Words in a title that say the career stage whatever the profession ("Senior Staff Nurse"). */
const STAGE_RULES: ReadonlyArray<{ pattern: RegExp; careerStage: CareerStage }> = [
  { pattern: /\bretired\b|\bemeritus\b/, careerStage: 'retired' },
  {
    pattern: /\bsenior\b|\bsr\b|\blead\b|\bcharge\b|\bchief\b|\bprincipal\b|\bhead\b|\bconsultant\b/,
    careerStage: 'senior',
  },
  { pattern: /\bnew grad(uate)?\b|\bnewly qualified\b/, careerStage: 'new-graduate' },
  { pattern: /\bjunior\b|\bjr\b/, careerStage: 'early-career' },
  { pattern: /\btrainee\b|\bapprentice\b/, careerStage: 'student' },
];

const EXACT_PROFESSIONS = new Map<string, Profession>(
  PROFESSIONS.flatMap((profession) => [
    [valueKey(profession), profession],
    [valueKey(PROFESSION_LABELS[profession]), profession],
  ]),
);
const EXACT_STAGES = new Map<string, CareerStage>(
  CAREER_STAGES.flatMap((stage) => [
    [valueKey(stage), stage],
    [valueKey(CAREER_STAGE_LABELS[stage]), stage],
  ]),
);

/** The suggested meaning of a job title, or of a profession written as the app names it. */
export function suggestTitleMeaning(raw: string): TitleMeaning {
  const key = valueKey(raw);
  const exact = EXACT_PROFESSIONS.get(key);
  const stageWord = STAGE_RULES.find((rule) => rule.pattern.test(key))?.careerStage ?? null;
  if (exact) return { profession: exact, careerStage: stageWord };
  const rule = TITLE_RULES.find((candidate) => candidate.pattern.test(key));
  return { profession: rule?.profession ?? null, careerStage: rule?.careerStage ?? stageWord };
}

/** A career stage column's value, when it names one of the app's stages or a common word for it. */
export function suggestCareerStage(raw: string): CareerStage | null {
  const key = valueKey(raw);
  return EXACT_STAGES.get(key) ?? CAREER_STAGE_WORDS.get(key) ?? null;
}

const CAREER_STAGE_WORDS = new Map<string, CareerStage>([
  ['trainee', 'student'],
  ['new grad', 'new-graduate'],
  ['newly qualified', 'new-graduate'],
  ['graduate', 'new-graduate'],
  ['new', 'new-graduate'],
  ['early', 'early-career'],
  ['junior', 'early-career'],
  ['mid', 'mid-career'],
  ['middle', 'mid-career'],
  ['experienced', 'mid-career'],
  ['late career', 'senior'],
  ['late', 'senior'],
  ['expert', 'senior'],
  ['veteran', 'senior'],
  ['emeritus', 'retired'],
]);

// ---------------------------------------------------------------------------------------------
// A single role column → the mentor and mentee flags.

export const PROGRAM_ROLES = ['mentor', 'mentee', 'both', 'neither'] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

export const PROGRAM_ROLE_LABELS: Record<ProgramRole, string> = {
  mentor: 'Mentor',
  mentee: 'Mentee',
  both: 'Both mentor and mentee',
  neither: 'Neither (not in the program)',
};

export function roleFlags(role: ProgramRole): { isMentor: boolean; isMentee: boolean } {
  return { isMentor: role === 'mentor' || role === 'both', isMentee: role === 'mentee' || role === 'both' };
}

const MENTOR_WORDS = /\b(mentors?|preceptors?|coach|advis[eo]r|supervisor|mentoring)\b/;
const MENTEE_WORDS =
  /\b(mentees?|proteges?|preceptees?|orientees?|new hire|learner|mentored|coachee|apprentice)\b/;
const BOTH_WORDS = /^(both|all|mentor and mentee|either|yes both)$/;
const NEITHER_WORDS = /^(none|neither|n ?a|no|not participating|inactive|no role|nil)$/;

/** The suggested meaning of a role value, or null when it says nothing we can read. */
export function suggestRole(raw: string): ProgramRole | null {
  const plain = valueKey(raw);
  if (!plain) return null;
  if (NEITHER_WORDS.test(plain.replace(/\//g, ''))) return 'neither';
  const key = plain.replace(/\s*[&/+,;|]\s*/g, ' and ');
  if (BOTH_WORDS.test(key)) return 'both';
  const mentor = MENTOR_WORDS.test(key);
  const mentee = MENTEE_WORDS.test(key);
  if (mentor && mentee) return 'both';
  if (mentor) return 'mentor';
  if (mentee) return 'mentee';
  return null;
}

/** Whether most values of a column read as program roles: then a column named "Role" is the role. */
export function looksLikeRoleColumn(values: readonly string[]): boolean {
  const distinct = distinctValues(values);
  if (distinct.length === 0) return false;
  const roles = distinct.filter((value) => suggestRole(value.text) !== null).length;
  return roles * 2 > distinct.length;
}
