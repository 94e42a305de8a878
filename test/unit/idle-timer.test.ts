import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleTimer } from '../../renderer/features/lock/idle-timer';
import { isLockShortcut } from '../../renderer/features/lock/useLockControls';

describe('the idle lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks once the chosen minutes pass without any input', () => {
    const onIdle = vi.fn();
    startIdleTimer(5, onIdle);
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('each input starts the wait again', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(2, onIdle);
    vi.advanceTimersByTime(90_000);
    timer.activity();
    vi.advanceTimersByTime(90_000);
    expect(onIdle).not.toHaveBeenCalled();
    timer.activity();
    vi.advanceTimersByTime(2 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer however much the mouse moves', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(1, onIdle);
    for (let step = 0; step < 1000; step++) timer.activity();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('never locks once stopped (the app locked or was closed another way)', () => {
    const onIdle = vi.fn();
    startIdleTimer(1, onIdle).stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the lock shortcut', () => {
  const key = (key: string, extra: Partial<KeyboardEvent> = {}) =>
    isLockShortcut({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra });

  it('is Ctrl+L, or Cmd+L on a Mac, in either letter case', () => {
    expect(key('l', { ctrlKey: true })).toBe(true);
    expect(key('L', { ctrlKey: true })).toBe(true);
    expect(key('l', { metaKey: true })).toBe(true);
  });

  it('is not a plain L, nor L with Shift or Alt', () => {
    expect(key('l')).toBe(false);
    expect(key('l', { ctrlKey: true, shiftKey: true })).toBe(false);
    expect(key('l', { ctrlKey: true, altKey: true })).toBe(false);
  });
});
