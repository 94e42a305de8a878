import { type IpcErrorCode, type IpcErrorDetails, ipcErrorWords } from '../shared/errors';

/** A failure the manager should read about: a code of the contract, and its words from the one table. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    readonly details: IpcErrorDetails = {},
  ) {
    super(ipcErrorWords(code, details));
    this.name = 'IpcFailure';
  }
}

const CODE_OF_SYSTEM_ERROR: Record<string, IpcErrorCode> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  ENOENT: 'not-found',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  EROFS: 'no-permission',
};

/**
 * Any error as a failure with a code: the app's own pass through, the file system's are named by their
 * system code, and anything else becomes "unexpected" (its text, which may hold paths or internals, is
 * logged by name only and never shown).
 */
export function asIpcFailure(error: unknown, channel: string): IpcFailure {
  if (error instanceof IpcFailure) return error;
  const systemCode = (error as { code?: unknown } | null)?.code;
  const code = typeof systemCode === 'string' ? CODE_OF_SYSTEM_ERROR[systemCode] : undefined;
  if (code) return new IpcFailure(code);
  console.error(
    `${channel} failed unexpectedly: ${error instanceof Error ? error.name : typeof error}${typeof systemCode === 'string' ? ` ${systemCode}` : ''}`,
  );
  return new IpcFailure('unexpected', { channel });
}
