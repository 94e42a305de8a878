// The idle lock's clock: `onIdle` runs once `minutes` pass without any activity. Activity only notes the
// time (it comes with every mouse move); the one timer, when it fires early, waits out the remainder.

export interface IdleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface IdleTimer {
  /** The manager did something: the wait starts again. */
  activity(): void;
  stop(): void;
}

export function startIdleTimer(minutes: number, onIdle: () => void, clock: IdleClock = realClock): IdleTimer {
  const limit = minutes * 60_000;
  let last = clock.now();
  let handle: unknown = null;
  let stopped = false;

  function schedule(ms: number) {
    handle = clock.setTimeout(check, ms);
  }
  function check() {
    if (stopped) return;
    const left = last + limit - clock.now();
    if (left > 0) {
      schedule(left);
      return;
    }
    stopped = true;
    onIdle();
  }
  schedule(limit);

  return {
    activity() {
      last = clock.now();
    },
    stop() {
      stopped = true;
      if (handle !== null) clock.clearTimeout(handle);
    },
  };
}

/** What counts as the manager being there. */
export const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
] as const;
