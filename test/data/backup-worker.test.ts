import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAutoBackupDocument, makeBackup } from '../../renderer/data/backup';
import {
  createInlineSink,
  type FromWorker,
  type InlineSink,
  type ToWorker,
} from '../../renderer/data/backup/pipeline';
import { createLock } from '../../renderer/data/lock/keyring';
import { sealClinic } from '../../renderer/data/lock/seal-all';
import { closeSession, LockedError } from '../../renderer/data/lock/session';
import { logMeeting } from '../../renderer/data/meetings.repo';
import {
  FAST_SCRYPT,
  freshDatabasePerTest,
  LOCKED_CONFIGURATION,
  meetingInput,
  seedPair,
  TEST_CLINIC_PASSPHRASE,
  TODAY,
} from './helpers';
import { StandInOpenWorker } from './stand-in-open-worker';

// A backup's bytes are hashed, gzipped and encrypted in a worker (pipeline.worker.ts). A backup that
// fails half-way (the clinic locks while its notes are being opened) must not leave that worker running,
// holding the part of the clinic already written and the scrypt of the backup's passphrase. Node has no
// Worker: this stand-in answers as the app's worker does, with the app's own pipeline (the same
// messages, the same inline sink); the browser runs the real one.

class StandInPipelineWorker {
  static made: StandInPipelineWorker[] = [];
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  private sink: InlineSink | null = null;

  constructor(readonly url: URL) {
    StandInPipelineWorker.made.push(this);
    this.answer({ type: 'ready' });
  }

  private answer(message: FromWorker): void {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: message });
    }, 0);
  }

  postMessage(message: ToWorker): void {
    if (this.terminated) return;
    if (message.type === 'start') this.sink = createInlineSink(message.options);
    else if (message.type === 'write' && this.sink) {
      const bytes = message.bytes.byteLength;
      void this.sink
        .write(message.bytes, message.hashed)
        .then(() => this.answer({ type: 'processed', bytes }));
    } else if (message.type === 'finish' && this.sink)
      this.sink.finish().then(
        (result) => this.answer({ type: 'done', result }),
        (error: unknown) => this.answer({ type: 'failed', message: String(error) }),
      );
  }

  terminate(): void {
    this.terminated = true;
  }

  static alive(): StandInPipelineWorker[] {
    return StandInPipelineWorker.made.filter((worker) => !worker.terminated);
  }
}

const db = freshDatabasePerTest();

/** From now on, workers are stand-ins (after the lock is set up: its passphrase is derived here). */
function standInWorkers(): void {
  StandInPipelineWorker.made = [];
  StandInOpenWorker.made = [];
  vi.stubGlobal(
    'Worker',
    class {
      constructor(url: URL) {
        // biome-ignore lint/correctness/noConstructorReturn: the stand-in answers for the worker asked for.
        return /open\.worker\.ts$/.test(url.pathname)
          ? new StandInOpenWorker(url)
          : new StandInPipelineWorker(url);
      }
    },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A clinic whose meeting notes are sealed by the clinic lock, unlocked. */
async function lockedClinic(): Promise<void> {
  const pair = await seedPair();
  for (let index = 0; index < 3; index++)
    await logMeeting(meetingInput(pair.relationship.id, { date: TODAY, notes: `Sealed note ${index}` }));
  if (!LOCKED_CONFIGURATION) {
    await createLock(db().name, TEST_CLINIC_PASSPHRASE, FAST_SCRYPT);
    await sealClinic(db());
  }
}

describe('the backup pipeline worker', () => {
  it('is ended once a backup is made', async () => {
    await lockedClinic();
    standInWorkers();
    await makeBackup({ passphrase: 'a long enough passphrase', scryptWorkFactor: 2 });
    expect(StandInPipelineWorker.made).toHaveLength(1);
    expect(StandInPipelineWorker.made[0]!.url.pathname).toMatch(/pipeline\.worker\.ts$/);
    expect(StandInPipelineWorker.alive()).toEqual([]);
    // The sealed notes were opened by a worker of their own, ended too.
    expect(StandInOpenWorker.made).toHaveLength(1);
    expect(StandInOpenWorker.made[0]!.pagesOpened).toBeGreaterThan(0);
    expect(StandInOpenWorker.made[0]!.terminated).toBe(true);
  });

  it('holds the notes the worker opened in the clear, and nothing sealed', async () => {
    await lockedClinic();
    standInWorkers();
    const { bytes } = await makeAutoBackupDocument();
    const text = gunzipSync(bytes).toString('utf8');
    for (let index = 0; index < 3; index++) expect(text).toContain(`Sealed note ${index}`);
    expect(text).not.toContain('$sealed');
    expect(StandInOpenWorker.made[0]!.pagesOpened).toBeGreaterThan(0);
    expect(StandInOpenWorker.made.every((worker) => worker.terminated)).toBe(true);
  });

  it('is ended when the clinic locks during a backup, which fails', async () => {
    await lockedClinic();
    standInWorkers();
    const failed = makeBackup({
      passphrase: 'a long enough passphrase',
      scryptWorkFactor: 2,
      // The clinic locks as soon as the backup has written its first records, before the notes are opened.
      onProgress: () => closeSession(),
    });
    await expect(failed).rejects.toBeInstanceOf(LockedError);
    expect(StandInPipelineWorker.made).toHaveLength(1);
    await vi.waitFor(() => expect(StandInPipelineWorker.alive()).toEqual([]), { timeout: 5000 });
    expect(StandInOpenWorker.made).toHaveLength(1);
    expect(StandInOpenWorker.made[0]!.terminated).toBe(true);
  });

  it('starts no worker when the clinic is locked before the backup begins', async () => {
    await lockedClinic();
    closeSession();
    standInWorkers();
    await expect(
      makeBackup({ passphrase: 'a long enough passphrase', scryptWorkFactor: 2 }),
    ).rejects.toBeInstanceOf(LockedError);
    expect(StandInPipelineWorker.made).toEqual([]);
    expect(StandInOpenWorker.made).toEqual([]);
  });
});
