import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveAtOnce } from '../../renderer/data/lock/kdf';

// Where WebAssembly cannot be compiled (a page policy without 'wasm-unsafe-eval' refuses it, as
// Chromium does, with a CompileError), the worker derives the same key with the JavaScript scrypt.
// Its own file: the WebAssembly code is compiled once per process and the refusal would be kept.

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the passphrase key where WebAssembly is refused', () => {
  it('is derived in JavaScript, the same key', async () => {
    const refused = vi
      .spyOn(WebAssembly, 'compile')
      .mockRejectedValue(
        new WebAssembly.CompileError(
          "WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script",
        ),
      );
    const { deriveFastest, prepareWasm } = await import('../../renderer/data/lock/kdf-wasm');
    expect(await prepareWasm()).toBe(false);
    const request = {
      passphrase: 'cafe\u0301 harbour lantern',
      salt: Uint8Array.from({ length: 16 }, (_, index) => index),
      params: { logN: 10, r: 8, p: 1 },
    };
    const { key, engine } = await deriveFastest(request);
    expect(refused).toHaveBeenCalled();
    expect(engine).toBe('javascript');
    expect(hex(key)).toBe(hex(deriveAtOnce({ ...request, passphrase: 'caf\u00e9 harbour lantern' })));
  });
});
