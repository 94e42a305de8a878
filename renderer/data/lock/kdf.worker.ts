import { deriveAtOnce, type KdfRequest } from './kdf';

// Derives the passphrase's key off the window's thread. Nothing is logged: the request holds the passphrase.

interface WorkerScope {
  postMessage(message: { key?: Uint8Array; failed?: string }, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<KdfRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const key = deriveAtOnce(event.data);
    scope.postMessage({ key }, [key.buffer as ArrayBuffer]);
  } catch {
    scope.postMessage({ failed: 'The passphrase could not be checked.' });
  }
};
