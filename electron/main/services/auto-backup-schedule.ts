/** Timer functions, injected so tests can run an hour or a minute in no time. */
export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const HOUR_MS = 60 * 60 * 1000;
export const QUIT_BACKUP_TIMEOUT_MS = 60 * 1000;

/**
 * Asks the renderer for a backup when a day has passed since the last automatic one. It checks every
 * hour (and shortly after start), so a computer that slept through the night still gets its backup.
 */
export class DailyBackupTimer {
  private handle: unknown = null;
  private firstCheck: unknown = null;

  constructor(
    private readonly isDue: () => boolean,
    private readonly requestBackup: () => void,
    private readonly timers: Timers = realTimers,
    private readonly checkEveryMs = HOUR_MS,
  ) {}

  start(firstCheckAfterMs = 60 * 1000): void {
    this.stop();
    this.firstCheck = this.timers.setTimeout(() => this.check(), firstCheckAfterMs);
    this.handle = this.timers.setInterval(() => this.check(), this.checkEveryMs);
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearInterval(this.handle);
    if (this.firstCheck !== null) this.timers.clearTimeout(this.firstCheck);
    this.handle = null;
    this.firstCheck = null;
  }

  check(): void {
    if (this.isDue()) this.requestBackup();
  }
}

type QuitState = 'idle' | 'waiting' | 'done';

/**
 * Holds the first quit back once so the renderer can write the on-quit backup, then lets the app quit when
 * that backup has been written (or failed), or after a timeout so the app can always be closed.
 */
export class QuitBackupGuard {
  private state: QuitState = 'idle';
  private timeout: unknown = null;

  constructor(
    private readonly options: {
      isBackupWanted: () => boolean;
      /** Sends the request to the renderer; false when there is no window to ask. */
      requestBackup: () => boolean;
      quit: () => void;
      timers?: Timers;
      timeoutMs?: number;
    },
  ) {}

  /** Call from `before-quit` and from the window's `close`. */
  onQuitRequested(event: { preventDefault(): void }): void {
    if (this.state === 'done') return;
    if (this.state === 'waiting') {
      event.preventDefault();
      return;
    }
    if (!this.options.isBackupWanted() || !this.options.requestBackup()) {
      this.state = 'done';
      return;
    }
    event.preventDefault();
    this.state = 'waiting';
    const timers = this.options.timers ?? realTimers;
    this.timeout = timers.setTimeout(() => this.finish(), this.options.timeoutMs ?? QUIT_BACKUP_TIMEOUT_MS);
  }

  get isWaiting(): boolean {
    return this.state === 'waiting';
  }

  /** The renderer's on-quit backup arrived (written or failed): quit now. */
  finish(): void {
    if (this.state !== 'waiting') return;
    this.state = 'done';
    if (this.timeout !== null) (this.options.timers ?? realTimers).clearTimeout(this.timeout);
    this.options.quit();
  }
}
