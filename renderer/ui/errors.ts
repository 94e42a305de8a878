import { RuleError } from '../domain/rules';

// Turns a failed save into words for the manager. Rule errors from the repositories already speak
// plainly; anything else is unexpected, so it is reported to the console and summarised.

export interface ErrorInfo {
  message: string;
  field?: string;
  code?: string;
}

export function describeError(error: unknown, doing = 'saving'): ErrorInfo {
  if (error instanceof RuleError) return { message: error.message, field: error.field, code: error.code };
  console.error(error);
  return { message: `Something went wrong while ${doing}. Nothing was changed; please try again.` };
}
