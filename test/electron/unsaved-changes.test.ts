import { EventEmitter } from 'node:events';
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { askBeforeClosingUnsavedForm, LEAVE_BUTTON } from '../../electron/main/unsaved-changes';

// Closing the window over a half-typed form: Electron cancels the close silently unless the main
// process asks the manager and lets the unload go ahead.

function closeOverUnsavedForm(choice: number) {
  const webContents = new EventEmitter();
  const window = { webContents } as unknown as BrowserWindow;
  const asked: { title?: string; buttons?: string[] }[] = [];
  const dialog = {
    showMessageBoxSync: (_window: BrowserWindow, options: { title?: string; buttons?: string[] }) => {
      asked.push(options);
      return choice;
    },
  } as unknown as Pick<Dialog, 'showMessageBoxSync'>;
  askBeforeClosingUnsavedForm(window, dialog);
  let closes = false;
  webContents.emit('will-prevent-unload', {
    preventDefault: () => {
      closes = true;
    },
  });
  return { asked, closes };
}

describe('closing the window over a half-typed form', () => {
  it('asks, and closes when the manager chooses to discard', () => {
    const { asked, closes } = closeOverUnsavedForm(LEAVE_BUTTON);
    expect(asked).toHaveLength(1);
    expect(asked[0].title).toBe('Leave without saving?');
    expect(asked[0].buttons).toEqual(['Close and discard', 'Keep editing']);
    expect(closes).toBe(true);
  });

  it('keeps the window and the form when the manager keeps editing', () => {
    expect(closeOverUnsavedForm(1).closes).toBe(false);
  });
});
