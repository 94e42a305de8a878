// The clinic lock follows the computer: when the operating system locks the screen or goes to sleep, the
// page is told to lock too. Linux desktops do not all send 'lock-screen', so there the system's idle
// state is also asked every few seconds, and a change to 'locked' counts the same.

/** What is used of Electron's powerMonitor. */
export interface PowerMonitorLike {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  removeListener(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  getSystemIdleState(idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown';
}

export interface SystemLockOptions {
  powerMonitor: PowerMonitorLike;
  platform: NodeJS.Platform;
  /** Tells the page to lock. */
  onLock: () => void;
  pollMs?: number;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export const SYSTEM_LOCK_POLL_MS = 5_000;
/** getSystemIdleState's threshold in seconds; only its 'locked' answer is used here. */
const IDLE_THRESHOLD_SECONDS = 60;

/** Starts watching; returns the function that stops. Call after `ready` (powerMonitor needs it). */
export function watchSystemLock(options: SystemLockOptions): () => void {
  const { powerMonitor, platform, onLock } = options;
  const every = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  const stopEvery = options.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  const lock = () => onLock();
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);

  let poll: unknown = null;
  if (platform === 'linux') {
    let wasLocked = false;
    poll = every(() => {
      let locked = false;
      try {
        locked = powerMonitor.getSystemIdleState(IDLE_THRESHOLD_SECONDS) === 'locked';
      } catch {
        // No answer from the desktop this time: the events above still work.
      }
      // Once per locking of the screen, not every few seconds while it stays locked.
      if (locked && !wasLocked) onLock();
      wasLocked = locked;
    }, options.pollMs ?? SYSTEM_LOCK_POLL_MS);
  }

  return () => {
    powerMonitor.removeListener('lock-screen', lock);
    powerMonitor.removeListener('suspend', lock);
    if (poll !== null) stopEvery(poll);
  };
}
