import { describe, expect, it, vi } from 'vitest';
import { createAutoBackupHandlers } from '../../electron/main/ipc/auto-backup';
import type { IpcHandler } from '../../electron/main/ipc/register';
import type { AutoBackupService } from '../../electron/main/services/auto-backup';

// The sender was checked before a handler runs; these handlers do not read the event.
const checkedEvent = {} as Parameters<IpcHandler<'autoBackup:notMade'>>[1];

function handlersWithHooks() {
  const hooks = { onConfigured: vi.fn(), onQuitBackupSettled: vi.fn() };
  // The service is not reached by the channel under test.
  const handlers = createAutoBackupHandlers(
    {} as AutoBackupService,
    { assertChosen: () => undefined },
    hooks,
  );
  return { handlers, hooks };
}

describe('an automatic backup the page could not make', () => {
  it('on quit, lets the app close at once with the reason instead of waiting a minute', async () => {
    const { handlers, hooks } = handlersWithHooks();
    await handlers['autoBackup:notMade'](
      { reason: 'quit', why: 'No passphrase is kept for automatic backups.' },
      checkedEvent,
    );
    expect(hooks.onQuitBackupSettled).toHaveBeenCalledTimes(1);
    const [error] = hooks.onQuitBackupSettled.mock.calls[0]!;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('No passphrase is kept for automatic backups.');
  });

  it('for the daily backup, holds nothing up', async () => {
    const { handlers, hooks } = handlersWithHooks();
    await handlers['autoBackup:notMade']({ reason: 'daily', why: 'It failed.' }, checkedEvent);
    expect(hooks.onQuitBackupSettled).not.toHaveBeenCalled();
  });
});

describe('automatic backup settings', () => {
  it('refuse a folder the manager never picked in the dialog', async () => {
    const configure = vi.fn();
    const handlers = createAutoBackupHandlers(
      { configure } as unknown as AutoBackupService,
      {
        assertChosen: () => {
          throw new Error('not picked');
        },
      },
      { onConfigured: vi.fn(), onQuitBackupSettled: vi.fn() },
    );
    const settings = {
      enabled: true,
      folder: '/somewhere/else',
      onQuit: true,
      daily: true,
      rotation: { daily: 7, weekly: 4, monthly: 12 },
    };
    await expect(
      handlers['autoBackup:configure']({ settings, passphrase: 'a long passphrase' }, checkedEvent),
    ).rejects.toThrow('not picked');
    expect(configure).not.toHaveBeenCalled();
  });
});
