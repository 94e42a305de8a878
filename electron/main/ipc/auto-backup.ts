import type { AutoBackupService } from '../services/auto-backup';
import type { ChosenFolders } from '../services/chosen-folders';
import type { IpcHandlers } from './register';

type AutoBackupChannels =
  | 'autoBackup:getStatus'
  | 'autoBackup:configure'
  | 'autoBackup:useClinicLock'
  | 'autoBackup:write'
  | 'autoBackup:notMade';

export function createAutoBackupHandlers(
  service: AutoBackupService,
  chosenFolders: Pick<ChosenFolders, 'assertChosen'>,
  hooks: {
    /** Settings changed: the daily timer may need starting or stopping. */
    onConfigured(): void;
    /** The renderer's on-quit backup settled, written or failed. */
    onQuitBackupSettled(error: Error | null): void;
  },
): Pick<IpcHandlers, AutoBackupChannels> {
  return {
    'autoBackup:getStatus': () => service.getStatus(),
    'autoBackup:configure': async (request) => {
      if (request.settings.folder) chosenFolders.assertChosen(request.settings.folder);
      const status = await service.configure(request);
      hooks.onConfigured();
      return status;
    },
    'autoBackup:useClinicLock': async (request) => {
      const status = await service.useClinicLock(request);
      hooks.onConfigured();
      return status;
    },
    'autoBackup:write': async (request) => {
      try {
        const result = await service.write(request);
        if (request.reason === 'quit') hooks.onQuitBackupSettled(null);
        return result;
      } catch (error) {
        if (request.reason === 'quit')
          hooks.onQuitBackupSettled(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    },
    'autoBackup:notMade': (request) => {
      if (request.reason === 'quit') hooks.onQuitBackupSettled(new Error(request.why));
      return null;
    },
  };
}
