import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../electron/shared/ipc';
import {
  acceptFromFilters,
  BROWSER_AUTO_BACKUP_REASON,
  createBrowserPlatform,
} from '../../renderer/platform/browser';

// The browser stand-in for the preload API: the parts that need no page are checked here; downloads and
// the file picker are exercised by the browser tests through the screens that use them.
describe('the browser platform', () => {
  const platform = createBrowserPlatform();

  it('reports the app version and that it runs in a browser', async () => {
    const pkg = JSON.parse(await readFile(resolve(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    const info = await platform.getInfo();
    expect(info).toEqual({ version: pkg.version, platform: 'browser', userDataPath: '' });
    expect(ipcContract['app:getInfo'].response.parse(info)).toEqual(info);
  });

  it('shows automatic backups as unavailable, with the reason', async () => {
    const status = await platform.getAutoBackupStatus();
    expect(status).toMatchObject({
      available: false,
      enabled: false,
      unavailableReason: 'Automatic backups need the desktop app.',
    });
    expect(ipcContract['autoBackup:getStatus'].response.parse(status)).toEqual(status);
    await expect(
      platform.configureAutoBackup({
        settings: {
          enabled: true,
          folder: '/x',
          onQuit: true,
          daily: true,
          rotation: { daily: 7, weekly: 4, monthly: 12 },
        },
        passphrase: 'p',
      }),
    ).rejects.toThrow(BROWSER_AUTO_BACKUP_REASON);
  });

  it('has no folders: choosing gives nothing and writing into one explains why', async () => {
    await expect(platform.chooseBackupFolder()).resolves.toBeNull();
    await expect(
      platform.writeBackupToFolder({ folder: '/x', fileName: 'a.age', data: new Uint8Array([1]) }),
    ).rejects.toThrow(
      'Saving straight into a folder needs the desktop app; in the browser the backup is downloaded.',
    );
  });

  it('has no main-process events, and unsubscribing is harmless', () => {
    const unsubscribe = platform.on('menu:backup', () => undefined);
    expect(unsubscribe()).toBeUndefined();
    expect(platform.kind).toBe('browser');
  });

  it('turns dialog filters into a file-picker accept list', () => {
    expect(
      acceptFromFilters([
        { name: 'Backups', extensions: ['age', 'AGE'] },
        { name: 'Spreadsheets', extensions: ['csv', 'xlsx'] },
      ]),
    ).toBe('.age,.csv,.xlsx');
  });
});
