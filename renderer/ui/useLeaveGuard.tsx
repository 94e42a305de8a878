import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

export interface LeaveGuard {
  /** The question to show while the manager is leaving a half-typed form; null otherwise. */
  prompt: ReactNode;
  /** Call just before a save navigates away: the saved form has nothing left to lose. */
  allowLeaving: () => void;
  /** Call when that save failed: the form is half-typed again. */
  guardAgain: () => void;
}

/**
 * Asks before a half-typed form is left: by a link, Back, or closing the window or tab (the browser
 * asks in its own words then). `changed` is whether the form differs from what it started with.
 */
export function useLeaveGuard(changed: boolean): LeaveGuard {
  const changedRef = useRef(changed);
  changedRef.current = changed;
  const leavingRef = useRef(false);
  const shouldAsk = useCallback(() => changedRef.current && !leavingRef.current, []);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      shouldAsk() &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (!changed) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (!shouldAsk()) return;
      event.preventDefault();
      // Older browsers and Electron need returnValue set to show their own question.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [changed, shouldAsk]);

  const prompt =
    blocker.state === 'blocked' ? (
      <ConfirmDialog
        title="Leave without saving?"
        message="What you typed in this form has not been saved. If you leave now, it is lost."
        confirmLabel="Leave and discard"
        danger
        onConfirm={() => blocker.proceed()}
        onCancel={() => blocker.reset()}
      />
    ) : null;

  return {
    prompt,
    allowLeaving: useCallback(() => {
      leavingRef.current = true;
    }, []),
    guardAgain: useCallback(() => {
      leavingRef.current = false;
    }, []),
  };
}
