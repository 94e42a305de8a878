import { join } from 'node:path';
import { writeFileAtomically } from '../services/atomic-write';
import { assertFolderExists } from '../services/auto-backup';
import type { ChosenFolders } from '../services/chosen-folders';
import type { Dialogs } from './dialogs';
import type { IpcHandlers } from './register';

export function createBackupHandlers(
  dialogs: Dialogs,
  chosenFolders: ChosenFolders,
): Pick<IpcHandlers, 'backup:chooseFolder' | 'backup:writeToFolder'> {
  return {
    'backup:chooseFolder': async (_request, event) => {
      const choice = await dialogs.showOpen(event, {
        title: 'Choose where to keep backups',
        buttonLabel: 'Use this folder',
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = choice.filePaths[0];
      if (choice.canceled || !folder) return null;
      await chosenFolders.remember(folder);
      return { folder };
    },

    // The file name was checked by the contract's schema: a plain name, never a path.
    'backup:writeToFolder': async ({ folder, fileName, data }) => {
      chosenFolders.assertChosen(folder);
      if (!fileName.toLowerCase().endsWith('.age')) throw new Error('A backup file name must end in .age.');
      await assertFolderExists(folder);
      const path = join(folder, fileName);
      await writeFileAtomically(path, data);
      return { path };
    },
  };
}
