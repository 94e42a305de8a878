import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract, MAIN_EVENTS, type PlatformApi } from '../../electron/shared/ipc';

// The preload runs against Electron's renderer-side modules; here they are recorded instead.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const invoke = vi.fn(async (channel: string, request?: unknown) => ({ channel, request }));
  return {
    exposed,
    listeners,
    invoke,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke,
        on: (channel: string, listener: (...args: unknown[]) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)?.add(listener);
        },
        removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

async function loadApi(): Promise<PlatformApi> {
  vi.resetModules();
  electron.exposed.clear();
  await import('../../electron/preload/index');
  return electron.exposed.get('guidingHands') as PlatformApi;
}

beforeEach(() => {
  electron.invoke.mockClear();
  electron.listeners.clear();
});

describe('the preload API', () => {
  it('exposes only named functions as window.guidingHands, never ipcRenderer', async () => {
    const api = await loadApi();
    expect([...electron.exposed.keys()]).toEqual(['guidingHands']);
    expect(api.kind).toBe('electron');
    for (const value of Object.values(api)) {
      expect(value).not.toBe(electron.module.ipcRenderer);
      expect(value === 'electron' || typeof value === 'function').toBe(true);
    }
  });

  it('reaches every channel of the contract, each with the request as its only argument', async () => {
    const api = await loadApi();
    const bytes = new Uint8Array([1]);
    await api.getInfo();
    await api.saveAs({ suggestedName: 'a.csv', filters: [], data: bytes });
    await api.openFile({ filters: [], maxBytes: 5 });
    await api.chooseBackupFolder();
    await api.writeBackupToFolder({ folder: '/f', fileName: 'a.age', data: bytes });
    await api.getAutoBackupStatus();
    await api.configureAutoBackup({
      settings: {
        enabled: false,
        folder: null,
        onQuit: false,
        daily: false,
        rotation: { daily: 1, weekly: 1, monthly: 1 },
      },
      passphrase: null,
    });
    await api.setAutoBackupRecipient({ ageRecipient: null });
    await api.writeAutoBackup({ fileName: 'a.age', data: bytes, reason: 'manual' });
    await api.reportAutoBackupNotMade({
      reason: 'quit',
      why: 'No passphrase is kept for automatic backups.',
    });
    await api.printToPdf({ suggestedName: 'r.pdf', paperSize: 'Letter' });
    await api.print();
    const channels = electron.invoke.mock.calls.map(([channel]) => channel);
    expect([...channels].sort()).toEqual(Object.keys(ipcContract).sort());
    expect(electron.invoke).toHaveBeenCalledWith('print:toPdf', {
      suggestedName: 'r.pdf',
      paperSize: 'Letter',
    });
  });

  it('shows the main process’s message without Electron’s wrapping', async () => {
    const api = await loadApi();
    electron.invoke.mockRejectedValueOnce(
      new Error(
        'Error invoking remote method \'backup:writeToFolder\': Error: The folder "E:\\" cannot be found.',
      ),
    );
    await expect(
      api.writeBackupToFolder({ folder: 'E:\\', fileName: 'a.age', data: new Uint8Array() }),
    ).rejects.toThrow(/^The folder "E:\\" cannot be found\.$/);
  });

  it('subscribes to each main event, passes only the payload, and unsubscribes', async () => {
    const api = await loadApi();
    for (const event of MAIN_EVENTS) {
      const received: unknown[] = [];
      const unsubscribe = api.on(event, (payload) => received.push(payload));
      for (const listener of electron.listeners.get(event) ?? [])
        listener({ sender: 'ipc internals' }, '/people');
      expect(received).toEqual(['/people']);
      unsubscribe();
      expect(electron.listeners.get(event)?.size).toBe(0);
    }
  });

  it('refuses to subscribe to anything that is not a main event', async () => {
    const api = await loadApi();
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('files:open', () => undefined)).toThrow(/Unknown app event/);
    expect(() => on('__proto__', () => undefined)).toThrow(/Unknown app event/);
    expect(electron.listeners.size).toBe(0);
  });
});
