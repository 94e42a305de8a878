import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackupHandlers } from '../../electron/main/ipc/backup';
import type { Dialogs } from '../../electron/main/ipc/dialogs';
import { createFilesHandlers } from '../../electron/main/ipc/files';
import { createPrintHandlers } from '../../electron/main/ipc/print';
import type { IpcEvent } from '../../electron/main/ipc/register';
import { ChosenFolders, FOLDER_NOT_CHOSEN } from '../../electron/main/services/chosen-folders';
import { FakeWebContents } from './fake-electron';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gh-handlers-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Dialogs that answer as the manager would: with the given path, or cancelled when it is null. */
function dialogs(answer: { save?: string | null; open?: string | null }) {
  const shown: { save: SaveDialogOptions[]; open: OpenDialogOptions[] } = { save: [], open: [] };
  const fake: Dialogs = {
    showSave: async (_event, options) => {
      shown.save.push(options);
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' };
    },
    showOpen: async (_event, options) => {
      shown.open.push(options);
      return answer.open ? { canceled: false, filePaths: [answer.open] } : { canceled: true, filePaths: [] };
    },
    documentsFolder: () => join(root, 'Documents'),
  };
  return { fake, shown };
}

const contents = new FakeWebContents();
const event = {
  senderFrame: { url: 'app://guiding-hands/index.html' },
  sender: contents,
} as unknown as IpcEvent;

describe('files:saveAs', () => {
  it('writes the bytes where the manager chose, suggesting the name in Documents', async () => {
    const target = join(root, 'Report Q1.csv');
    const { fake, shown } = dialogs({ save: target });
    const result = await createFilesHandlers(fake)['files:saveAs'](
      {
        suggestedName: 'Report Q1.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        data: new TextEncoder().encode('a,b'),
      },
      event,
    );
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('a,b');
    expect(shown.save[0]).toMatchObject({ defaultPath: join(root, 'Documents', 'Report Q1.csv') });
  });

  it('writes nothing when the manager cancels', async () => {
    const result = await createFilesHandlers(dialogs({ save: null }).fake)['files:saveAs'](
      { suggestedName: 'x.csv', filters: [], data: new Uint8Array([1]) },
      event,
    );
    expect(result).toEqual({ saved: false, path: null });
    expect(await readdir(root)).toEqual([]);
  });
});

