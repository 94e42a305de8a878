import 'fake-indexeddb/auto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it, vi } from 'vitest';
import {
  BackupError,
  type BackupErrorCode,
  InvalidBackupDataError,
  openBackup,
} from '../../renderer/data/backup';
import { encryptBytes } from '../../renderer/data/backup/encryption';
import { LineSplitter } from '../../renderer/data/backup/stream-reader';
import { documentText, gzipText, writeDocument } from './backup-documents';
import { smallClinic } from './backup-fixtures';

// Opening a backup costs time in proportion to its size, and input no backup ever holds (too deep,
// too large, a table or field the app does not know) is refused in words, never dropped or crashed on.

const PASSPHRASE = 'lantern-orchard-silver-81';
const FAST_SCRYPT = 2;

async function encrypt(gzipped: Uint8Array): Promise<Uint8Array> {
  return encryptBytes(gzipped, PASSPHRASE, FAST_SCRYPT);
}

async function refusal(file: Uint8Array): Promise<BackupError> {
  try {
    await openBackup(file, PASSPHRASE);
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('the backup was expected to be refused but opened');
}

/** A gzip stream of `size` bytes: `head`, then spaces, then `tail`, made without holding it in memory. */
async function gzipLarge(head: string, size: number, tail: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  let left = size;
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    pull(controller) {
      if (left <= 0) {
        controller.enqueue(encoder.encode(tail));
        controller.close();
        return;
      }
      controller.enqueue(spaces.subarray(0, Math.min(left, spaces.length)));
      left -= spaces.length;
    },
  });
  const compressed = source.pipeThrough(
    new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}

/** Rewrites a document's tables with `edit` and states the checksum of the result. */
function rehashed(text: string, edit: (tables: Record<string, unknown>) => void): string {
  const document = JSON.parse(text) as { tables: Record<string, unknown>; sha256: string };
  edit(document.tables);
  document.sha256 = bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(document.tables))));
  return JSON.stringify(document);
}

describe('opening a backup', () => {
  it('opens a 32 MB note in a small file', async () => {
    const clinic = smallClinic();
    clinic.meetings[0].notes = 'All well. '.repeat((32 * 1024 * 1024) / 10);
    const file = await encrypt(await writeDocument(clinic));
    expect(file.length).toBeLessThan(100 * 1024);
    const opened = await openBackup(file, PASSPHRASE);
    expect(opened.header.counts.meetings).toBe(clinic.meetings.length);
  });

  it('joins a line that spans many chunks once: each byte is copied at most twice, not once a chunk', () => {
    // Opening the 32 MB note above took over two minutes when a long line was copied again for every
    // chunk of it. The copies are counted, not timed, so a busy machine cannot fail this test.
    const chunkBytes = 64 * 1024;
    const chunks = 512;
    const line = new Uint8Array(chunkBytes * chunks).fill(0x61);
    let copied = 0;
    const set = Uint8Array.prototype.set;
    const counting = vi.spyOn(Uint8Array.prototype, 'set').mockImplementation(function (
      this: Uint8Array,
      source: ArrayLike<number>,
      offset?: number,
    ) {
      copied += source.length;
      set.call(this, source, offset);
    });
    const slice = Uint8Array.prototype.slice;
    const slicing = vi.spyOn(Uint8Array.prototype, 'slice').mockImplementation(function (
      this: Uint8Array,
      start?: number,
      end?: number,
    ) {
      const part = slice.call(this, start, end);
      copied += part.length;
      return part;
    });
    const splitter = new LineSplitter();
    const lines: Uint8Array[] = [];
    try {
      for (let at = 0; at < line.length; at += chunkBytes)
        lines.push(...splitter.split(line.subarray(at, at + chunkBytes)));
      lines.push(...splitter.split(Uint8Array.of(0x0a)));
    } finally {
      counting.mockRestore();
      slicing.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBe(line.length);
    expect(lines[0].every((byte) => byte === 0x61)).toBe(true);
    expect(copied).toBeLessThanOrEqual(2 * line.length);
  });

  it('refuses deeply nested data in a record as not a backup, without a stack overflow', async () => {
    const clinic = smallClinic();
    const text = await documentText(clinic);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const lines = text.split('\n');
    const meetingLine = lines.findIndex(
      (line) => line.includes('"relationshipId"') && line.includes('"notes"'),
    );
    lines[meetingLine] = lines[meetingLine].replace(/"notes":"[^"]*"/, `"notes":${deep}`);
    const error = await refusal(await encrypt(await gzipText(lines.join('\n'))));
    expect(error.code satisfies BackupErrorCode).toBe('not-a-backup');
    expect(error.message).toMatch(/nested far deeper than a backup ever does/);
  });

  it('refuses a re-formatted document nested too deeply as not a backup, without a stack overflow', async () => {
    const text = await documentText(smallClinic());
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const reformatted = JSON.stringify(JSON.parse(text), null, 2).replace(
      '"auditLog": [',
      `"auditLog": [${deep},`,
    );
    const error = await refusal(await encrypt(await gzipText(reformatted)));
    expect(error.code).toBe('not-a-backup');
  });

  it('refuses a line larger than any record as not a backup, before holding it in memory', async () => {
    const header = (await documentText(smallClinic())).split('\n')[0];
    const bomb = await gzipLarge(`${header}\n"people":[\n{"id":"`, 130 * 1024 * 1024, '"}\n');
    const error = await refusal(await encrypt(bomb));
    expect(error.code).toBe('not-a-backup');
    expect(error.message).toMatch(/far more text in one piece/);
  });

  it('refuses a re-formatted document larger than any backup as not a backup', async () => {
    const bomb = await gzipLarge('{\n "format": "guiding-hands-backup",', 260 * 1024 * 1024, '}');
    const error = await refusal(await encrypt(bomb));
    expect(error.code).toBe('not-a-backup');
  });

  it('names a table the app does not know instead of dropping it', async () => {
    const text = rehashed(await documentText(smallClinic()), (tables) => {
      tables.moodDiary = [{ id: 'm1', mood: 'fine' }];
    });
    const error = await refusal(await encrypt(await gzipText(text)));
    expect(error).toBeInstanceOf(InvalidBackupDataError);
    expect(error.message).toMatch(
      /the "moodDiary" table: is a table this version of Guiding Hands does not know/,
    );
  });

  it('names a field the app does not know instead of dropping it', async () => {
    const clinic = smallClinic();
    Object.assign(clinic.people[0], { shoeSize: 44 });
    const error = await refusal(await encrypt(await writeDocument(clinic)));
    expect(error).toBeInstanceOf(InvalidBackupDataError);
    expect((error as InvalidBackupDataError).issues[0]).toMatchObject({
      table: 'people',
      recordId: clinic.people[0].id,
    });
    expect(error.message).toMatch(/has fields the app does not know: shoeSize/);
  });
});
