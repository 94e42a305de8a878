import { isIsoDate } from '../calendar';
import { RuleError } from './rule-error';

/** What an e-mail address must look like: something, an @, a domain with a dot. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

/** A date field: required or optional, and a real calendar day written year-month-day. */
export function requireDate(value: string | null, field: string, label: string, optional: boolean): void {
  if (value === null || value === '') {
    if (!optional) throw new RuleError('required', `${label} is required.`, field);
    return;
  }
  if (!isIsoDate(value))
    throw new RuleError(
      'bad-date',
      `${label} must be a real date, written as year-month-day (2024-03-31).`,
      field,
    );
}

/** A whole number within bounds. */
export function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
