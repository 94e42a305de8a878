import type {
  App,
  BrowserWindow,
  Dialog,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { IpcEvent } from './register';

/** Native dialogs, shown over the window that asked (injected so handlers can be tested). */
export interface Dialogs {
  showSave(event: IpcEvent, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpen(event: IpcEvent, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  /** The folder a save dialog starts in. */
  documentsFolder(): string;
}

/** The real dialogs, each attached to the asking window so it stays on top of it. */
export function electronDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  windows: Pick<typeof BrowserWindow, 'fromWebContents'>,
  app: Pick<App, 'getPath'>,
): Dialogs {
  return {
    showSave: (event, options) => {
      const owner = windows.fromWebContents(event.sender);
      return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
    },
    showOpen: (event, options) => {
      const owner = windows.fromWebContents(event.sender);
      return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
    },
    documentsFolder: () => app.getPath('documents'),
  };
}
