// The window's main region: the <main> of the app's screens, the lock screen and the welcome carries this
// id, and focus goes there when the content changes under the manager (the skip link, a pairing picked,
// the last row of a list gone).

export const MAIN_ID = 'main';

/** The main region of the screen shown, if any. */
export function mainRegion(): HTMLElement | null {
  return document.getElementById(MAIN_ID);
}

/** Moves focus to the start of the main region. */
export function focusMain(): void {
  mainRegion()?.focus();
}
