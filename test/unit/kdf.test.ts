import { describe, expect, it } from 'vitest';
import { deriveAtOnce, deriveInline } from '../../renderer/data/lock/kdf';

// The passphrase's key: the worker derives it in one go, the page (where there is no worker) in steps;
// both must give scrypt's key, byte for byte.

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
// RFC 7914, section 12: scrypt("password", "NaCl", N = 1024, r = 8, p = 16); its first 32 bytes.
const RFC_REQUEST = {
  passphrase: 'password',
  salt: new TextEncoder().encode('NaCl'),
  params: { logN: 10, r: 8, p: 16 },
};
const RFC_KEY = 'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162';

describe('the passphrase key derivation', () => {
  it('gives the published scrypt key in one go and in steps', async () => {
    expect(hex(deriveAtOnce(RFC_REQUEST))).toBe(RFC_KEY);
    expect(hex(await deriveInline(RFC_REQUEST))).toBe(RFC_KEY);
  });

  it('reads a passphrase typed in either Unicode form as the same passphrase', () => {
    const composed = { ...RFC_REQUEST, passphrase: 'caf\u00e9 lantern', params: { logN: 4, r: 8, p: 1 } };
    const decomposed = { ...composed, passphrase: 'cafe\u0301 lantern' };
    expect(hex(deriveAtOnce(decomposed))).toBe(hex(deriveAtOnce(composed)));
  });
});
