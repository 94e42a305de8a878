import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DailyBackupTimer,
  HOUR_MS,
  QUIT_BACKUP_TIMEOUT_MS,
  QuitBackupGuard,
  realTimers,
} from '../../electron/main/services/auto-backup-schedule';
import { FakeEvent } from './fake-electron';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the daily backup timer', () => {
  it('asks for a backup at the first check after it becomes due, and not before', () => {
    let due = false;
    const requestBackup = vi.fn();
    const timer = new DailyBackupTimer(() => due, requestBackup, realTimers);
    timer.start(60_000);
    vi.advanceTimersByTime(60_000);
    expect(requestBackup).not.toHaveBeenCalled();
    due = true;
    vi.advanceTimersByTime(HOUR_MS - 60_000 - 1);
    expect(requestBackup).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(requestBackup).toHaveBeenCalledTimes(1);
    timer.stop();
    vi.advanceTimersByTime(5 * HOUR_MS);
    expect(requestBackup).toHaveBeenCalledTimes(1);
  });
});

describe('the backup on quit', () => {
  function guard(options: { wanted?: boolean; windowOpen?: boolean } = {}) {
    const quit = vi.fn();
    const requestBackup = vi.fn(() => options.windowOpen ?? true);
    const quitGuard = new QuitBackupGuard({
      isBackupWanted: () => options.wanted ?? true,
      requestBackup,
      quit,
      timers: realTimers,
    });
    return { quitGuard, quit, requestBackup };
  }

  it('holds the first quit, asks the renderer, and quits once the backup arrives', () => {
    const { quitGuard, quit, requestBackup } = guard();
    const first = new FakeEvent();
    quitGuard.onQuitRequested(first);
    expect(first.defaultPrevented).toBe(true);
    expect(requestBackup).toHaveBeenCalledOnce();
    const impatient = new FakeEvent();
    quitGuard.onQuitRequested(impatient);
    expect(impatient.defaultPrevented).toBe(true);
    expect(requestBackup).toHaveBeenCalledOnce();
    quitGuard.finish();
    expect(quit).toHaveBeenCalledOnce();
    const final = new FakeEvent();
    quitGuard.onQuitRequested(final);
    expect(final.defaultPrevented).toBe(false);
  });

  it('quits after 60 seconds when the backup never arrives', () => {
    const { quitGuard, quit } = guard();
    quitGuard.onQuitRequested(new FakeEvent());
    vi.advanceTimersByTime(QUIT_BACKUP_TIMEOUT_MS - 1);
    expect(quit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(quit).toHaveBeenCalledOnce();
    quitGuard.finish();
    expect(quit).toHaveBeenCalledOnce();
  });

  it('lets the app quit at once when no backup is wanted or no window can make it', () => {
    for (const options of [{ wanted: false }, { windowOpen: false }]) {
      const { quitGuard, quit } = guard(options);
      const event = new FakeEvent();
      quitGuard.onQuitRequested(event);
      expect(event.defaultPrevented).toBe(false);
      expect(quit).not.toHaveBeenCalled();
    }
  });
});
