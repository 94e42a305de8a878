import { type FromOpenWorker, openBatch, type ToOpenWorker } from './open-in-worker';

// Opens the packed sealed values of a backup's pages (see open-in-worker.ts) with the data key the page
// hands over as a non-extractable CryptoKey. Nothing is logged: the values are the clinic's notes.

interface WorkerScope {
  postMessage(message: FromOpenWorker): void;
  onmessage: ((event: MessageEvent<ToOpenWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let key: CryptoKey | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'key') {
    key = message.key;
    return;
  }
  const { id, batch } = message;
  if (!key) {
    scope.postMessage({ type: 'failed', id, message: 'No key was given to open the notes.' });
    return;
  }
  openBatch(key, batch).then(
    (opened) => scope.postMessage({ type: 'opened', id, opened }),
    (error: unknown) => scope.postMessage({ type: 'failed', id, message: String(error) }),
  );
};

scope.postMessage({ type: 'ready' });
