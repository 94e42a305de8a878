import { type FromOpenWorker, openPacked, type ToOpenWorker } from '../../renderer/data/lock/open-in-worker';

/**
 * Answers as open.worker.ts does (the worker that opens a backup's sealed notes): the same messages, the
 * same function, across structured clones. Node has no Worker; the browser tests run the real one.
 */
export class StandInOpenWorker {
  static made: StandInOpenWorker[] = [];
  onmessage: ((event: { data: FromOpenWorker }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessageerror: ((event: unknown) => void) | null = null;
  terminated = false;
  pagesOpened = 0;
  private key: CryptoKey | null = null;

  constructor(readonly url: URL) {
    StandInOpenWorker.made.push(this);
    this.answer({ type: 'ready' });
  }

  private answer(message: FromOpenWorker): void {
    const cloned = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: cloned });
    }, 0);
  }

  postMessage(message: ToOpenWorker): void {
    if (this.terminated) return;
    const received = structuredClone(message);
    if (received.type === 'key') this.key = received.key;
    else if (this.key)
      void openPacked(this.key, received.packed).then((opened) => {
        this.pagesOpened += 1;
        this.answer({ type: 'opened', id: received.id, opened });
      });
  }

  terminate(): void {
    this.terminated = true;
  }
}
