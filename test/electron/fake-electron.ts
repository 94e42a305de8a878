import { EventEmitter } from 'node:events';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module, for running the main process in Node. It records every call with
 * whether `ready` had fired, so tests can prove what happens before and after it.
 */
export interface RecordedCall {
  name: string;
  args: unknown[];
  afterReady: boolean;
}

export type Listener = (...args: unknown[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: Listener } | null = null;
  webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => {
      this.beforeRequest = { filter, listener };
    },
  };
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener | null): void {
    this.devicePermissionHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Listener | null = null;
  url = '';
  sent: { channel: string; payload: unknown }[] = [];
  constructor(readonly session: FakeSession = new FakeSession()) {
    super();
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  /** Like Electron: the page's process is ended, and the contents report it gone. */
  forcefullyCrashRenderer(): void {
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  printed: Record<string, unknown>[] = [];
  /** Like Electron's print: the dialog is "answered" at once, as printed. */
  print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void): void {
    this.printed.push(options);
    callback(true, '');
  }
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    return Buffer.from(`%PDF-1.7 ${JSON.stringify(options)}`);
  }
}

/** Electron's powerMonitor: the test fires its events and sets what the system's idle state answers. */
export class FakePowerMonitor extends EventEmitter {
  idleState: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  idleStateAsked = 0;
  getSystemIdleState(_idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown' {
    this.idleStateAsked++;
    return this.idleState;
  }
}

export function createFakeElectron(options: {
  appData: string;
  appPath: string;
  lockGranted?: boolean;
  isPackaged?: boolean;
}) {
  const calls: RecordedCall[] = [];
  let ready = false;
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const record = (name: string, args: unknown[]) => calls.push({ name, args, afterReady: ready });
  const paths = new Map<string, string>([
    ['appData', options.appData],
    ['userData', join(options.appData, 'electron-default')],
    ['documents', join(options.appData, 'Documents')],
  ]);

  const appEmitter = new EventEmitter();
  const app = {
    isPackaged: options.isPackaged ?? false,
    setName: (name: string) => record('app.setName', [name]),
    getPath: (name: string) => {
      const path = paths.get(name);
      if (!path) throw new Error(`no path ${name}`);
      return path;
    },
    setPath: (name: string, path: string) => {
      record('app.setPath', [name, path]);
      paths.set(name, path);
    },
    getAppPath: () => options.appPath,
    getVersion: () => '9.8.7',
    enableSandbox: () => record('app.enableSandbox', []),
    requestSingleInstanceLock: () => {
      record('app.requestSingleInstanceLock', []);
      return options.lockGranted ?? true;
    },
    on: (event: string, listener: Listener) => {
      record(`app.on:${event}`, []);
      appEmitter.on(event, listener);
      return app;
    },
    emit: (event: string, ...args: unknown[]) => appEmitter.emit(event, ...args),
    whenReady: () => {
      record('app.whenReady', []);
      return readyPromise;
    },
    isReady: () => ready,
    quit: () => record('app.quit', []),
    exit: (code: number) => record('app.exit', [code]),
  };

  const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown) =>
      record('protocol.registerSchemesAsPrivileged', [schemes]),
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      record('protocol.handle', [scheme]);
      handlers.set(scheme, handler);
    },
  };

  const defaultSession = new FakeSession();
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents(defaultSession);
    loadedUrl: string | null = null;
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      record('new BrowserWindow', [options]);
      windows.push(this);
    }
    static fromWebContents(contents: unknown) {
      return windows.find((window) => window.webContents === contents) ?? null;
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.url = url;
    }
    maximize() {}
    show() {}
    restore() {}
    focus() {}
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
  }

  const ipcHandlers = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      record('ipcMain.handle', [channel]);
      ipcHandlers.set(channel, listener);
    },
  };

  let applicationMenu: unknown = null;
  const Menu = {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => {
      record('Menu.setApplicationMenu', []);
      applicationMenu = menu;
    },
  };

  const notReadyGuard = (name: string) => () => {
    record(name, []);
    if (!ready) throw new Error(`${name} used before ready`);
    return true;
  };
  const safeStorage = {
    // Only the asynchronous calls: the synchronous ones are deprecated and absent here, so a use fails.
    isAsyncEncryptionAvailable: async () => notReadyGuard('safeStorage.isAsyncEncryptionAvailable')(),
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: async (text: string) => Buffer.from(`enc:${text}`),
    decryptStringAsync: async (buffer: Buffer) => ({
      result: buffer.toString().replace(/^enc:/, ''),
      shouldReEncrypt: false,
    }),
  };

  const dialog = {
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
    showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', [title, content]),
  };

  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
  const powerMonitor = new FakePowerMonitor();

  return {
    module: {
      app,
      protocol,
      session: { defaultSession },
      BrowserWindow: FakeBrowserWindow,
      ipcMain,
      Menu,
      safeStorage,
      dialog,
      screen,
      powerMonitor,
    },
    calls,
    windows,
    ipcHandlers,
    protocolHandlers: handlers,
    defaultSession,
    getApplicationMenu: () => applicationMenu,
    fireReady: () => {
      ready = true;
      resolveReady();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
