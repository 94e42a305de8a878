import type { BrowserWindow, Dialog, MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import type { MainEvent, MainEventPayload } from '../shared/ipc';
import { APP_NAME } from './app-identity';

export interface MenuActions {
  /** Sends a main event to the window's renderer. */
  send<E extends MainEvent>(event: E, payload: MainEventPayload<E>): void;
  showAbout(): void;
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/** File, Edit, View, Go and Help; developer tools only in a development build. */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = actions.platform === 'darwin';
  const go = (
    label: string,
    path: MainEventPayload<'menu:navigate'>,
    key: string,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => actions.send('menu:navigate', path),
  });
  const about: MenuItemConstructorOptions = { label: `About ${APP_NAME}`, click: () => actions.showAbout() };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: APP_NAME,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        {
          label: 'Back up…',
          accelerator: 'CmdOrCtrl+Shift+B',
          click: () => actions.send('menu:backup', undefined),
        },
        { label: 'Restore…', click: () => actions.send('menu:restore', undefined) },
        { type: 'separator' },
        // With the clinic lock on, the page locks; without it, the page ignores the command.
        { label: 'Lock now', accelerator: 'CmdOrCtrl+L', click: () => actions.send('lock:now', undefined) },
        { type: 'separator' },
        // The page decides what its printable view is (a report's print layout, or the screen itself).
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.send('menu:print', undefined) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(actions.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Go',
      submenu: [
        go('Dashboard', '/', '1'),
        go('People', '/people', '2'),
        go('Relationships', '/relationships', '3'),
        go('Log a meeting', '/meetings/new', '4'),
        go('Reports', '/reports', '5'),
        go('Settings', '/settings', '6'),
      ],
    },
    { label: '&Help', role: 'help', submenu: [about] },
  );
  return template;
}

/** Help → About: the name and version, and the promise that matters most to a clinic. */
export function showAboutBox(
  dialog: Pick<Dialog, 'showMessageBox'>,
  owner: BrowserWindow | null,
  version: string,
): void {
  const options: MessageBoxOptions = {
    type: 'info',
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${version}`,
    detail: 'Runs the clinic’s staff mentorship program. Every record stays on this computer.',
    buttons: ['OK'],
  };
  void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
}
