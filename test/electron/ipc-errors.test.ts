import { describe, expect, it, vi } from 'vitest';
import { IpcFailure } from '../../electron/main/failure';
import { answerIpcRequest, type IpcEvent } from '../../electron/main/ipc/register';
import { decodeIpcError, encodeIpcError, IPC_ERROR_CODES, ipcErrorWords } from '../../electron/shared/errors';
import {
  type IpcChannel,
  ipcContract,
  MAX_IPC_FILE_BYTES,
  PAYLOAD_TOO_LARGE,
} from '../../electron/shared/ipc';
import { describeBackupFailure } from '../../renderer/features/backup/backup-errors';
import { asPlatformError, PlatformError, withPlatformErrors } from '../../renderer/platform/errors';
import { describeError } from '../../renderer/ui/errors';

const fromApp = { senderFrame: { url: 'app://guiding-hands/index.html' }, sender: {} } as unknown as IpcEvent;
const fromWeb = { senderFrame: { url: 'https://example.org/' }, sender: {} } as unknown as IpcEvent;

/** What the page receives: the main process's error message as Electron wraps it, unwrapped by the preload. */
async function failureSeenByPage(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (failure: Error) => failure,
  );
  const wrapped = `Error invoking remote method 'x': Error: ${error.message}`;
  return asPlatformError(
    new Error(wrapped.replace(/^Error invoking remote method '[^']+': (?:Error: )?/, '')),
  );
}

const write = { folder: '/backups', fileName: 'Clinic.age', data: new Uint8Array([1, 2, 3]) };

describe('failures across IPC', () => {
  it('a full disk reaches the page as "disk-full", in words that say nothing was half-written', async () => {
    const handler = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const failure = await failureSeenByPage(
      answerIpcRequest('backup:writeToFolder', handler, fromApp, [write]),
    );
    expect(failure.code).toBe('disk-full');
    expect(failure.message).toMatch(/is full.*nothing was half-written/);
    expect(failure.message).not.toContain('ENOSPC');
  });

  it('the app’s own failures keep their code and words', async () => {
    const handler = async () => {
      throw new IpcFailure('folder-missing', { folder: 'E:\\Backups' });
    };
    const failure = await failureSeenByPage(
      answerIpcRequest('backup:writeToFolder', handler, fromApp, [write]),
    );
    expect(failure.code).toBe('folder-missing');
    expect(failure.message).toBe(
      'The folder "E:\\Backups" cannot be found. Is the USB stick or network drive connected?',
    );
  });

  it('an unexpected error never shows its internals to the page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = async () => {
      throw new TypeError('Cannot read properties of undefined (reading "x") at /opt/app/main.cjs:12:3');
    };
    const failure = await failureSeenByPage(
      answerIpcRequest('backup:writeToFolder', handler, fromApp, [write]),
    );
    expect(failure.code).toBe('unexpected');
    expect(failure.message).toBe(
      'Guiding Hands could not finish that (backup:writeToFolder). Please try again.',
    );
    vi.restoreAllMocks();
  });

  it('a foreign page and a bad argument are refused with their own codes', async () => {
    const handler = vi.fn();
    expect(
      (await failureSeenByPage(answerIpcRequest('backup:writeToFolder', handler, fromWeb, [write]))).code,
    ).toBe('foreign-sender');
    const bad = { ...write, fileName: '../x.age' };
    expect(
      (await failureSeenByPage(answerIpcRequest('backup:writeToFolder', handler, fromApp, [bad]))).code,
    ).toBe('bad-request');
    expect(handler).not.toHaveBeenCalled();
  });

  it('every code has words of its own, and codes survive the round trip', () => {
    for (const code of IPC_ERROR_CODES) {
      const words = ipcErrorWords(code);
      expect(words.length).toBeGreaterThan(10);
      expect(words).not.toMatch(/undefined|NaN/);
      expect(decodeIpcError(new IpcFailure(code).message)).toBeNull();
    }
    expect(decodeIpcError('The folder is gone.')).toBeNull();
    expect(decodeIpcError('Words ⟪gh:not-a-code {}⟫')).toBeNull();
    const failure = new IpcFailure('disk-full', { folder: 'E:\\', needed: 5_000_000, free: 1_000 });
    const crossed = decodeIpcError(
      `Error: ${encodeIpcError(failure.code, failure.details, failure.message)}`,
    );
    expect(crossed).toEqual({
      code: 'disk-full',
      details: { folder: 'E:\\', needed: 5_000_000, free: 1_000 },
    });
    expect(ipcErrorWords('disk-full', crossed?.details)).toBe(failure.message);
    // Details that are not as the contract says are dropped; the code keeps its words.
    expect(decodeIpcError('x ⟪gh:folder-missing {"folder":42,"evil":"<script>"}⟫')).toEqual({
      code: 'folder-missing',
      details: {},
    });
    const detailsOf = (json: string) => decodeIpcError(`x ⟪gh:disk-full ${json}⟫`)?.details;
    expect(detailsOf('{"folder":"D:\\\\","feature":"folder","reason":"no-keyring","size":0}')).toEqual({
      folder: 'D:\\',
      feature: 'folder',
      reason: 'no-keyring',
      size: 0,
    });
    expect(detailsOf(`{"channel":"${'c'.repeat(101)}"}`)).toEqual({});
    expect(detailsOf(`{"channel":"${'c'.repeat(100)}"}`)).toEqual({ channel: 'c'.repeat(100) });
    expect(detailsOf('{"free":-1}')).toEqual({});
    expect(detailsOf('{"feature":"printer"}')).toEqual({});
    expect(detailsOf('{"reason":"other"}')).toEqual({});
    expect(detailsOf('{"__proto__":{"folder":"x"}}')).toEqual({});
    expect(detailsOf('{"folder":"E:\\\\","constructor":"x"}')).toEqual({});
    expect(detailsOf('{"needed":1e400}')).toEqual({});
  });

  it('the screens show a coded failure’s words, not "Something went wrong"', () => {
    const diskFull = PlatformError.of('disk-full', { folder: 'E:\\' });
    expect(describeError(diskFull, 'saving the template').message).toBe(diskFull.message);
    expect(describeBackupFailure(diskFull, 'saving the backup')).toBe(
      `Saving the backup did not work: ${diskFull.message}`,
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(describeBackupFailure(new Error('EIO: i/o error, write'), 'saving the backup')).toBe(
      'Something went wrong while saving the backup. Your records have not been changed.',
    );
    vi.restoreAllMocks();
  });
});

