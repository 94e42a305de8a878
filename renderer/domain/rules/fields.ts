import { isIsoDate } from '../calendar';
import { RuleError } from './rule-error';

/** What an e-mail address must look like: something, an @, a domain with a dot. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

/** The days a record may name: a real mentorship program's dates, and nothing a typo makes of them. */
export const DATE_RANGE = { earliest: '1900-01-01', latest: '2100-12-31' } as const;

export function isDateInRange(value: string): boolean {
  return value >= DATE_RANGE.earliest && value <= DATE_RANGE.latest;
}

/** A date field: required or optional, a real calendar day written year-month-day, within DATE_RANGE. */
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
  if (!isDateInRange(value))
    throw new RuleError(
      'date-out-of-range',
      `${label} must be between ${DATE_RANGE.earliest.slice(0, 4)} and ${DATE_RANGE.latest.slice(0, 4)}.`,
      field,
    );
}

/** A whole number within bounds. */
export function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Names that every JavaScript object already has (`__proto__`, `constructor`, `toString`…): an id
 * spelled like one would turn into the object's own machinery wherever records are looked up by id.
 */
const OBJECT_PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isSafeId(value: string): boolean {
  return !OBJECT_PROTOTYPE_NAMES.has(value);
}
