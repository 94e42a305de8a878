import { scrypt } from 'hash-wasm';
import { deriveAtOnce, type KdfRequest } from './kdf';

// The passphrase's key in WebAssembly: the same scrypt, byte for byte, as deriveAtOnce (a unit test
// compares them), at the speed of the machine's native code instead of JavaScript's (about a third
// less time for N = 2^18). Loaded only by the worker, so the window's own code carries none of it.
// WebAssembly needs the page's policy to allow it ('wasm-unsafe-eval' in script-src, never
// 'unsafe-eval'): where it cannot be compiled, the JavaScript scrypt derives the same key, slower.

/** Which scrypt derived the key: shown to the bench and the browser tests, never to the manager. */
export type KdfEngine = 'webassembly' | 'javascript';

export async function deriveWithWasm(request: KdfRequest): Promise<Uint8Array> {
  const { logN, r, p } = request.params;
  return scrypt({
    password: new TextEncoder().encode(request.passphrase.normalize('NFC')),
    salt: request.salt,
    costFactor: 2 ** logN,
    blockSize: r,
    parallelism: p,
    hashLength: 32,
    outputType: 'binary',
  });
}

let compiled: Promise<boolean> | null = null;

/**
 * Compiles the WebAssembly scrypt now, with a derivation too small to notice, so the passphrase waits
 * for the scrypt alone. Resolves false where WebAssembly cannot be compiled (a policy that forbids it,
 * or a runtime without it). Compiled once per worker.
 */
export function prepareWasm(): Promise<boolean> {
  compiled ??= deriveWithWasm({
    passphrase: '',
    salt: new Uint8Array(16),
    params: { logN: 1, r: 1, p: 1 },
  }).then(
    () => true,
    () => false,
  );
  return compiled;
}

/** The key, in WebAssembly when it compiles, else in JavaScript; and which of the two derived it. */
export async function deriveFastest(request: KdfRequest): Promise<{ key: Uint8Array; engine: KdfEngine }> {
  if (await prepareWasm()) {
    try {
      return { key: await deriveWithWasm(request), engine: 'webassembly' };
    } catch {
      // Its memory could not be grown, say: the JavaScript scrypt may still find room.
    }
  }
  return { key: deriveAtOnce(request), engine: 'javascript' };
}
