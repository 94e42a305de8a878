import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_LOCK_POLL_MS, watchSystemLock } from '../../electron/main/system-lock';
import { FakePowerMonitor } from './fake-electron';

// electron is replaced at the boundary: the watcher gets a powerMonitor that the test drives.

describe('the clinic lock follows the computer', () => {
  let powerMonitor: FakePowerMonitor;
  let onLock: ReturnType<typeof vi.fn<() => void>>;
  beforeEach(() => {
    vi.useFakeTimers();
    powerMonitor = new FakePowerMonitor();
    onLock = vi.fn<() => void>();
  });
  afterEach(() => vi.useRealTimers());

  it('locks when the operating system locks the screen and when the computer goes to sleep', () => {
    watchSystemLock({ powerMonitor, platform: 'win32', onLock });
    powerMonitor.emit('lock-screen');
    expect(onLock).toHaveBeenCalledTimes(1);
    powerMonitor.emit('suspend');
    expect(onLock).toHaveBeenCalledTimes(2);
  });

  it('on Linux also locks when the system idle state turns to locked, once per locking', () => {
    watchSystemLock({ powerMonitor, platform: 'linux', onLock });
    vi.advanceTimersByTime(SYSTEM_LOCK_POLL_MS * 3);
    expect(onLock).not.toHaveBeenCalled();
    powerMonitor.idleState = 'locked';
    vi.advanceTimersByTime(SYSTEM_LOCK_POLL_MS);
    expect(onLock).toHaveBeenCalledTimes(1);
    // Still locked a minute later: the page was told already.
    vi.advanceTimersByTime(60_000);
    expect(onLock).toHaveBeenCalledTimes(1);
    powerMonitor.idleState = 'active';
    vi.advanceTimersByTime(SYSTEM_LOCK_POLL_MS);
    powerMonitor.idleState = 'locked';
    vi.advanceTimersByTime(SYSTEM_LOCK_POLL_MS);
    expect(onLock).toHaveBeenCalledTimes(2);
  });

  it('asks the idle state only on Linux, where lock-screen is not sent by every desktop', () => {
    watchSystemLock({ powerMonitor, platform: 'darwin', onLock });
    powerMonitor.idleState = 'locked';
    vi.advanceTimersByTime(SYSTEM_LOCK_POLL_MS * 4);
    expect(powerMonitor.idleStateAsked).toBe(0);
    expect(onLock).not.toHaveBeenCalled();
  });

  it('a desktop that cannot answer the idle question does not stop the watching', () => {
    powerMonitor.getSystemIdleState = () => {
      throw new Error('no idle service');
    };
    watchSystemLock({ powerMonitor, platform: 'linux', onLock });
    vi.advanceTimersByTime(SYSTEM_LOCK_POLL_MS * 2);
    powerMonitor.emit('lock-screen');
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('stops listening and asking when stopped', () => {
    const stop = watchSystemLock({ powerMonitor, platform: 'linux', onLock });
    stop();
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('suspend');
    powerMonitor.idleState = 'locked';
    vi.advanceTimersByTime(SYSTEM_LOCK_POLL_MS * 2);
    expect(onLock).not.toHaveBeenCalled();
    expect(powerMonitor.listenerCount('lock-screen')).toBe(0);
  });
});
