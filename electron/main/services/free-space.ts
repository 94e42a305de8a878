import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IpcFailure } from '../failure';
import { type AtomicWriteFs, writeFileAtomically } from './atomic-write';

/** Room kept beyond the file itself, for the file system's own records and a little headroom. */
export const SPACE_MARGIN_BYTES = 1024 * 1024;

export interface SpaceFs {
  statfs(path: string): Promise<{ bavail: number | bigint; bsize: number | bigint }>;
}

const realSpaceFs: SpaceFs = { statfs: (path) => statfs(path) };

/** Free bytes for this user in the folder's file system, or null where it cannot be told (some network shares). */
export async function freeBytesIn(folder: string, fs: SpaceFs = realSpaceFs): Promise<number | null> {
  try {
    const info = await fs.statfs(folder);
    return Number(info.bavail) * Number(info.bsize);
  } catch {
    return null;
  }
}

/**
 * Writes a file the manager asked for, refusing early when its folder's disk clearly has no room, and
 * naming a disk that fills up during the write. Either way nothing is half-written (the atomic write
 * leaves the old file or none) and the manager reads that the disk is full and what to do.
 */
export async function writeWithRoomCheck(
  path: string,
  data: Uint8Array,
  options: { spaceFs?: SpaceFs; writeFs?: AtomicWriteFs } = {},
): Promise<void> {
  const folder = dirname(path);
  const free = await freeBytesIn(folder, options.spaceFs);
  const needed = data.byteLength + SPACE_MARGIN_BYTES;
  if (free !== null && free < needed) throw new IpcFailure('disk-full', { folder, needed, free });
  try {
    await writeFileAtomically(path, data, options.writeFs);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new IpcFailure('disk-full', { folder });
    throw error;
  }
}
