import { useCallback } from 'react';
import { describeError } from './errors';
import { useToast } from './Toast';

/**
 * Runs an action; when it fails, the manager reads why in a notice (a rule's own words, the desktop's
 * coded failure in words, or "Something went wrong while <doing>"). Resolves to whether it succeeded.
 */
export function useToastOnFailure(): (action: () => Promise<unknown>, doing?: string) => Promise<boolean> {
  const { showToast } = useToast();
  return useCallback(
    async (action, doing) => {
      try {
        await action();
        return true;
      } catch (error) {
        showToast(describeError(error, doing).message);
        return false;
      }
    },
    [showToast],
  );
}
