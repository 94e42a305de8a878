import { deriveAtOnce, type KdfRequest } from '../renderer/data/lock/kdf';

// The unlock bench's worker: the same derivation as the app's key worker (deriveAtOnce), timed inside
// the worker, so the bench can show the scrypt alone beside the whole unlock.

interface WorkerScope {
  postMessage(message: { ready?: true; ms?: number }): void;
  onmessage: ((event: MessageEvent<KdfRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const started = performance.now();
  deriveAtOnce(event.data);
  scope.postMessage({ ms: performance.now() - started });
};
scope.postMessage({ ready: true });
