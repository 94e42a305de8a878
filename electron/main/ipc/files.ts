import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomically } from '../services/atomic-write';
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
      await writeFileAtomically(choice.filePath, data);
      return { saved: true, path: choice.filePath };
    },

    'files:open': async ({ filters, maxBytes }, event) => {
      const choice = await dialogs.showOpen(event, { properties: ['openFile'], filters });
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return null;
      const info = await stat(path);
      if (info.size > maxBytes) throw new Error(tooLargeMessage(info.size, maxBytes));
      const data = await readFile(path);
      if (data.byteLength > maxBytes) throw new Error(tooLargeMessage(data.byteLength, maxBytes));
      return { name: basename(path), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
    },
  };
}

export function tooLargeMessage(size: number, maxBytes: number): string {
  return `That file is ${formatSize(size)}, larger than the ${formatSize(maxBytes)} this app can open here.`;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
