import { searchKey, storedLine, storedText } from '../text';
import { DEFAULT_RENEWAL_MONTHS } from '../training';
import {
  type Id,
  type IsoDate,
  RECOGNITION_KINDS,
  type Recognition,
  type TrainingCourse,
  type TrainingRecord,
} from '../types';
import { isWholeNumberIn, requireDate } from './fields';
import { checkAll, RuleError } from './rule-error';

// Mentor training courses, training records and recognition entries.

export const MAX_COURSE_NAME_LENGTH = 120;
export const MAX_PROVIDER_LENGTH = 120;
export const RENEWAL_MONTHS = { min: 1, max: 120 } as const;
/** One completion is a course, not a degree: more hours than this is a typing slip. */
export const MAX_TRAINING_HOURS = 500;
export const MAX_RECOGNITION_LENGTH = 500;

export type CourseInput = Pick<TrainingCourse, 'name' | 'provider' | 'renewalMonths'>;

/** A course as it will be stored, once its name is present and not taken, its renewal sensible. */
export function checkCourse(
  input: CourseInput,
  existing: ReadonlyArray<Pick<TrainingCourse, 'id' | 'name'>>,
  exceptId?: Id,
): CourseInput {
  const name = storedLine(input.name);
  const provider = storedLine(input.provider);
  checkAll([
    () => {
      if (!name) throw new RuleError('required', 'A course needs a name.', 'name');
      if (name.length > MAX_COURSE_NAME_LENGTH)
        throw new RuleError(
          'too-long',
          `Course names are ${MAX_COURSE_NAME_LENGTH} characters at most.`,
          'name',
        );
      if (existing.some((course) => course.id !== exceptId && searchKey(course.name) === searchKey(name)))
        throw new RuleError('duplicate', `There is already a course called "${name}".`, 'name');
    },
    () => {
      if (provider.length > MAX_PROVIDER_LENGTH)
        throw new RuleError(
          'too-long',
          `The provider is ${MAX_PROVIDER_LENGTH} characters at most.`,
          'provider',
        );
    },
    () => {
      if (!isWholeNumberIn(input.renewalMonths, RENEWAL_MONTHS.min, RENEWAL_MONTHS.max))
        throw new RuleError(
          'bad-renewal',
          `Renew every … months must be a whole number from ${RENEWAL_MONTHS.min} to ${RENEWAL_MONTHS.max} (usually ${DEFAULT_RENEWAL_MONTHS}).`,
          'renewalMonths',
        );
    },
  ]);
  return { name, provider, renewalMonths: input.renewalMonths };
}

export type TrainingInput = Pick<
  TrainingRecord,
  'personId' | 'courseId' | 'provider' | 'completedOn' | 'hours' | 'renewBy'
>;

/** Whole hours or quarters of an hour: 0.25 to MAX_TRAINING_HOURS. */
export function isTrainingHours(hours: number): boolean {
  return Number.isFinite(hours) && hours > 0 && hours <= MAX_TRAINING_HOURS && Number.isInteger(hours * 4);
}

/** A completed course: a course of the list, a real date not in the future, hours, a later renew-by. */
export function checkTraining(
  input: TrainingInput,
  context: { course: Pick<TrainingCourse, 'archived'> | undefined; personExists: boolean; today: IsoDate },
): TrainingInput {
  const provider = storedLine(input.provider);
  checkAll([
    () => {
      if (!context.personExists)
        throw new RuleError('no-person', 'This person no longer exists.', 'personId');
    },
    () => {
      if (!context.course) throw new RuleError('no-course', 'Choose a course.', 'courseId');
    },
    () => {
      if (provider.length > MAX_PROVIDER_LENGTH)
        throw new RuleError(
          'too-long',
          `The provider is ${MAX_PROVIDER_LENGTH} characters at most.`,
          'provider',
        );
    },
    () => {
      requireDate(input.completedOn, 'completedOn', 'The date completed', false);
      if (input.completedOn > context.today)
        throw new RuleError('future', 'The date completed cannot be in the future.', 'completedOn');
    },
    () => {
      if (!isTrainingHours(input.hours))
        throw new RuleError(
          'bad-hours',
          `Hours must be more than 0 and at most ${MAX_TRAINING_HOURS}, in quarters of an hour (1.5, 2.25).`,
          'hours',
        );
    },
    () => {
      requireDate(input.renewBy, 'renewBy', 'The renew-by date', false);
      if (input.renewBy <= input.completedOn)
        throw new RuleError(
          'renew-before-done',
          'The renew-by date must come after the date completed.',
          'renewBy',
        );
    },
  ]);
  return { ...input, provider };
}

export type RecognitionInput = Pick<Recognition, 'personId' | 'kind' | 'date' | 'text'>;

/** A recognition entry: a kind, a real date not in the future, and a short text. */
export function checkRecognition(
  input: RecognitionInput,
  context: { personExists: boolean; today: IsoDate },
): RecognitionInput {
  const text = storedText(input.text);
  checkAll([
    () => {
      if (!context.personExists)
        throw new RuleError('no-person', 'This person no longer exists.', 'personId');
    },
    () => {
      if (!RECOGNITION_KINDS.includes(input.kind))
        throw new RuleError('bad-kind', 'Choose what kind of recognition it is.', 'kind');
    },
    () => {
      requireDate(input.date, 'date', 'The date', false);
      if (input.date > context.today)
        throw new RuleError('future', 'The date cannot be in the future.', 'date');
    },
    () => {
      if (!text)
        throw new RuleError('required', 'Write a few words: what it was for, or who said what.', 'text');
      if (text.length > MAX_RECOGNITION_LENGTH)
        throw new RuleError('too-long', `Keep it to ${MAX_RECOGNITION_LENGTH} characters at most.`, 'text');
    },
  ]);
  return { ...input, text };
}
