import type { Program } from '../types';
import { isWholeNumberIn } from './fields';
import { checkAll, RuleError } from './rule-error';

type Stamped = 'id' | 'createdAt' | 'updatedAt';
export type ProgramInput = Omit<Program, Stamped | 'archived'> & { archived?: boolean };

export const CADENCE_DAYS = { min: 1, max: 366 } as const;
export const PROGRAM_LENGTH_MONTHS = { min: 1, max: 120 } as const;

export function checkProgram(input: ProgramInput): void {
  checkAll([
    () => {
      if (!input.name.trim()) throw new RuleError('required', 'Program name is required.', 'name');
    },
    () => {
      if (!isWholeNumberIn(input.cadenceDays, CADENCE_DAYS.min, CADENCE_DAYS.max))
        throw new RuleError(
          'bad-cadence',
          `Meet every … days must be a whole number from ${CADENCE_DAYS.min} to ${CADENCE_DAYS.max}.`,
          'cadenceDays',
        );
    },
    () => {
      if (!isWholeNumberIn(input.typicalLengthMonths, PROGRAM_LENGTH_MONTHS.min, PROGRAM_LENGTH_MONTHS.max))
        throw new RuleError(
          'bad-length',
          `Typical length must be a whole number of months from ${PROGRAM_LENGTH_MONTHS.min} to ${PROGRAM_LENGTH_MONTHS.max}.`,
          'typicalLengthMonths',
        );
    },
  ]);
}
