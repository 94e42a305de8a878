// How far a long schema upgrade has got. An upgrade runs while the database opens, before anything of the
// clinic can be read, so the window says what is happening instead of looking stuck (version 23 goes
// through every meeting; docs/benchmarks.md has its time). Only upgrades that go through a whole table
// report here; the rest take a moment.

export interface UpgradeProgress {
  /** What is being updated, in the manager's words, e.g. "meetings". */
  what: string;
  done: number;
  total: number;
}

let current: UpgradeProgress | null = null;
const listeners = new Set<() => void>();

/** Told by an upgrade as it goes; null once it is over (done or failed). */
export function reportUpgradeProgress(progress: UpgradeProgress | null): void {
  current = progress;
  for (const listener of listeners) listener();
}

/** The upgrade under way in this window, if any. */
export function upgradeProgress(): UpgradeProgress | null {
  return current;
}

/** Calls `listener` at each change of upgradeProgress(); returns the way to stop. */
export function onUpgradeProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
