import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from './app-identity';
import { loadWindowState, type Rectangle, saveWindowState } from './services/window-state';
import { showStoppedPageWhenThePageDies } from './stopped-page';

/** The main window's options: the renderer gets no Node, runs sandboxed and isolated from the preload. */
export function mainWindowOptions(
  preloadPath: string,
  bounds: Partial<Rectangle> & { width: number; height: number },
  platform: NodeJS.Platform = process.platform,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    title: APP_NAME,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Windows and Linux would download spell-check dictionaries from the internet; macOS uses its own.
      spellcheck: platform === 'darwin',
    },
  };
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface MainWindowSetup {
  BrowserWindow: WindowConstructor;
  preloadPath: string;
  stateFile: string;
  workAreas: readonly Rectangle[];
  startUrl: string;
}

/** Opens the one window where it was last left, and remembers its size and place when it moves or closes. */
export function createMainWindow(setup: MainWindowSetup): BrowserWindow {
  const { maximized, ...bounds } = loadWindowState(setup.stateFile, setup.workAreas);
  const window = new setup.BrowserWindow(mainWindowOptions(setup.preloadPath, bounds));
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // A page that fails to load would otherwise leave an invisible window and a running app.
  window.webContents.once('did-fail-load', () => window.show());
  showStoppedPageWhenThePageDies(window);

  let saveTimer: NodeJS.Timeout | null = null;
  const remember = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const normal = window.getNormalBounds();
    saveWindowState(setup.stateFile, { ...normal, maximized: window.isMaximized() }).catch((error: unknown) =>
      console.warn('Could not remember the window position:', error instanceof Error ? error.message : error),
    );
  };
  const rememberSoon = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(remember, 500);
  };
  window.on('resize', rememberSoon);
  window.on('move', rememberSoon);
  window.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer);
    remember();
  });

  window
    .loadURL(setup.startUrl)
    .catch((error: unknown) =>
      console.error('The app page could not be loaded:', error instanceof Error ? error.message : error),
    );
  return window;
}
