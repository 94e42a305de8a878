import { deriveInline, type KdfRequest } from './kdf';

// Derives the passphrase's key off the window's thread. Nothing is logged: the request holds the passphrase.

interface WorkerScope {
  postMessage(message: { key?: Uint8Array; failed?: string }, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<KdfRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  deriveInline(event.data).then(
    (key) => scope.postMessage({ key }, [key.buffer as ArrayBuffer]),
    () => scope.postMessage({ failed: 'The passphrase could not be checked.' }),
  );
};
