import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write needs; tests swap one to simulate a full disk or a crash. */
export interface AtomicWriteFs {
  open: typeof open;
  rename: typeof rename;
  rm: typeof rm;
}

const realFs: AtomicWriteFs = { open, rename, rm };

/** The app's temporary names: ".<final name>.<12 hex digits>.partial"; nothing else ever matches. */
const TEMPORARY_NAME = /^\..+\.[0-9a-f]{12}\.partial$/;

/** True for a name only an unfinished atomic write of this app leaves behind. */
export function isTemporaryName(name: string): boolean {
  return TEMPORARY_NAME.test(name);
}

/**
 * Writes the whole file under a temporary name in the same folder, flushes it to disk, then renames it
 * over the final name: readers see either the old file or the complete new one, never half of it.
 */
export async function writeFileAtomically(
  finalPath: string,
  data: Uint8Array | string,
  fs: AtomicWriteFs = realFs,
): Promise<void> {
  const tempPath = join(
    dirname(finalPath),
    `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.partial`,
  );
  try {
    const handle = await fs.open(tempPath, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, finalPath);
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(finalPath), fs);
}

// Makes the rename itself durable; folders cannot be opened for syncing on Windows, which is fine there.
async function syncFolder(folder: string, fs: AtomicWriteFs): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the data itself is already flushed and renamed.
  }
}
