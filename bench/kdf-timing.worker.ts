import { deriveAtOnce, type KdfRequest } from '../renderer/data/lock/kdf';
import { deriveWithWasm, prepareWasm } from '../renderer/data/lock/kdf-wasm';

// The unlock bench's worker: the app's two derivations (the key worker's WebAssembly scrypt, and the
// JavaScript one it falls back to), timed inside the worker, so the bench can show the scrypt alone in
// each beside the whole unlock. Ready once the WebAssembly is compiled, as the app's worker started ahead.

interface TimingRequest extends KdfRequest {
  engine: 'webassembly' | 'javascript';
}

interface WorkerScope {
  postMessage(message: { ready?: true; ms?: number }): void;
  onmessage: ((event: MessageEvent<TimingRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const started = performance.now();
  if (event.data.engine === 'webassembly') await deriveWithWasm(event.data);
  else deriveAtOnce(event.data);
  scope.postMessage({ ms: performance.now() - started });
};
void prepareWasm().then(() => scope.postMessage({ ready: true }));
