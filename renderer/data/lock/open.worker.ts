import { type FromOpenWorker, openPacked, type ToOpenWorker } from './open-in-worker';

// Opens the packed sealed values of a backup's pages (see open-in-worker.ts) with the data key the page
// hands over as a non-extractable CryptoKey. Nothing is logged: the values are the clinic's notes.

interface WorkerScope {
  postMessage(message: FromOpenWorker, transfer?: Transferable[]): void;
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
  const { id, packed } = message;
  if (!key) {
    scope.postMessage({ type: 'failed', id, message: 'No key was given to open the notes.' });
    return;
  }
  openPacked(key, packed).then(
    (opened) => scope.postMessage({ type: 'opened', id, opened }, [opened.bytes.buffer, opened.ends.buffer]),
    () => scope.postMessage({ type: 'failed', id, message: 'The notes of a page could not be opened.' }),
  );
};

scope.postMessage({ type: 'ready' });
