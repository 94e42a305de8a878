import { ipcErrorWords } from '../../electron/shared/errors';
import type { AutoBackupStatus, IpcRequest, IpcResponse, PlatformApi } from '../../electron/shared/ipc';
import { version } from '../../package.json';
import { PlatformError } from './errors';

export const BROWSER_AUTO_BACKUP_REASON = ipcErrorWords('needs-desktop-app', { feature: 'auto-backup' });

/** The platform API by browser means: downloads for saving, a file picker for opening. */
export function createBrowserPlatform(): PlatformApi {
  return {
    kind: 'browser',
    getInfo: async () => ({ version, platform: 'browser', userDataPath: '' }),
    saveAs: async (request) => {
      downloadBytes(request.suggestedName, request.data);
      return { saved: true, path: null };
    },
    openFile: (request) => pickFile(request),
    chooseBackupFolder: async () => null,
    writeBackupToFolder: async () => {
      throw PlatformError.of('needs-desktop-app', { feature: 'folder' });
    },
    getAutoBackupStatus: async () => browserAutoBackupStatus(),
    configureAutoBackup: async () => {
      throw PlatformError.of('needs-desktop-app', { feature: 'auto-backup' });
    },
    // The browser makes no automatic backups: there is no key to remember.
    setAutoBackupRecipient: async () => browserAutoBackupStatus(),
    writeAutoBackup: async () => {
      throw PlatformError.of('needs-desktop-app', { feature: 'auto-backup' });
    },
    // Nothing waits on automatic backups in the browser.
    reportAutoBackupNotMade: async () => null,
    // The browser's own dialog; whether anything was printed is not known here.
    print: async () => {
      window.print();
      return { printed: false };
    },
    printToPdf: async () => {
      // The browser's own print dialog offers "Save as PDF"; where the file went is not known here.
      window.print();
      return { saved: false, path: null };
    },
    on: () => () => undefined,
  };
}

function browserAutoBackupStatus(): AutoBackupStatus {
  return {
    enabled: false,
    folder: null,
    onQuit: false,
    daily: false,
    rotation: { daily: 0, weekly: 0, monthly: 0 },
    available: false,
    unavailableReason: BROWSER_AUTO_BACKUP_REASON,
    hasPassphrase: false,
    clinicLock: false,
    lastAutoBackupAt: null,
  };
}

function downloadBytes(fileName: string, data: Uint8Array): void {
  // Copy into a plain ArrayBuffer-backed array: Blob does not take views of shared memory.
  const url = URL.createObjectURL(new Blob([new Uint8Array(data)]));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; free it a little later for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Accept list for an <input type=file> from the dialog filters: `.csv,.age`. */
export function acceptFromFilters(filters: IpcRequest<'files:open'>['filters']): string {
  return [
    ...new Set(filters.flatMap((filter) => filter.extensions.map((ext) => `.${ext.toLowerCase()}`))),
  ].join(',');
}

function pickFile(request: IpcRequest<'files:open'>): Promise<IpcResponse<'files:open'>> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptFromFilters(request.filters);
    input.hidden = true;
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.addEventListener('change', () => {
      done();
      const file = input.files?.[0];
      if (!file) {
        resolve(null);
        return;
      }
      if (file.size > request.maxBytes) {
        reject(PlatformError.of('payload-too-large', { size: file.size, limit: request.maxBytes }));
        return;
      }
      file.arrayBuffer().then(
        (buffer) => resolve({ name: file.name, data: new Uint8Array(buffer) }),
        () => reject(PlatformError.of('unreadable', { fileName: file.name })),
      );
    });
    document.body.append(input);
    input.click();
  });
}
