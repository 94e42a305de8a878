import { gcm } from '@noble/ciphers/aes.js';
import { describe, expect, it } from 'vitest';
import { deriveAtOnce, deriveInline, type KdfRequest } from '../../renderer/data/lock/kdf';
import { deriveFastest, deriveWithWasm } from '../../renderer/data/lock/kdf-wasm';

// The passphrase's key: the worker derives it in WebAssembly (or in JavaScript in one go where
// WebAssembly cannot be compiled), the page (where there is no worker) in steps; all three must give
// scrypt's key, byte for byte, or a passphrase set by one would not open the lock under another.

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const utf8 = (text: string) => new TextEncoder().encode(text);

// RFC 7914, section 12: scrypt("password", "NaCl", N = 1024, r = 8, p = 16); its first 32 bytes.
const RFC_REQUEST: KdfRequest = {
  passphrase: 'password',
  salt: utf8('NaCl'),
  params: { logN: 10, r: 8, p: 16 },
};
const RFC_KEY = 'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162';
// RFC 7914, section 12: scrypt("pleaseletmein", "SodiumChloride", N = 16384, r = 8, p = 1).
const RFC_REQUEST_2: KdfRequest = {
  passphrase: 'pleaseletmein',
  salt: utf8('SodiumChloride'),
  params: { logN: 14, r: 8, p: 1 },
};
const RFC_KEY_2 = '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2';

// A passphrase slot as the JavaScript-only version of the app wrote it (N = 2^10 to keep the test
// quick; the slot keeps its own parameters), for a passphrase typed with composed accents.
const STORED_SLOT = {
  passphrase: 'Cr\u00e8me br\u00fbl\u00e9e \u00e0 l\u2019h\u00f4pital \u2014 7 nuits',
  salt: bytes('030a11181f262d343b424950575e656c'),
  params: { logN: 10, r: 8, p: 1 },
  iv: bytes('c8c7c6c5c4c3c2c1c0bfbebd'),
  wrapped: bytes(
    '2bf7d9328bb319fb0ce1325ed4b938072788a924a5035764fc66d998ba937f86dc61be1487b0621a002088d01692ff6c',
  ),
  dataKey: '05121f2c394653606d7a8794a1aebbc8d5e2effc091623303d4a5764717e8b98',
};

describe('the passphrase key derivation', () => {
  it('gives the published scrypt key in one go, in steps and in WebAssembly', async () => {
    expect(hex(deriveAtOnce(RFC_REQUEST))).toBe(RFC_KEY);
    expect(hex(await deriveInline(RFC_REQUEST))).toBe(RFC_KEY);
    expect(hex(await deriveWithWasm(RFC_REQUEST))).toBe(RFC_KEY);
    expect(hex(await deriveWithWasm(RFC_REQUEST_2))).toBe(RFC_KEY_2);
  });

  it('reads a passphrase typed in either Unicode form as the same passphrase', async () => {
    const composed = { ...RFC_REQUEST, passphrase: 'caf\u00e9 lantern', params: { logN: 4, r: 8, p: 1 } };
    const decomposed = { ...composed, passphrase: 'cafe\u0301 lantern' };
    expect(hex(deriveAtOnce(decomposed))).toBe(hex(deriveAtOnce(composed)));
    expect(hex(await deriveWithWasm(decomposed))).toBe(hex(deriveAtOnce(composed)));
  });

  it('gives the JavaScript scrypt’s key in WebAssembly for passphrases of every kind of character', async () => {
    const passphrases = [
      '',
      'a',
      'quiet harbour lantern 42',
      '\u00c5ngstr\u00f6m caf\u00e9 na\u00efve',
      'A\u030angstro\u0308m cafe\u0301 nai\u0308ve',
      '\u4e2d\u6587\u5bc6\u7801 \u0645\u0631\u062d\u0628\u0627 \u{1f512}\u{1f3e5}',
      'x'.repeat(300),
    ];
    const salt = Uint8Array.from({ length: 16 }, (_, index) => index * 17);
    for (const params of [
      { logN: 10, r: 8, p: 1 },
      { logN: 12, r: 8, p: 2 },
    ]) {
      for (const passphrase of passphrases) {
        const request = { passphrase, salt, params };
        expect(hex(await deriveWithWasm(request)), passphrase).toBe(hex(deriveAtOnce(request)));
      }
    }
  });

  it('opens a slot the JavaScript-only version stored, whichever way the accents were typed', async () => {
    const slotContext = utf8('guiding-hands/keyring/v1/passphrase');
    for (const passphrase of [STORED_SLOT.passphrase, STORED_SLOT.passphrase.normalize('NFD')]) {
      const { key, engine } = await deriveFastest({
        passphrase,
        salt: STORED_SLOT.salt,
        params: STORED_SLOT.params,
      });
      expect(engine).toBe('webassembly');
      expect(hex(gcm(key, STORED_SLOT.iv, slotContext).decrypt(STORED_SLOT.wrapped))).toBe(
        STORED_SLOT.dataKey,
      );
    }
    const { key } = await deriveFastest({
      passphrase: 'Creme brulee a l’hopital — 7 nuits',
      salt: STORED_SLOT.salt,
      params: STORED_SLOT.params,
    });
    expect(() => gcm(key, STORED_SLOT.iv, slotContext).decrypt(STORED_SLOT.wrapped)).toThrow();
  });
});
