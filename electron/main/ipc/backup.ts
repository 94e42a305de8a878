import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { IpcFailure } from '../failure';
import { assertFolderExists } from '../services/auto-backup';
import type { ChosenFolders } from '../services/chosen-folders';
import { writeWithRoomCheck } from '../services/free-space';
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
      if (!fileName.toLowerCase().endsWith('.age')) throw new IpcFailure('not-a-backup-name');
      await assertFolderExists(folder);
      const path = await unusedPath(folder, fileName);
      await writeWithRoomCheck(path, data);
      return { path };
    },
  };
}

/** A second backup on the same day never replaces the first: "Clinic 2026-03-01 (2).age", and so on. */
async function unusedPath(folder: string, fileName: string): Promise<string> {
  const stem = fileName.slice(0, -'.age'.length);
  for (let copy = 1; copy < 1000; copy++) {
    const candidate = join(folder, copy === 1 ? fileName : `${stem} (${copy}).age`);
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
  throw new IpcFailure('too-many-copies');
}
