import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base32crockford, bech32 } from '@scure/base';
import { identityToRecipient } from 'age-encryption';

// The recovery key printed on the recovery sheet: 160 random bits written as eight groups of four
// characters (Crockford's base32: no I, L, O or U to misread; typing them is forgiven). It opens the
// recovery slot of the key ring, and it yields the clinic's age identity, whose public recipient
// automatic backups are encrypted to — so the sheet alone opens them with `age -d -i`.

export const RECOVERY_BYTES = 20;
const utf8 = (text: string) => new TextEncoder().encode(text);
const GROUP = 4;

export class RecoveryKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecoveryKeyError';
  }
}

export function newRecoverySecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(RECOVERY_BYTES));
}

/** "ABCD-EFGH-…": eight groups. */
export function formatRecoveryKey(secret: Uint8Array): string {
  const text = base32crockford.encode(secret);
  return (text.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-');
}

export function recoveryGroups(formatted: string): string[] {
  return formatted.split('-');
}

/** Reads what the manager typed from the sheet: spaces, dashes and capitals do not matter. */
export function parseRecoveryKey(typed: string): Uint8Array {
  const compact = typed.replace(/[\s-]+/g, '').toUpperCase();
  const expected = Math.ceil((RECOVERY_BYTES * 8) / 5);
  if (compact.length !== expected)
    throw new RecoveryKeyError(
      `A recovery key has ${expected} letters and digits in eight groups of four; this one has ${compact.length}.`,
    );
  try {
    return base32crockford.decode(compact);
  } catch {
    throw new RecoveryKeyError(
      'That is not a recovery key: it has a character that is not on the sheet (U, or a sign).',
    );
  }
}

export function recoveryWrappingKey(secret: Uint8Array, salt: Uint8Array): Uint8Array {
  return hkdf(sha256, secret, salt, utf8('guiding-hands recovery slot'), 32);
}

/** The age identity ("AGE-SECRET-KEY-1…") the recovery key stands for. */
export function ageIdentityOf(secret: Uint8Array): string {
  const scalar = hkdf(sha256, secret, new Uint8Array(0), utf8('guiding-hands age identity'), 32);
  return bech32.encode('age-secret-key-', bech32.toWords(scalar), false).toUpperCase();
}

export function ageRecipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}
