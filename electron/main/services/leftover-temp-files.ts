import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isTemporaryName } from './atomic-write';

/**
 * A write can only be this old while still running if the computer slept through it; younger temporary
 * files may belong to another computer writing into a shared backup folder right now.
 */
export const LEFTOVER_AGE_MS = 60 * 60 * 1000;

/**
 * Removes the temporary files an atomic write left behind when the app or the computer stopped in the
 * middle of it. Only the app's own temporary-name pattern, only plain files, only directly inside the
 * given folders (the ones the app writes into), and only when older than an hour. Missing folders are
 * skipped. Returns how many were removed.
 */
export async function removeLeftoverTempFiles(
  folders: readonly string[],
  now: Date = new Date(),
): Promise<number> {
  let removed = 0;
  for (const folder of new Set(folders)) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter(isTemporaryName)) {
      const path = join(folder, name);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile() || now.getTime() - info.mtimeMs < LEFTOVER_AGE_MS) continue;
      if (
        await rm(path).then(
          () => true,
          () => false,
        )
      )
        removed += 1;
    }
  }
  return removed;
}
