import { createCipheriv, randomBytes, scrypt } from 'node:crypto';
import { Encrypter, type Recipient, Stanza } from 'age-encryption';

// Automatic backups are encrypted here, in the main process, so the kept passphrase never reaches the
// page. The file is the age format with one scrypt recipient, exactly as the page writes manual backups
// (the `age` tool opens both). The key derivation uses Node's own scrypt, which runs off the main
// thread: age-encryption's pure-JavaScript scrypt would freeze the window for a second or more.

/** The age default work factor (2^18): about a second per attempt on an office computer. */
export const AGE_SCRYPT_WORK_FACTOR = 18;

const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';

function deriveKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  const labelAndSalt = Buffer.concat([Buffer.from(SCRYPT_LABEL), salt]);
  return new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is below age's default factor.
    scrypt(passphrase, labelAndSalt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** age's scrypt recipient (age-encryption.org/v1, "scrypt" stanza), its key derived by Node. */
class NodeScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await deriveKey(this.passphrase, salt, this.logN);
    // ChaCha20-Poly1305 with an all-zero nonce: each key wraps exactly one file key.
    const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    const salt64 = salt.toString('base64').replace(/=+$/, '');
    return [new Stanza(['scrypt', salt64, String(this.logN)], new Uint8Array(body))];
  }
}

/** The bytes as an age file that opens with the passphrase (`age -d`). */
export async function encryptWithPassphrase(
  plaintext: Uint8Array,
  passphrase: string,
  logN = AGE_SCRYPT_WORK_FACTOR,
): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(new NodeScryptRecipient(passphrase, logN));
  return encrypter.encrypt(plaintext);
}

/**
 * The bytes as an age file for the clinic lock's public recipient (X25519): it opens with the identity
 * on the recovery sheet (`age -d -i`), or in the unlocked app with the recovery key. No secret is needed
 * to write it, so none is kept.
 */
export async function encryptToRecipient(plaintext: Uint8Array, ageRecipient: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(ageRecipient);
  return encrypter.encrypt(plaintext);
}
