import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { FIELDS_SEALED_TOGETHER } from '../../domain/unreadable';

// One sealed value: AES-256-GCM under the clinic's data key, with additional authenticated data naming
// the table, the record and the field, so a sealed value copied onto another record does not open.
// Stored as it is in IndexedDB (bytes, not text): 12 bytes of IV + 16 of tag over the plaintext.
// The plaintext is the JSON of the value, so a string, a list of steps or a set of answers seal alike.
//
// Two ways to the same bytes: a synchronous one (used inside database transactions, which end if they
// wait for anything else) and WebCrypto's, faster for thousands of values at once (backups, sealing
// a whole clinic). Both are AES-GCM with a 96-bit IV and the tag appended, so either opens the other's.

export const SEALED_VERSION = 1;

export interface SealedValue {
  $sealed: typeof SEALED_VERSION;
  iv: Uint8Array;
  ct: Uint8Array;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Where a record of a table with several sealed fields keeps them (schema version 25): one sealed value
 * holding the JSON object of those fields, path by path (`{ "answers": {…}, "support": "…" }`), the
 * fields themselves left out of the stored record. One value a record rather than one a field: opening a
 * whole table (a backup) costs a WebCrypto call a value, so the calls are what its time follows.
 */
export const SEALED_RECORD_FIELD = FIELDS_SEALED_TOGETHER;

/** The path a record's sealed fields are bound to, together (it names no field of any record). */
export const SEALED_RECORD_PATH = '$record';

export function isSealed(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as SealedValue).$sealed === SEALED_VERSION &&
    (value as SealedValue).iv instanceof Uint8Array &&
    (value as SealedValue).ct instanceof Uint8Array
  );
}

/**
 * The table a sealed value is bound to, when its record moved to a table of its own: the notes of
 * meetingNotes (schema version 23) stay bound to their meeting ('meetings', the meeting's id, 'notes'),
 * as they were sealed, so the upgrade moved them as they are and a note still opens only for its meeting.
 */
const SEAL_CONTEXT_TABLE: Readonly<Record<string, string>> = { meetingNotes: 'meetings' };

/** The table whose record a sealed value belongs to (the meeting, for a note of meetingNotes). */
export function ownerTableOf(table: string): string {
  return SEAL_CONTEXT_TABLE[table] ?? table;
}

const CONTEXT_START = 'guiding-hands/v1\u0000';

/** What binds a sealed value to its place. */
export function sealContext(table: string, recordId: string, path: string): Uint8Array {
  const bound = ownerTableOf(table);
  return encoder.encode(`${CONTEXT_START}${bound}\u0000${recordId}\u0000${path}`);
}

/**
 * The contexts of many values of one table and field, as sealContext gives each (the same bytes), written
 * into one buffer and handed out as views of it: thousands of values opened at once (a backup's page) cost
 * one allocation, not one a value. Ids are written a character at a time while they are plain ASCII (the
 * app's ids are); any other id is encoded as sealContext would.
 */
export function sealContextsOf(table: string, path: string, ids: readonly string[]): Uint8Array[] {
  const head = encoder.encode(`${CONTEXT_START}${ownerTableOf(table)}\u0000`);
  const tail = encoder.encode(`\u0000${path}`);
  const encoded: (Uint8Array | null)[] = ids.map((id) => {
    for (let at = 0; at < id.length; at++) if (id.charCodeAt(at) > 0x7f) return encoder.encode(id);
    return null;
  });
  let size = 0;
  ids.forEach((id, index) => {
    size += head.length + (encoded[index]?.length ?? id.length) + tail.length;
  });
  const buffer = new Uint8Array(size);
  const contexts: Uint8Array[] = [];
  let at = 0;
  ids.forEach((id, index) => {
    const start = at;
    buffer.set(head, at);
    at += head.length;
    const bytes = encoded[index];
    if (bytes) {
      buffer.set(bytes, at);
      at += bytes.length;
    } else for (let char = 0; char < id.length; char++) buffer[at++] = id.charCodeAt(char);
    buffer.set(tail, at);
    at += tail.length;
    contexts.push(buffer.subarray(start, at));
  });
  return contexts;
}

export function sealSync(key: Uint8Array, context: Uint8Array, value: unknown): SealedValue {
  const iv = randomBytes(12);
  const ct = gcm(key, iv, context).encrypt(encoder.encode(JSON.stringify(value)));
  return { $sealed: SEALED_VERSION, iv, ct };
}

function parse(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes));
}

export const OPEN_FAILED =
  'A sealed note could not be opened: it does not belong to this record, or it was damaged. The rest of the record is shown.';

export function openSync(key: Uint8Array, context: Uint8Array, sealed: SealedValue): unknown {
  let bytes: Uint8Array;
  try {
    bytes = gcm(key, sealed.iv, context).decrypt(sealed.ct);
  } catch {
    throw new SealError(OPEN_FAILED);
  }
  return parse(bytes);
}