describe('files:open', () => {
  it('returns the chosen file’s name and bytes', async () => {
    const file = join(root, 'roster.csv');
    await writeFile(file, 'name,email');
    const { fake, shown } = dialogs({ open: file });
    const result = await createFilesHandlers(fake)['files:open'](
      { filters: [{ name: 'CSV', extensions: ['csv'] }], maxBytes: 1000 },
      event,
    );
    expect(result?.name).toBe('roster.csv');
    expect(new TextDecoder().decode(result?.data)).toBe('name,email');
    expect(shown.open[0]).toMatchObject({
      properties: ['openFile'],
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('refuses a file larger than allowed, saying how large it is', async () => {
    const file = join(root, 'huge.csv');
    await writeFile(file, Buffer.alloc(3 * 1024 * 1024));
    await expect(
      createFilesHandlers(dialogs({ open: file }).fake)['files:open'](
        { filters: [], maxBytes: 1024 * 1024 },
        event,
      ),
    ).rejects.toThrow('That file is 3.0 MB, larger than the 1.0 MB this app can open here.');
  });

  it('returns null when the manager cancels', async () => {
    await expect(
      createFilesHandlers(dialogs({}).fake)['files:open']({ filters: [], maxBytes: 10 }, event),
    ).resolves.toBeNull();
  });
});

describe('backups into a folder', () => {
  const chosen = () => new ChosenFolders(join(root, 'backup-folders.json'));

  it('chooses a folder, or nothing when cancelled', async () => {
    const handlers = createBackupHandlers(dialogs({ open: join(root, 'USB') }).fake, chosen());
    await expect(handlers['backup:chooseFolder'](undefined, event)).resolves.toEqual({
      folder: join(root, 'USB'),
    });
    await expect(
      createBackupHandlers(dialogs({}).fake, chosen())['backup:chooseFolder'](undefined, event),
    ).resolves.toBeNull();
  });

  it('writes the backup into a folder picked in the dialog, also after a restart', async () => {
    const folder = join(root, 'USB');
    await mkdir(folder);
    await createBackupHandlers(dialogs({ open: folder }).fake, chosen())['backup:chooseFolder'](
      undefined,
      event,
    );
    // A new instance reads the remembered folders back, as the next session does.
    const result = await createBackupHandlers(dialogs({}).fake, chosen())['backup:writeToFolder'](
      { folder, fileName: 'Riverside 2026-03-01.age', data: new Uint8Array([9, 8]) },
      event,
    );
    expect(result).toEqual({ path: join(folder, 'Riverside 2026-03-01.age') });
    expect(new Uint8Array(await readFile(result.path))).toEqual(new Uint8Array([9, 8]));
  });

  it('keeps an earlier backup of the same name, saving the new one beside it', async () => {
    const folder = join(root, 'USB');
    await mkdir(folder);
    const folders = chosen();
    await folders.remember(folder);
    const write = (data: number) =>
      createBackupHandlers(dialogs({}).fake, folders)['backup:writeToFolder'](
        { folder, fileName: 'Riverside 2026-03-01.age', data: new Uint8Array([data]) },
        event,
      );
    await write(1);
    const second = await write(2);
    expect(second.path).toBe(join(folder, 'Riverside 2026-03-01 (2).age'));
    expect([...(await readFile(join(folder, 'Riverside 2026-03-01.age')))]).toEqual([1]);
    expect([...(await readFile(second.path))]).toEqual([2]);
  });

  it('refuses a folder the manager never picked, writing nothing', async () => {
    const elsewhere = join(root, 'Startup');
    await mkdir(elsewhere);
    await expect(
      createBackupHandlers(dialogs({}).fake, chosen())['backup:writeToFolder'](
        { folder: elsewhere, fileName: 'x.age', data: new Uint8Array([1]) },
        event,
      ),
    ).rejects.toThrow(FOLDER_NOT_CHOSEN);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('refuses a file name that is not a backup file', async () => {
    const folder = join(root, 'USB');
    await mkdir(folder);
    const folders = chosen();
    await folders.remember(folder);
    await expect(
      createBackupHandlers(dialogs({}).fake, folders)['backup:writeToFolder'](
        { folder, fileName: 'run-me.cmd', data: new Uint8Array([1]) },
        event,
      ),
    ).rejects.toThrow('A backup file name must end in .age.');
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses a picked folder that is gone, creating nothing', async () => {
    const gone = join(root, 'unplugged stick');
    const folders = chosen();
    await folders.remember(gone);
    await expect(
      createBackupHandlers(dialogs({}).fake, folders)['backup:writeToFolder'](
        { folder: gone, fileName: 'x.age', data: new Uint8Array([1]) },
        event,
      ),
    ).rejects.toThrow(`The folder "${gone}" cannot be found. Is the USB stick or network drive connected?`);
    expect(await readdir(root)).toEqual(['backup-folders.json']);
  });
});

describe('print:page', () => {
  it('opens the system print dialog for the asking page, backgrounds included, and says whether it printed', async () => {
    const print = vi.spyOn(contents, 'print');
    const result = await createPrintHandlers(dialogs({}).fake)['print:page'](undefined, event);
    expect(print).toHaveBeenCalledWith({ printBackground: true }, expect.any(Function));
    expect(result).toEqual({ printed: true });
  });
});

describe('print:toPdf', () => {
  it('prints the asking page on the chosen paper with backgrounds, and saves it as a PDF', async () => {
    const target = join(root, 'Report.pdf');
    const { fake, shown } = dialogs({ save: target });
    const print = vi.spyOn(contents, 'printToPDF');
    const result = await createPrintHandlers(fake)['print:toPdf'](
      { suggestedName: 'Report', paperSize: 'Letter' },
      event,
    );
    expect(print).toHaveBeenCalledWith({
      pageSize: 'Letter',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
    });
    expect(result).toEqual({ saved: true, path: target });
    expect((await readFile(target, 'latin1')).startsWith('%PDF')).toBe(true);
    expect(shown.save[0]).toMatchObject({
      defaultPath: join(root, 'Documents', 'Report.pdf'),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });

  it('saves nothing when the manager cancels', async () => {
    const result = await createPrintHandlers(dialogs({}).fake)['print:toPdf'](
      { suggestedName: 'R.pdf', paperSize: 'A4' },
      event,
    );
    expect(result).toEqual({ saved: false, path: null });
    expect(await readdir(root)).toEqual([]);
  });
});
