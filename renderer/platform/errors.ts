import {
  decodeIpcError,
  type IpcErrorCode,
  type IpcErrorDetails,
  ipcErrorWords,
} from '../../electron/shared/errors';
import type { PlatformApi } from '../../electron/shared/ipc';
import { MAX_IPC_FILE_BYTES } from '../../electron/shared/limits';

export type { IpcErrorCode as PlatformErrorCode } from '../../electron/shared/errors';

/**
 * A failure of the desktop (or the browser stand-in): a code of the IPC contract and the plain words the
 * manager reads. `plainWords` lets the shared UI helpers show the message as it is without importing this
 * layer.
 */
export class PlatformError extends Error {
  readonly plainWords = true;
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  static of(code: IpcErrorCode, details?: IpcErrorDetails): PlatformError {
    return new PlatformError(code, ipcErrorWords(code, details));
  }
}

export function isPlatformError(error: unknown, code?: IpcErrorCode): error is PlatformError {
  return error instanceof PlatformError && (code === undefined || error.code === code);
}

/**
 * The one place a failure from the main process becomes words for the page: its code and details, worded
 * by the contract's table.
 */
export function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const decoded = decodeIpcError(error instanceof Error ? error.message : String(error));
  if (decoded) return PlatformError.of(decoded.code, decoded.details);
  // A message without a code never came from the contract (Electron itself failed): say it plainly.
  console.error('The desktop app failed without an error code');
  return PlatformError.of('unexpected');
}

/**
 * The preload API with every failure turned into a PlatformError (code and words), and files too large
 * for one IPC message refused before they are sent.
 */
export function withPlatformErrors(api: PlatformApi): PlatformApi {
  const wrapped: Record<string, unknown> = { kind: api.kind, on: api.on.bind(api) };
  for (const [name, call] of Object.entries(api)) {
    if (name === 'kind' || name === 'on' || typeof call !== 'function') continue;
    wrapped[name] = async (request?: unknown) => {
      const data = (request as { data?: unknown } | undefined)?.data;
      if (data instanceof Uint8Array && data.byteLength > MAX_IPC_FILE_BYTES) {
        throw PlatformError.of('payload-too-large', { limit: MAX_IPC_FILE_BYTES });
      }
      try {
        return await (call as (request?: unknown) => Promise<unknown>)(request);
      } catch (error) {
        throw asPlatformError(error);
      }
    };
  }
  return wrapped as unknown as PlatformApi;
}