/** The data key as a WebCrypto key, for the bulk paths. Not extractable. */
export function importDataKey(key: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

export async function sealAsync(key: CryptoKey, context: Uint8Array, value: unknown): Promise<SealedValue> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    {
      name: 'AES-GCM',
      iv: iv as Uint8Array<ArrayBuffer>,
      additionalData: context as Uint8Array<ArrayBuffer>,
    },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { $sealed: SEALED_VERSION, iv, ct: new Uint8Array(ct) };
}

/** The plaintext bytes of a sealed value (the JSON of the value), with WebCrypto. */
export async function openBytesAsync(
  key: CryptoKey,
  context: Uint8Array,
  sealed: SealedValue,
): Promise<Uint8Array> {
  try {
    const bytes = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.iv as Uint8Array<ArrayBuffer>,
        additionalData: context as Uint8Array<ArrayBuffer>,
      },
      key,
      sealed.ct as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(bytes);
  } catch {
    throw new SealError(OPEN_FAILED);
  }
}

/**
 * The plaintext bytes of many sealed values, with WebCrypto: every decrypt issued at once, nothing around
 * each but the call itself. Rejects with a SealError if any one does not open (the caller then opens them
 * one by one to learn which).
 */
export async function openManyBytesAsync(
  key: CryptoKey,
  contexts: readonly Uint8Array[],
  sealed: readonly SealedValue[],
): Promise<Uint8Array[]> {
  try {
    const opened = await Promise.all(
      sealed.map((value, index) =>
        crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: value.iv as Uint8Array<ArrayBuffer>,
            additionalData: contexts[index] as Uint8Array<ArrayBuffer>,
          },
          key,
          value.ct as Uint8Array<ArrayBuffer>,
        ),
      ),
    );
    return opened.map((bytes) => new Uint8Array(bytes));
  } catch {
    throw new SealError(OPEN_FAILED);
  }
}

export async function openAsync(key: CryptoKey, context: Uint8Array, sealed: SealedValue): Promise<unknown> {
  return parse(await openBytesAsync(key, context, sealed));
}

const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The values of many plaintexts (each the JSON of one value) read in one go: the bytes joined into one JSON
 * array, decoded once and parsed once, instead of a decode and a parse per value. Each plaintext is
 * authenticated and was written as the JSON of one value; should the joined text still not read back as
 * exactly one value each, every plaintext is read alone and the ones that do not read are SealErrors.
 */
export function parseMany(plaintexts: readonly Uint8Array[]): (unknown | SealError)[] {
  let size = 2 + Math.max(plaintexts.length - 1, 0);
  for (const bytes of plaintexts) size += bytes.length;
  const joined = new Uint8Array(size);
  joined[0] = OPEN_BRACKET;
  let at = 1;
  plaintexts.forEach((bytes, index) => {
    if (index > 0) joined[at++] = COMMA;
    joined.set(bytes, at);
    at += bytes.length;
  });
  joined[at] = CLOSE_BRACKET;
  try {
    const values = parse(joined);
    if (Array.isArray(values) && values.length === plaintexts.length) return values;
  } catch {
    // One of them is not the JSON of one value: read each alone below.
  }
  return plaintexts.map((bytes) => {
    try {
      return parse(bytes);
    } catch {
      return new SealError(OPEN_FAILED);
    }
  });
}

/** Reads a dotted path ("capacityOverride.reason") of a record. */
export function readPath(record: Record<string, unknown>, path: string): unknown {
  if (!path.includes('.')) return record[path];
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The object a dotted path's value sits in and the value's key, or null when that object is missing. */
function placeOf(record: Record<string, unknown>, path: string): [Record<string, unknown>, string] | null {
  const parts = path.split('.');
  let parent: unknown = record;
  for (const part of parts.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return null;
    parent = (parent as Record<string, unknown>)[part];
  }
  if (typeof parent !== 'object' || parent === null) return null;
  return [parent as Record<string, unknown>, parts[parts.length - 1] as string];
}

/** Writes a dotted path whose parent object exists (it never creates one). */
export function writePath(record: Record<string, unknown>, path: string, value: unknown): void {
  if (!path.includes('.')) {
    record[path] = value;
    return;
  }
  const place = placeOf(record, path);
  if (place) place[0][place[1]] = value;
}

/** Removes a dotted path of a record (nothing happens when its parent is missing). */
export function deletePath(record: Record<string, unknown>, path: string): void {
  if (!path.includes('.')) {
    delete record[path];
    return;
  }
  const place = placeOf(record, path);
  if (place) delete place[0][place[1]];
}

/** A copy of the record deep enough that writing its sealed paths leaves the original untouched. */
export function copyForPaths<T extends object>(record: T, paths: readonly string[]): T {
  const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const path of paths) {
    const parts = path.split('.');
    let node = copy;
    for (const part of parts.slice(0, -1)) {
      const child = node[part];
      if (typeof child !== 'object' || child === null) break;
      node[part] = Array.isArray(child) ? [...child] : { ...(child as Record<string, unknown>) };
      node = node[part] as Record<string, unknown>;
    }
  }
  return copy as T;
}
