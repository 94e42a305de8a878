import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
} from 'electron';
import type { MainEvent, MainEventPayload } from '../shared/ipc';
import { APP_NAME } from './app-identity';
import { prepareBeforeReady } from './before-ready';
import { refuseDebugSwitches } from './debug-switches';
import { createAppHandlers } from './ipc/app';
import { createAutoBackupHandlers } from './ipc/auto-backup';
import { createBackupHandlers } from './ipc/backup';
import { electronDialogs } from './ipc/dialogs';
import { createFilesHandlers } from './ipc/files';
import { createPrintHandlers } from './ipc/print';
import { registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate, showAboutBox } from './menu';
import { APP_START_URL } from './origin';
import { serveRendererFrom } from './protocol';
import { blockNetworkRequests, denyAllPermissions } from './security';
import { AutoBackupService } from './services/auto-backup';
import { DailyBackupTimer, QuitBackupGuard } from './services/auto-backup-schedule';
import { ChosenFolders } from './services/chosen-folders';
import { removeLeftoverTempFiles } from './services/leftover-temp-files';
import { isShowingStoppedPage } from './stopped-page';
import { watchSystemLock } from './system-lock';
import { askBeforeClosingUnsavedForm } from './unsaved-changes';
import { createMainWindow } from './window';

const startRefused = refuseDebugSwitches(app, dialog);
const isFirstInstance = !startRefused && prepareBeforeReady(app, protocol);
let mainWindow: BrowserWindow | null = null;

if (startRefused) {
  // The message is shown and the app is exiting: nothing else may start.
} else if (!isFirstInstance) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without a window the app would keep running unseen: say why and stop.
      const reason = error instanceof Error ? error.message : String(error);
      console.error('Guiding Hands could not start:', reason);
      dialog.showErrorBox(`${APP_NAME} could not start`, reason);
      app.exit(1);
    });
}

function sendToWindow<E extends MainEvent>(event: E, payload: MainEventPayload<E>): boolean {
  // The stopped page cannot answer: closing must not wait a minute for a backup it will never make.
  if (!mainWindow || mainWindow.isDestroyed() || isShowingStoppedPage(mainWindow)) return false;
  mainWindow.webContents.send(event, payload);
  return true;
}

function start(): void {
  const appPath = app.getAppPath();
  const userData = app.getPath('userData');

  serveRendererFrom(protocol, join(appPath, 'dist', 'renderer'));
  denyAllPermissions(session.defaultSession);
  blockNetworkRequests(session.defaultSession);

  const dialogs = electronDialogs(dialog, BrowserWindow, app);
  const chosenFolders = new ChosenFolders(join(userData, 'backup-folders.json'));
  // Only the folders the app itself writes into; a failure here must never stop the app starting.
  removeLeftoverTempFiles([userData, ...chosenFolders.list()]).catch(() => undefined);

  const autoBackups = new AutoBackupService({
    stateFile: join(userData, 'auto-backup.json'),
    storage: safeStorage,
    platform: process.platform,
  });
  const dailyTimer = new DailyBackupTimer(
    () => autoBackups.isDailyBackupDue(),
    () => sendToWindow('autoBackup:due', 'daily'),
  );
  const quitGuard = new QuitBackupGuard({
    isBackupWanted: () => autoBackups.isQuitBackupWanted(),
    requestBackup: () => sendToWindow('autoBackup:due', 'quit'),
    quit: () => app.quit(),
  });
  app.on('before-quit', (event) => quitGuard.onQuitRequested(event));

  registerIpcHandlers(ipcMain, {
    ...createAppHandlers({ version: app.getVersion(), platform: process.platform, userDataPath: userData }),
    ...createFilesHandlers(dialogs),
    ...createBackupHandlers(dialogs, chosenFolders),
    ...createAutoBackupHandlers(autoBackups, chosenFolders, {
      onConfigured: () => dailyTimer.start(),
      onQuitBackupSettled: (error) => {
        if (error && quitGuard.isWaiting) {
          dialog.showErrorBox(
            'The automatic backup was not made',
            `${error.message}\n\n${APP_NAME} will close now. Your records are still on this computer.`,
          );
        }
        quitGuard.finish();
      },
    }),
    ...createPrintHandlers(dialogs),
  });

  const showAbout = () =>
    showAboutBox(dialog, mainWindow && !mainWindow.isDestroyed() ? mainWindow : null, app.getVersion());
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        send: sendToWindow,
        showAbout,
        isPackaged: app.isPackaged,
        platform: process.platform,
      }),
    ),
  );

  mainWindow = createMainWindow({
    BrowserWindow,
    preloadPath: join(appPath, 'dist', 'electron', 'preload.cjs'),
    stateFile: join(userData, 'window-state.json'),
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
    startUrl: APP_START_URL,
  });
  askBeforeClosingUnsavedForm(mainWindow, dialog);
  mainWindow.on('close', (event) => quitGuard.onQuitRequested(event));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  dailyTimer.start();
  // The clinic lock follows the computer's: its screen locking or the computer going to sleep.
  watchSystemLock({
    powerMonitor,
    platform: process.platform,
    onLock: () => sendToWindow('lock:now', undefined),
  });
}