/** Every string and array in a schema, by path, with whether it has an upper bound. */
function unbounded(schema: unknown, path: string, found: string[]): void {
  const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
  const checks = ((def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? []).map(
    (check) => check._zod.def.check,
  );
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>))
        unbounded(value, `${path}.${key}`, found);
      return;
    case 'nullable':
    case 'optional':
      unbounded(def.innerType, path, found);
      return;
    case 'array':
      if (!checks.includes('max_length')) found.push(path);
      unbounded(def.element, `${path}[]`, found);
      return;
    case 'string':
      if (!checks.includes('max_length')) found.push(path);
      return;
    case 'custom':
      // The byte payloads: bounded by a refinement, proven below with a real oversized array.
      if (!checks.includes('custom')) found.push(path);
      return;
    default:
      return;
  }
}

describe('IPC payload sizes', () => {
  it('every string, list and byte payload of every channel, asked or answered, has an upper bound', () => {
    const found: string[] = [];
    for (const [channel, contract] of Object.entries(ipcContract)) {
      unbounded(contract.request, `${channel} request`, found);
      unbounded(contract.response, `${channel} answer`, found);
    }
    expect(found).toEqual([]);
  });

  it('a backup over the limit is refused as "payload-too-large" before the handler runs, and one at the limit passes', async () => {
    const handler = vi.fn(async () => ({ path: '/backups/Clinic.age' }));
    const tooLarge = { ...write, data: new Uint8Array(MAX_IPC_FILE_BYTES + 1) };
    const failure = await failureSeenByPage(
      answerIpcRequest('backup:writeToFolder', handler, fromApp, [tooLarge]),
    );
    expect(failure.code).toBe('payload-too-large');
    expect(failure.message).toContain('200.0 MB');
    expect(handler).not.toHaveBeenCalled();
    const atLimit = { ...write, data: tooLarge.data.subarray(0, MAX_IPC_FILE_BYTES) };
    await expect(answerIpcRequest('backup:writeToFolder', handler, fromApp, [atLimit])).resolves.toEqual({
      path: '/backups/Clinic.age',
    });
  });

  it.each(['files:saveAs', 'backup:writeToFolder', 'autoBackup:write'] as IpcChannel[])(
    '%s refuses bytes over the limit with the plain reason',
    (channel) => {
      const huge = new Uint8Array(1);
      Object.defineProperty(huge, 'byteLength', { get: () => MAX_IPC_FILE_BYTES + 1 });
      const request = {
        suggestedName: 'a.age',
        filters: [],
        folder: '/b',
        fileName: 'a.age',
        reason: 'manual',
        data: huge,
      };
      const schema = ipcContract[channel].request as unknown as {
        safeParse(value: unknown): { error?: { issues: { message: string }[] } };
      };
      const result = schema.safeParse(request);
      expect(result.error?.issues.map((issue) => issue.message)).toContain(PAYLOAD_TOO_LARGE);
    },
  );

  it('the page refuses to send a file over the limit at all, in words, and passes smaller ones on', async () => {
    const sent: unknown[] = [];
    const api = withPlatformErrors({
      kind: 'electron',
      writeBackupToFolder: async (request: unknown) => {
        sent.push(request);
        return { path: '/b/a.age' };
      },
      on: () => () => undefined,
    } as never);
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { get: () => MAX_IPC_FILE_BYTES + 1 });
    await expect(
      api.writeBackupToFolder({ folder: '/b', fileName: 'a.age', data: huge }),
    ).rejects.toMatchObject({
      code: 'payload-too-large',
    });
    expect(sent).toEqual([]);
    await expect(
      api.writeBackupToFolder({ folder: '/b', fileName: 'a.age', data: new Uint8Array([1]) }),
    ).resolves.toEqual({ path: '/b/a.age' });
  });
});
