import { armor, Decrypter, Encrypter } from 'age-encryption';
import { ageIdentityOf, parseRecoveryKey } from '../lock/recovery-key';
import {
  DamagedBackupError,
  EmptyBackupFileError,
  NotABackupError,
  RecoveryKeyNeededError,
  WorkFactorTooHighError,
  WrongPassphraseError,
  WrongRecoveryKeyError,
} from './errors';

// The outer layer: the age file format with a passphrase (scrypt) recipient, so that the standard
// `age` tool opens every backup. Automatic backups of a clinic with the clinic lock are age files for
// one X25519 recipient instead (the clinic's public key): they open with the recovery key of the
// recovery sheet, which yields the age identity (`ageIdentityOf`). Decryption failures are sorted into plain causes before anything else
// happens; most damaged files are recognised from their header alone, without the slow key derivation.

/** The age default: about a second of work per attempt on an office computer. */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;
/** The highest work factor age-encryption accepts when decrypting (each step doubles time and memory). */
export const MAX_SCRYPT_WORK_FACTOR = 20;

const AGE_MAGIC = new TextEncoder().encode('age-encryption.org/v1\n');
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

export async function encryptBytes(
  plaintext: Uint8Array,
  passphrase: string,
  scryptWorkFactor = DEFAULT_SCRYPT_WORK_FACTOR,
): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(scryptWorkFactor);
  return encrypter.encrypt(plaintext);
}

function startsWithText(bytes: Uint8Array, text: string): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, text.length));
  return head === text;
}

/** An armored (text) age file, as `age -a` writes, is accepted too. */
function unarmor(file: Uint8Array): Uint8Array {
  if (!startsWithText(file, ARMOR_BEGIN)) return file;
  try {
    return armor.decode(new TextDecoder().decode(file));
  } catch {
    throw new DamagedBackupError('its text armour is damaged');
  }
}

/** Recognises the age header line, telling a damaged one from a file that is not age at all. */
function checkAgeMagic(file: Uint8Array): void {
  const length = Math.min(file.length, AGE_MAGIC.length);
  let differences = 0;
  for (let index = 0; index < length; index += 1) if (file[index] !== AGE_MAGIC[index]) differences += 1;
  // One or two wrong bytes in a 22-byte signature is damage; more is some other kind of file.
  if (differences > 2) throw new NotABackupError('it is not an encrypted backup file.');
  if (differences > 0) throw new DamagedBackupError('its header is damaged');
  if (file.length <= AGE_MAGIC.length) throw new DamagedBackupError('it ends right after its header');
}

/** The header's stanza lines ("-> scrypt <salt> <work factor>"), split into words, read without any key. */
function stanzas(file: Uint8Array): string[][] {
  const head = new TextDecoder().decode(file.subarray(0, 4096));
  const found: string[][] = [];
  for (const line of head.split('\n')) {
    if (line.startsWith('---')) break;
    if (line.startsWith('-> ')) found.push(line.slice(3).split(' '));
  }
  return found;
}

function stanzaTypes(file: Uint8Array): string[] {
  return stanzas(file).map((words) => words[0] ?? '');
}

/** A work factor above what the app opens gets its own message, before any slow key derivation. */
function checkWorkFactor(file: Uint8Array): void {
  for (const words of stanzas(file)) {
    if (words[0] !== 'scrypt' || !/^[1-9][0-9]*$/.test(words[2] ?? '')) continue;
    const workFactor = Number(words[2]);
    if (workFactor > MAX_SCRYPT_WORK_FACTOR)
      throw new WorkFactorTooHighError(workFactor, MAX_SCRYPT_WORK_FACTOR);
  }
}

/** True for an automatic backup locked to the clinic's recovery sheet (age X25519 recipient). */
export function isRecoverySheetBackup(file: Uint8Array): boolean {
  if (file.length === 0) return false;
  try {
    const binary = unarmor(file);
    return stanzaTypes(binary).includes('X25519');
  } catch {
    return false;
  }
}

function classifyDecryptionFailure(file: Uint8Array, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('no identity matched')) {
    const types = stanzaTypes(file);
    if (types.includes('X25519')) return new WrongRecoveryKeyError();
    if (!types.includes('scrypt'))
      return new NotABackupError(
        'it is encrypted for a key, not with a passphrase, so it is not a backup made by this app.',
      );
    return new WrongPassphraseError();
  }
  if (message.includes('scrypt recipient is not the only one'))
    return new NotABackupError('it is encrypted for several recipients, which this app never does.');
  if (message.includes('invalid header HMAC')) return new DamagedBackupError('its header has been altered');
  return new DamagedBackupError('its encrypted data is incomplete or altered');
}

/** The age identity of a typed recovery key, or the error that says a recovery key is wanted. */
function identityFromRecoveryKey(typed: string): string {
  let secret: Uint8Array;
  try {
    secret = parseRecoveryKey(typed);
  } catch {
    throw new RecoveryKeyNeededError();
  }
  const identity = ageIdentityOf(secret);
  secret.fill(0);
  return identity;
}

/**
 * Opens an age file; returns the plaintext (for a backup: the gzipped document). `secret` is the
 * backup's passphrase, or, for an automatic backup locked to the recovery sheet, the recovery key.
 */
export async function decryptBackupFile(file: Uint8Array, secret: string): Promise<Uint8Array> {
  if (file.length === 0) throw new EmptyBackupFileError();
  const binary = unarmor(file);
  checkAgeMagic(binary);
  checkWorkFactor(binary);
  const decrypter = new Decrypter();
  if (stanzaTypes(binary).includes('X25519')) decrypter.addIdentity(identityFromRecoveryKey(secret));
  else decrypter.addPassphrase(secret);
  try {
    return await decrypter.decrypt(binary);
  } catch (error) {
    throw classifyDecryptionFailure(binary, error);
  }
}
