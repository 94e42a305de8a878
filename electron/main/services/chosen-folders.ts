import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ipcErrorWords } from '../../shared/errors';
import { IpcFailure } from '../failure';
import { writeFileAtomically } from './atomic-write';

// The folders the manager picked in a folder dialog, remembered across sessions. Backups are only ever
// written into one of these, so a page that asked to write elsewhere is refused.

const MAX_REMEMBERED = 20;
const storedSchema = z.object({ folders: z.array(z.string()).max(MAX_REMEMBERED) });

export const FOLDER_NOT_CHOSEN = ipcErrorWords('folder-not-allowed');

export class ChosenFolders {
  private folders: string[];

  constructor(private readonly stateFile: string) {
    this.folders = ChosenFolders.read(stateFile);
  }

  private static read(stateFile: string): string[] {
    try {
      return storedSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8'))).folders;
    } catch {
      // Missing or damaged: the manager simply picks the folder again.
      return [];
    }
  }

  /** Every folder picked, newest first. */
  list(): string[] {
    return [...this.folders];
  }

  has(folder: string): boolean {
    return this.folders.includes(resolve(folder));
  }

  /** Throws the plain message when the folder was never picked in a dialog. */
  assertChosen(folder: string): void {
    if (!this.has(folder)) throw new IpcFailure('folder-not-allowed');
  }

  async remember(folder: string): Promise<void> {
    const full = resolve(folder);
    this.folders = [full, ...this.folders.filter((known) => known !== full)].slice(0, MAX_REMEMBERED);
    await mkdir(dirname(this.stateFile), { recursive: true });
    await writeFileAtomically(this.stateFile, JSON.stringify({ folders: this.folders }));
  }
}
