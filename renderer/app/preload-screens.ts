// Once the start is over (the first screen shows no "Loading" line and the browser has time to spare),
// the other screens' chunks are loaded one at a time, each when the browser is idle, so that the first
// visit of a screen does not wait for its code and the start itself never shares the window with them.

/** How long an idle wait may last before it runs anyway (a busy window still gets its screens). */
const IDLE_TIMEOUT_MS = 2_000;
/** How often the start is looked at again while a screen still shows its "Loading" line. */
const RECHECK_MS = 100;
/** After this long the screens are loaded even if some screen still shows "Loading" (e.g. a long report). */
const GIVE_UP_WAITING_MS = 10_000;

export interface PreloadClock {
  /** Runs `callback` when the window is idle, or after `timeoutMs` at the latest. */
  whenIdle(callback: () => void, timeoutMs: number): () => void;
  after(callback: () => void, ms: number): () => void;
  now(): number;
}

const browserClock: PreloadClock = {
  whenIdle(callback, timeoutMs) {
    if (typeof requestIdleCallback !== 'function') return browserClock.after(callback, 0);
    const handle = requestIdleCallback(() => callback(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  },
  after(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
  now: () => performance.now(),
};

/** Whether some screen still shows the app's Loading line (ui/Loading.tsx). */
export function pageIsLoading(): boolean {
  return document.querySelector('.loading') !== null;
}

/**
 * Runs each loader in turn after the start, one per idle moment; a failed load is left for the screen's
 * own visit to try again. Returns a function that stops what is not yet started.
 */
export function preloadAfterStart(
  loaders: readonly (() => Promise<unknown>)[],
  {
    onStartOver = () => undefined,
    isStarting = pageIsLoading,
    clock = browserClock,
  }: {
    /** Called once, when the start is over and before the first loader runs. */
    onStartOver?: () => void;
    /** Whether the first screen is still loading; by default, whether the page shows a Loading line. */
    isStarting?: () => boolean;
    clock?: PreloadClock;
  } = {},
): () => void {
  let stopped = false;
  let cancelPending: () => void = () => undefined;
  const began = clock.now();

  const loadFrom = (index: number) => {
    if (stopped || index >= loaders.length) return;
    cancelPending = clock.whenIdle(() => {
      if (stopped) return;
      loaders[index]()
        .catch(() => undefined)
        .then(() => loadFrom(index + 1));
    }, IDLE_TIMEOUT_MS);
  };

  const waitForStart = () => {
    cancelPending = clock.whenIdle(() => {
      if (stopped) return;
      if (isStarting() && clock.now() - began < GIVE_UP_WAITING_MS)
        cancelPending = clock.after(waitForStart, RECHECK_MS);
      else {
        onStartOver();
        loadFrom(0);
      }
    }, IDLE_TIMEOUT_MS);
  };

  waitForStart();
  return () => {
    stopped = true;
    cancelPending();
  };
}
