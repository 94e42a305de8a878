import type { KdfRequest } from './kdf';
import { deriveFastest, type KdfEngine, prepareWasm } from './kdf-wasm';

// Derives the passphrase's key off the window's thread. Nothing is logged: the request holds the passphrase.

interface WorkerScope {
  postMessage(
    message: { key?: Uint8Array; engine?: KdfEngine; failed?: string },
    transfer?: Transferable[],
  ): void;
  onmessage: ((event: MessageEvent<KdfRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

// Started ahead (as a passphrase form shows): the WebAssembly is compiled while the manager types.
void prepareWasm();

scope.onmessage = async (event) => {
  try {
    const { key, engine } = await deriveFastest(event.data);
    scope.postMessage({ key, engine }, [key.buffer as ArrayBuffer]);
  } catch {
    scope.postMessage({ failed: 'The passphrase could not be checked.' });
  }
};
