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
