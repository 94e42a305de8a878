import { describe, expect, it } from 'vitest';
import { type PreloadClock, preloadAfterStart } from '../../renderer/app/preload-screens';

/** A clock whose idle moments and timers run only when the test says so. */
function manualClock() {
  let now = 0;
  let pending: { run: () => void; at: number; idle: boolean }[] = [];
  const clock: PreloadClock = {
    whenIdle(callback, timeoutMs) {
      const entry = { run: callback, at: now + timeoutMs, idle: true };
      pending.push(entry);
      return () => {
        pending = pending.filter((other) => other !== entry);
      };
    },
    after(callback, ms) {
      const entry = { run: callback, at: now + ms, idle: false };
      pending.push(entry);
      return () => {
        pending = pending.filter((other) => other !== entry);
      };
    },
    now: () => now,
  };
  /** Lets `ms` pass: due timers run, and the window is idle in between (every idle callback runs). */
  async function pass(ms: number) {
    const end = now + ms;
    for (;;) {
      await Promise.resolve();
      await Promise.resolve();
      const next = pending.filter((entry) => entry.idle || entry.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      pending = pending.filter((entry) => entry !== next);
      if (!next.idle) now = Math.max(now, next.at);
      next.run();
    }
    now = end;
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
  return { clock, pass, pendingCount: () => pending.length };
}

function recordingLoaders(count: number, failing: number[] = []) {
  const log: string[] = [];
  const settle: (() => void)[] = [];
  const loaders = Array.from({ length: count }, (_, index) => () => {
    log.push(`start ${index}`);
    return new Promise<void>((resolve, reject) => {
      settle[index] = () => {
        log.push(`end ${index}`);
        if (failing.includes(index)) reject(new Error('the file is missing'));
        else resolve();
      };
    });
  });
  return { loaders, log, settle };
}

describe('preloading the screens after the start', () => {
  it('waits while the first screen still loads, then says so once and loads the screens', async () => {
    const { clock, pass } = manualClock();
    const { loaders, log, settle } = recordingLoaders(2);
    let starting = true;
    let startOver = 0;
    preloadAfterStart(loaders, {
      clock,
      isStarting: () => starting,
      onStartOver: () => {
        startOver++;
        log.push('start over');
      },
    });
    await pass(1_000);
    expect(log).toEqual([]);
    expect(startOver).toBe(0);
    starting = false;
    await pass(200);
    expect(log).toEqual(['start over', 'start 0']);
    settle[0]?.();
    await pass(10);
    settle[1]?.();
    await pass(10);
    expect(log).toEqual(['start over', 'start 0', 'end 0', 'start 1', 'end 1']);
    expect(startOver).toBe(1);
  });

  it('loads one screen at a time, and a failed one does not stop the others', async () => {
    const { clock, pass } = manualClock();
    const { loaders, log, settle } = recordingLoaders(3, [1]);
    preloadAfterStart(loaders, { clock, isStarting: () => false });
    await pass(50);
    expect(log).toEqual(['start 0']);
    settle[0]?.();
    await pass(50);
    expect(log).toEqual(['start 0', 'end 0', 'start 1']);
    settle[1]?.();
    await pass(50);
    settle[2]?.();
    await pass(50);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('loads the screens anyway after ten seconds of a screen that keeps loading', async () => {
    const { clock, pass } = manualClock();
    const { loaders, log } = recordingLoaders(1);
    preloadAfterStart(loaders, { clock, isStarting: () => true });
    await pass(9_800);
    expect(log).toEqual([]);
    await pass(400);
    expect(log).toEqual(['start 0']);
  });

  it('starts nothing more once stopped', async () => {
    const { clock, pass, pendingCount } = manualClock();
    const { loaders, log, settle } = recordingLoaders(2);
    const stop = preloadAfterStart(loaders, { clock, isStarting: () => false });
    await pass(10);
    expect(log).toEqual(['start 0']);
    stop();
    settle[0]?.();
    await pass(5_000);
    expect(log).toEqual(['start 0', 'end 0']);
    expect(pendingCount()).toBe(0);
  });
});
