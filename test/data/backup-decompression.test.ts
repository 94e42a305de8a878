import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzip } from '../../renderer/data/backup/document-parts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Errors thrown where no caller can catch them, recorded while `work` runs and a little after. */
async function uncaughtDuring(work: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const record = (error: unknown) => seen.push(error);
  process.on('uncaughtException', record);
  try {
    await work();
    await wait(200);
  } finally {
    process.off('uncaughtException', record);
  }
  return seen;
}

describe('decompressing a backup', () => {
  it('gives back exactly the bytes that were compressed', async () => {
    const text = new TextEncoder().encode('{"format":"guiding-hands-backup"}\n'.repeat(50_000));
    const reader = gunzip(gzipSync(text));
    const chunks: Uint8Array[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
    expect(Buffer.concat(chunks).equals(Buffer.from(text))).toBe(true);
  });

  // A refused document (too large, not a backup) stops the decompression half-way. When the reader paused
  // long enough for the decompressor to queue more output, stopping right after the next read once made
  // the platform write that output into a closed stream: an error no caller could catch, which ends a
  // process. Stopping now never cancels the output: it lets it go (and aborts any input still fed).
  it('stops half-way through a large document without an error nobody can catch', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const uncaught = await uncaughtDuring(async () => {
      const reader = gunzip(bomb);
      expect((await reader.read()).done).toBe(false);
      await wait(100);
      expect((await reader.read()).done).toBe(false);
      reader.stop();
    });
    expect(uncaught).toEqual([]);
  });

  it('refuses damaged data with an error its reader can catch', async () => {
    const damaged = gzipSync(Buffer.from('a backup document'.repeat(1000)));
    damaged.fill(0xff, 20, 40);
    const reader = gunzip(damaged);
    await expect(
      (async () => {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
      })(),
    ).rejects.toThrow();
    reader.stop();
  });
});
