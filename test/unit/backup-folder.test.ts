import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  chooseBackupFolder,
  LEGACY_FOLDER_KEY,
  readBackupFolder,
} from '../../renderer/features/backup/backup-folder';
import type { AutoBackupStatus, PlatformApi } from '../../renderer/platform/platform';

// The backup folder has one home, the main process's automatic-backup settings. A stand-in for the
// main process keeps them in memory and, like the real one, accepts only folders picked in its dialog.

function fakeMain(
  options: { pick?: string | null; status?: Partial<AutoBackupStatus>; kind?: 'electron' | 'browser' } = {},
) {
  const picked = new Set<string>();
  let status: AutoBackupStatus = {
    enabled: false,
    folder: null,
    onQuit: true,
    daily: true,
    rotation: { daily: 7, weekly: 4, monthly: 12 },
    available: true,
    unavailableReason: null,
    hasPassphrase: false,
    clinicLock: false,
    lastAutoBackupAt: null,
    ...options.status,
  };
  const configured: unknown[] = [];
  const platform: Pick<
    PlatformApi,
    'kind' | 'chooseBackupFolder' | 'getAutoBackupStatus' | 'configureAutoBackup'
  > = {
    kind: options.kind ?? 'electron',
    chooseBackupFolder: async () => {
      if (!options.pick) return null;
      picked.add(options.pick);
      return { folder: options.pick };
    },
    getAutoBackupStatus: async () => status,
    configureAutoBackup: async (request) => {
      configured.push(request);
      if (request.settings.folder && !picked.has(request.settings.folder))
        throw new Error('Choose the backup folder again.');
      status = { ...status, ...request.settings };
      return status;
    },
  };
  return { platform, configured, picked, status: () => status };
}

function fakeLocalStorage(entries: Record<string, string>) {
  const store = new Map(Object.entries(entries));
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => store.get(key) ?? null,
    removeItem: (key: string) => store.delete(key),
  });
  return store;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the backup folder', () => {
  it('is kept with the automatic-backup settings once chosen, changing nothing else there', async () => {
    const main = fakeMain({
      pick: 'D:\\Backups',
      status: { enabled: true, hasPassphrase: true, daily: false },
    });
    expect(await chooseBackupFolder(main.platform)).toBe('D:\\Backups');
    expect(main.status()).toMatchObject({
      folder: 'D:\\Backups',
      enabled: true,
      daily: false,
      hasPassphrase: true,
    });
    // The passphrase kept for automatic backups is left alone.
    expect(main.configured).toEqual([expect.objectContaining({ passphrase: null })]);
    expect(await readBackupFolder(main.platform)).toBe('D:\\Backups');
  });

  it('stays as it was when the dialog is cancelled', async () => {
    const main = fakeMain({ pick: null, status: { folder: '/media/usb' } });
    expect(await chooseBackupFolder(main.platform)).toBeNull();
    expect(main.configured).toEqual([]);
    expect(await readBackupFolder(main.platform)).toBe('/media/usb');
  });

  it('is the folder the automatic backups use, so a backup made by hand goes there too', async () => {
    const main = fakeMain({ status: { folder: '/media/usb', enabled: true } });
    fakeLocalStorage({ [LEGACY_FOLDER_KEY]: '/home/old-place' });
    expect(await readBackupFolder(main.platform)).toBe('/media/usb');
  });

  it('moves a folder remembered by an earlier version into its one home, once', async () => {
    const main = fakeMain();
    main.picked.add('/media/usb');
    const store = fakeLocalStorage({ [LEGACY_FOLDER_KEY]: '/media/usb' });
    expect(await readBackupFolder(main.platform)).toBe('/media/usb');
    expect(main.status().folder).toBe('/media/usb');
    expect(store.has(LEGACY_FOLDER_KEY)).toBe(false);
  });

  it('asks again when the main process no longer knows the remembered folder', async () => {
    const main = fakeMain();
    const store = fakeLocalStorage({ [LEGACY_FOLDER_KEY]: '/somewhere/forgotten' });
    expect(await readBackupFolder(main.platform)).toBeNull();
    expect(store.has(LEGACY_FOLDER_KEY)).toBe(false);
  });

  it('is none in the browser, which downloads backups instead', async () => {
    const main = fakeMain({ kind: 'browser', status: { folder: '/media/usb' } });
    expect(await readBackupFolder(main.platform)).toBeNull();
  });
});
