// The program's rules live in this folder, one file per entity. Repositories call them before every
// write; the messages are shown to the clinic manager as they are, so they speak plainly and name the field.

export class RuleError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'RuleError';
    this.code = code;
    this.field = field;
  }
}

/** Several broken rules of one record, so a form can show every problem at once. */
export class RuleErrors extends RuleError {
  readonly all: readonly RuleError[];
  constructor(all: readonly RuleError[]) {
    // The first problem stands for the whole, for code that knows only one message.
    super(all[0].code, all.map((error) => error.message).join(' '), all[0].field);
    this.name = 'RuleErrors';
    this.all = all;
  }
}

/** The single rule errors inside an error: itself, or each one of a RuleErrors. */
export function ruleErrorsOf(error: RuleError): readonly RuleError[] {
  return error instanceof RuleErrors ? error.all : [error];
}

/**
 * Runs every check, each independent of the others, and throws what they found together: one
 * RuleError as itself, several as a RuleErrors. A check that is not a broken rule stops at once.
 */
export function checkAll(checks: ReadonlyArray<() => void>): void {
  const found: RuleError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      found.push(...ruleErrorsOf(error));
    }
  }
  if (found.length === 1) throw found[0];
  if (found.length > 1) throw new RuleErrors(found);
}
