import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_IPC_FILE_BYTES } from '../../shared/ipc';
import { IpcFailure } from '../failure';
import { writeWithRoomCheck } from '../services/free-space';
import type { Dialogs } from './dialogs';
import type { IpcHandlers } from './register';

export function createFilesHandlers(dialogs: Dialogs): Pick<IpcHandlers, 'files:saveAs' | 'files:open'> {
  return {
    'files:saveAs': async ({ suggestedName, filters, data }, event) => {
      const choice = await dialogs.showSave(event, {
        defaultPath: join(dialogs.documentsFolder(), suggestedName),
        filters,
      });
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      await writeWithRoomCheck(choice.filePath, data);
      return { saved: true, path: choice.filePath };
    },

    'files:open': async ({ filters, maxBytes: asked }, event) => {
      // However much the page allows, one IPC answer carries no more than the contract's limit.
      const maxBytes = Math.min(asked, MAX_IPC_FILE_BYTES);
      const choice = await dialogs.showOpen(event, { properties: ['openFile'], filters });
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return null;
      const info = await stat(path);
      if (info.size > maxBytes)
        throw new IpcFailure('payload-too-large', { size: info.size, limit: maxBytes });
      const data = await readFile(path);
      if (data.byteLength > maxBytes)
        throw new IpcFailure('payload-too-large', { size: data.byteLength, limit: maxBytes });
      return { name: basename(path), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
    },
  };
}
