import type { BrowserWindow, Dialog, Event } from 'electron';

// A half-typed form cancels the page's unload. Electron then keeps the window open silently, so the
// manager would click "close" and see nothing happen: ask her here, as a browser would.

/** The button the manager presses to close anyway; the other keeps the window and the form. */
export const LEAVE_BUTTON = 0;

export function askBeforeClosingUnsavedForm(
  window: BrowserWindow,
  dialog: Pick<Dialog, 'showMessageBoxSync'>,
): void {
  window.webContents.on('will-prevent-unload', (event: Event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Leave without saving?',
      message: 'A form has changes that are not saved.',
      detail: 'If you close now, what you typed is lost.',
      buttons: ['Close and discard', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // Preventing the default of this event lets the unload go ahead.
    if (choice === LEAVE_BUTTON) event.preventDefault();
  });
}
