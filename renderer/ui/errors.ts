import { RuleError, ruleErrorsOf } from '../domain/rules';
import { DISK_FULL_MESSAGE, isStorageFullError, StorageFullError } from '../domain/storage-full';

// Turns a failure into words for the manager. Rule errors from the repositories and the platform's
// errors (coded failures of the desktop, worded in one table) already speak plainly; a full disk gets
// its own words wherever it happens; anything else is unexpected, so it is reported to the console and
// summarised.

export interface ErrorInfo {
  message: string;
  field?: string;
  code?: string;
  /** Every broken rule's message by field, when the rules found several problems at once. */
  fields?: Record<string, string>;
  /** The messages of broken rules that name no field. */
  unplaced?: string[];
}

/** Errors that already carry words for the manager (the platform's, by its `plainWords` mark). */
function speaksPlainly(error: unknown): error is Error {
  return (
    error instanceof Error && (error as { plainWords?: unknown }).plainWords === true && error.message !== ''
  );
}

export function describeError(error: unknown, doing = 'saving'): ErrorInfo {
  if (error instanceof RuleError) {
    const fields: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const problem of ruleErrorsOf(error)) {
      if (!problem.field) unplaced.push(problem.message);
      // Two problems of one field: the first is the one to fix first.
      else fields[problem.field] ??= problem.message;
    }
    return { message: error.message, field: error.field, code: error.code, fields, unplaced };
  }
  if (error instanceof StorageFullError) return { message: error.message, code: error.code };
  if (speaksPlainly(error)) return { message: error.message };
  if (isStorageFullError(error)) return { message: DISK_FULL_MESSAGE, code: 'storage-full' };
  console.error(error);
  return { message: `Something went wrong while ${doing}. Nothing was changed; please try again.` };
}
