import { useSyncExternalStore } from 'react';
import { onUpgradeProgress, type UpgradeProgress, upgradeProgress } from '../data/upgrade-progress';

/** The schema upgrade under way while the database opens, if any (see data/upgrade-progress.ts). */
export function useUpgradeProgress(): UpgradeProgress | null {
  return useSyncExternalStore(onUpgradeProgress, upgradeProgress);
}
