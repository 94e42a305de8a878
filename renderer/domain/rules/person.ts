import { CAREER_STAGES, type Person, PROFESSIONS } from '../types';
import { isEmailAddress, isWholeNumberIn, requireDate } from './fields';
import { checkAll, RuleError } from './rule-error';

type Stamped = 'id' | 'createdAt' | 'updatedAt';
export type PersonInput = Omit<Person, Stamped | 'archived'> & { archived?: boolean };

/** The most mentees one mentor may be given. */
export const MAX_MENTOR_CAPACITY = 50;
export const MAX_NAME_LENGTH = 200;

/**
 * Control characters other than spaces, tabs and line breaks: they cannot be typed, only pasted or
 * imported by mistake, and U+0000 separates the parts of the people's word-and-name index
 * (derived-fields.ts), so a name holding it would sort out of place there.
 */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

export interface PersonCheckOptions {
  /**
   * A backup holds what the app once accepted: names saved before control characters were refused
   * restore as they are (their search key drops U+0000, see searchKey).
   */
  fromBackup?: boolean;
}

export function checkPerson(input: PersonInput, options: PersonCheckOptions = {}): void {
  checkAll([
    () => {
      if (!input.name.trim()) throw new RuleError('required', 'Name is required.', 'name');
      if (input.name.length > MAX_NAME_LENGTH)
        throw new RuleError('too-long', `Name is too long (${MAX_NAME_LENGTH} characters at most).`, 'name');
      if (!options.fromBackup && hasControlCharacter(input.name))
        throw new RuleError(
          'control-character',
          'Name holds an invisible character that cannot be typed (often copied in from another program). Type the name again.',
          'name',
        );
    },
    () => {
      if (input.email && !isEmailAddress(input.email))
        throw new RuleError('bad-email', `"${input.email}" does not look like an email address.`, 'email');
    },
    () => {
      if (!PROFESSIONS.includes(input.profession))
        throw new RuleError('bad-profession', 'Choose a profession from the list.', 'profession');
    },
    () => {
      if (!CAREER_STAGES.includes(input.careerStage))
        throw new RuleError('bad-career-stage', 'Choose a career stage from the list.', 'careerStage');
    },
    () => requireDate(input.hireDate, 'hireDate', 'Hire date', true),
    () => {
      requireDate(input.leavingDate, 'leavingDate', 'Leaving date', true);
      if (input.hireDate && input.leavingDate && input.leavingDate < input.hireDate)
        throw new RuleError(
          'end-before-start',
          'The leaving date must be after the hire date.',
          'leavingDate',
        );
    },
    () => {
      if (!isWholeNumberIn(input.mentorCapacity, 0, MAX_MENTOR_CAPACITY))
        throw new RuleError(
          'bad-capacity',
          `Mentor capacity must be a whole number between 0 and ${MAX_MENTOR_CAPACITY}.`,
          'mentorCapacity',
        );
    },
    () => {
      if (!input.isMentor && !input.isMentee)
        throw new RuleError('no-role', 'Tick at least one role: mentor, mentee, or both.', 'isMentor');
    },
  ]);
}
