import type {
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
