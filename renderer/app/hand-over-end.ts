import { handOverActions } from '../hooks/useHandOver';

// The one place a private hand-over ends (finished or abandoned). With the clinic lock on, the window
// goes to the lock screen, so the person who answered cannot walk on into the manager's records;
// without it, back to the screen the manager started from.

export function finishHandOver(options: {
  hasLock: boolean;
  lockNow: () => void;
  navigate: (path: string, options: { replace: boolean }) => void;
}): void {
  const returnTo = handOverActions.clear();
  if (options.hasLock) options.lockNow();
  else options.navigate(returnTo, { replace: true });
}
