import { describe, expect, it, vi } from 'vitest';
import { handleIpcRequest, type IpcEvent, registerIpcHandlers } from '../../electron/main/ipc/register';
import { type IpcChannel, type IpcRequest, ipcContract } from '../../electron/shared/ipc';

const fromApp = {
  senderFrame: { url: 'app://guiding-hands/index.html#/backup' },
  sender: {},
} as unknown as IpcEvent;
const fromWeb = { senderFrame: { url: 'https://example.org/' }, sender: {} } as unknown as IpcEvent;
const fromFile = { senderFrame: { url: 'file:///tmp/index.html' }, sender: {} } as unknown as IpcEvent;
const fromGoneFrame = { senderFrame: null, sender: {} } as unknown as IpcEvent;

const goodWrite: IpcRequest<'backup:writeToFolder'> = {
  folder: '/backups',
  fileName: 'Riverside Clinic 2026-03-01.age',
  data: new Uint8Array([1, 2, 3]),
};

describe('IPC requests', () => {
  it('accepts a good request from the app’s page and returns the handler’s answer', async () => {
    const handler = vi.fn(async (request: IpcRequest<'backup:writeToFolder'>) => ({
      path: `${request.folder}/${request.fileName}`,
    }));
    await expect(handleIpcRequest('backup:writeToFolder', handler, fromApp, [goodWrite])).resolves.toEqual({
      path: '/backups/Riverside Clinic 2026-03-01.age',
    });
    expect(handler).toHaveBeenCalledOnce();
  });

  it.each([
    ['a web page', fromWeb],
    ['a local file', fromFile],
    ['a frame that is gone', fromGoneFrame],
  ])('refuses a request from %s without running the handler', async (_label, event) => {
    const handler = vi.fn();
    await expect(handleIpcRequest('backup:writeToFolder', handler, event, [goodWrite])).rejects.toThrow(
      'Refused a request from a page that is not part of Guiding Hands (backup:writeToFolder).',
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a path instead of a file name', { ...goodWrite, fileName: '../../etc/cron.d/job' }],
    ['a Windows path', { ...goodWrite, fileName: 'C:\\Windows\\x.age' }],
    ['text instead of bytes', { ...goodWrite, data: 'hello' }],
    ['a missing folder', { fileName: goodWrite.fileName, data: goodWrite.data }],
    ['nothing at all', undefined],
  ])('refuses %s with a plain message and does not run the handler', async (_label, request) => {
    const handler = vi.fn();
    await expect(handleIpcRequest('backup:writeToFolder', handler, fromApp, [request])).rejects.toThrow(
      /^Refused a request the app did not understand \(backup:writeToFolder: .+\)\.$/,
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses extra arguments and an argument for a channel that takes none', async () => {
    const handler = vi.fn(async () => ({ version: '1', platform: 'linux', userDataPath: '/x' }));
    await expect(handleIpcRequest('app:getInfo', handler, fromApp, [undefined, 'extra'])).rejects.toThrow(
      /did not understand/,
    );
    await expect(handleIpcRequest('app:getInfo', handler, fromApp, [{ sneaky: true }])).rejects.toThrow(
      /did not understand/,
    );
    expect(handler).not.toHaveBeenCalled();
    await expect(handleIpcRequest('app:getInfo', handler, fromApp, [])).resolves.toMatchObject({
      version: '1',
    });
  });

  it('never sends back more than the contract allows', async () => {
    const leaky = async () => ({ version: '1', platform: 'linux', userDataPath: '/x', secret: 'key' });
    const answer = await handleIpcRequest('app:getInfo', leaky, fromApp, [undefined]);
    expect(answer).toEqual({ version: '1', platform: 'linux', userDataPath: '/x' });
  });

  it('refuses to send an answer the contract does not allow, with a plain message', async () => {
    const broken = async () =>
      ({ version: 1 }) as unknown as { version: string; platform: string; userDataPath: string };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(handleIpcRequest('app:getInfo', broken, fromApp, [undefined])).rejects.toThrow(
      'Guiding Hands could not finish that (app:getInfo). Please try again.',
    );
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('registers one handler per channel of the contract, each behind the checks', async () => {
    type Listener = (event: never, ...args: unknown[]) => unknown;
    const registered = new Map<string, Listener>();
    const ipcMain = {
      handle: (channel: string, listener: Listener) => {
        registered.set(channel, listener);
      },
    };
    const answer = vi.fn(async () => null);
    const handlers = Object.fromEntries(Object.keys(ipcContract).map((channel) => [channel, answer]));
    registerIpcHandlers(
      ipcMain as Parameters<typeof registerIpcHandlers>[0],
      handlers as unknown as Parameters<typeof registerIpcHandlers>[1],
    );
    expect([...registered.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    await expect(
      registered.get('files:open')?.(fromWeb as never, { filters: [], maxBytes: 10 }),
    ).rejects.toThrow(/not part of/);
    await expect(
      registered.get('files:open')?.(fromApp as never, { filters: [], maxBytes: 10 }),
    ).resolves.toBeNull();
  });
});

describe('contract payloads cross the process boundary intact', () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 255]);
  const samples: { [C in IpcChannel]?: { request: unknown; response: unknown } } = {
    'app:getInfo': {
      request: undefined,
      response: { version: '0.1.0', platform: 'win32', userDataPath: 'C:\\Users\\a' },
    },
    'files:saveAs': {
      request: {
        suggestedName: 'Report ✓ Zoë.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        data: bytes,
      },
      response: { saved: true, path: '/home/a/Report.csv' },
    },
    'files:open': {
      request: { filters: [{ name: 'Backups', extensions: ['age'] }], maxBytes: 1024 },
      response: { name: 'b.age', data: bytes },
    },
    'backup:chooseFolder': { request: undefined, response: { folder: '/media/usb' } },
    'backup:writeToFolder': { request: goodWrite, response: { path: '/backups/x.age' } },
    'autoBackup:getStatus': {
      request: undefined,
      response: {
        enabled: true,
        folder: '/b',
        onQuit: true,
        daily: false,
        rotation: { daily: 7, weekly: 4, monthly: 12 },
        available: true,
        unavailableReason: null,
        hasPassphrase: true,
        clinicLock: false,
        lastAutoBackupAt: '2026-03-01T02:00:00.000Z',
      },
    },
    'autoBackup:configure': {
      request: {
        settings: {
          enabled: true,
          folder: '/b',
          onQuit: true,
          daily: true,
          rotation: { daily: 7, weekly: 4, monthly: 12 },
        },
        passphrase: 'correct horse battery staple',
      },
      response: undefined,
    },
    'autoBackup:useClinicLock': {
      request: { ageRecipient: 'age1kwqc7469s4rgwtg9fg0tufrdc3gya87aupp2eu0s69y8dknetvaq4twcm4' },
      response: undefined,
    },
    'autoBackup:write': {
      request: { fileName: 'Clinic.age', data: bytes, reason: 'quit' },
      response: { path: '/b/Clinic-auto-2026-03-01T02-00-00Z.age', removed: ['old.age'] },
    },
    'autoBackup:notMade': {
      request: { reason: 'quit', why: 'No passphrase is kept for automatic backups.' },
      response: null,
    },
    'print:page': { request: undefined, response: { printed: true } },
    'print:toPdf': {
      request: { suggestedName: 'Report.pdf', paperSize: 'A4' },
      response: { saved: false, path: null },
    },
  };

  it.each(Object.keys(ipcContract) as IpcChannel[])(
    '%s: valid payloads survive structuredClone unchanged',
    (channel) => {
      const sample = samples[channel];
      expect(sample).toBeDefined();
      const { request, response } = ipcContract[channel];
      const parsedRequest = request.parse(sample?.request);
      const clonedRequest = structuredClone(parsedRequest);
      expect(clonedRequest).toEqual(parsedRequest);
      expect(request.parse(clonedRequest)).toEqual(parsedRequest);
      if (sample?.response !== undefined) {
        const parsedResponse = response.parse(sample.response);
        const clonedResponse = structuredClone(parsedResponse);
        expect(response.parse(clonedResponse)).toEqual(parsedResponse);
      }
    },
  );

  it('the clinic lock channel takes an age recipient only: never a secret key or other text', () => {
    const { request } = ipcContract['autoBackup:useClinicLock'];
    expect(request.safeParse({ ageRecipient: null }).success).toBe(true);
    for (const refused of [
      'AGE-SECRET-KEY-149GZ7USK5HMXP277JW7KVSDQZW3TQ8JCM0XUM7S7TWW9LHT98S6QKA8R78',
      'age1kwqc7469s4rgwtg9fg0tufrdc3gya87aupp2eu0s69y8dknetvaq4twcm',
      'age1KWQC7469S4RGWTG9FG0TUFRDC3GYA87AUPP2EU0S69Y8DKNETVAQ4TWCM4',
      'a passphrase',
    ])
      expect(request.safeParse({ ageRecipient: refused }).success).toBe(false);
  });

  it('bytes stay bytes after cloning, so the schemas still accept them on the other side', () => {
    const cloned = structuredClone({ data: Buffer.from([1, 2, 3]) });
    expect(cloned.data).toBeInstanceOf(Uint8Array);
    expect(ipcContract['files:open'].response.parse({ name: 'x', data: cloned.data })).toBeTruthy();
  });

  it('the schemas refuse what cannot be cloned: functions and class instances with methods', () => {
    expect(() => structuredClone({ run: () => 1 })).toThrow();
    expect(
      ipcContract['backup:writeToFolder'].request.safeParse({ ...goodWrite, data: () => 1 }).success,
    ).toBe(false);
    expect(
      ipcContract['files:saveAs'].request.safeParse({ suggestedName: 'a', filters: [], data: new Map() })
        .success,
    ).toBe(false);
  });
});
