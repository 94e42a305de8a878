import 'fake-indexeddb/auto';
import { Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  type BackupErrorCode,
  InvalidBackupDataError,
  makeBackup,
  restoreBackupFile,
} from '../../renderer/data/backup';
import { CURRENT_SCHEMA_VERSION, type GuidingHandsDb } from '../../renderer/data/db';
import { writeDocument } from './backup-documents';
import { dumpDatabase, freshDatabase, loadTables, smallClinic } from './backup-fixtures';

// Every kind of bad file is refused with its own message, and the records stay exactly as they were.

const PASSPHRASE = 'lantern-orchard-silver-81';
const FAST_SCRYPT = 2;

let db: GuidingHandsDb;
let before: string;
let goodBackup: Uint8Array;

async function encryptText(text: string | Uint8Array): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(PASSPHRASE);
  encrypter.setScryptWorkFactor(FAST_SCRYPT);
  return encrypter.encrypt(text);
}

async function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function gunzipBytes(bytes: Uint8Array): Promise<string> {
  return new Response(
    new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')),
  ).text();
}

/** The plaintext document of the good backup, to be altered and re-encrypted. */
async function goodDocumentText(): Promise<string> {
  const { Decrypter } = await import('age-encryption');
  const decrypter = new Decrypter();
  decrypter.addPassphrase(PASSPHRASE);
  return gunzipBytes(await decrypter.decrypt(goodBackup));
}

/** Restores, expecting failure; returns the error's code and message. */
async function refusal(
  file: Uint8Array,
  passphrase = PASSPHRASE,
): Promise<{ code: BackupErrorCode; message: string }> {
  try {
    await restoreBackupFile(file, passphrase);
  } catch (error) {
    if (error instanceof BackupError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the restore was expected to fail but succeeded');
}

beforeAll(async () => {
  // The backup is made from one clinic; the database the restores are tried on holds a different one.
  freshDatabase('bad-input-source');
  const source = freshDatabase('bad-input-source');
  await loadTables(source, withManyMeetings(smallClinic(), 600));
  goodBackup = (await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT })).bytes;
  db = freshDatabase('bad-input-target');
  const current = smallClinic();
  current.people = current.people.map((person) => ({ ...person, name: `${person.name} (current)` }));
  await loadTables(db, current);
  before = await dumpDatabase(db);
});

afterAll(() => db.close());

/** Adds meetings with hard-to-compress notes, so the file spans several 64 KiB encryption chunks. */
function withManyMeetings(
  clinic: ReturnType<typeof smallClinic>,
  count: number,
): ReturnType<typeof smallClinic> {
  const pair = clinic.relationships[0];
  const meetings = Array.from({ length: count }, (_, index) => {
    const noise = crypto.getRandomValues(new Uint8Array(240));
    return {
      ...clinic.meetings[0],
      id: `meeting-${index}`,
      relationshipId: pair.id,
      notes: `Note ${index}: ${btoa(String.fromCharCode(...noise))}`,
    };
  });
  return { ...clinic, meetings: [...clinic.meetings, ...meetings], actionItems: clinic.actionItems };
}

async function expectUnchanged(): Promise<void> {
  expect(await dumpDatabase(db)).toBe(before);
}

describe('a restore refuses bad files and changes nothing', () => {
  it('a wrong passphrase', async () => {
    const { code, message } = await refusal(goodBackup, 'not-the-passphrase');
    expect(code).toBe('wrong-passphrase');
    expect(message).toMatch(/passphrase does not open this backup/);
    await expectUnchanged();
  });

  it('an empty file', async () => {
    const { code, message } = await refusal(new Uint8Array(0));
    expect(code).toBe('empty-file');
    expect(message).toMatch(/file is empty/);
    await expectUnchanged();
  });

  it('a file cut short at every offset of its first 4 KiB and at many points beyond', async () => {
    expect(goodBackup.length).toBeGreaterThan(4096 + 1000);
    const offsets = new Set<number>();
    for (let offset = 1; offset <= 4096; offset += 1) offsets.add(offset);
    for (let offset = 4096; offset < goodBackup.length; offset += 401) offsets.add(offset);
    offsets.add(goodBackup.length - 1);
    const codes = new Map<string, number>();
    for (const offset of offsets) {
      const { code } = await refusal(goodBackup.subarray(0, offset));
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (code !== 'damaged') throw new Error(`cut at ${offset}: expected "damaged", got "${code}"`);
    }
    expect([...codes.keys()]).toEqual(['damaged']);
    await expectUnchanged();
  });

  it('single bytes flipped in the header and in the payload', async () => {
    const text = new TextDecoder('latin1').decode(goodBackup.subarray(0, 400));
    const headerEnd = text.indexOf('\n', text.indexOf('\n---')) + 1;
    const macStart = text.indexOf('\n---') + 5;
    const flipped = (offset: number) => {
      const copy = goodBackup.slice();
      copy[offset] ^= 0x01;
      return copy;
    };
    for (let offset = 0; offset < headerEnd; offset += 1) {
      const { code } = await refusal(flipped(offset));
      // A flip in the scrypt salt or wrapped key cannot be told from a wrong passphrase: the cipher only
      // says "this key does not open it". Everywhere else the damage is named as such.
      const inStanza = offset > 22 && offset < macStart - 4;
      if (inStanza) expect(['damaged', 'wrong-passphrase', 'not-a-backup']).toContain(code);
      else expect(code, `flip at ${offset}`).toBe('damaged');
    }
    const payloadOffsets = [];
    for (let offset = headerEnd; offset < headerEnd + 16; offset += 1) payloadOffsets.push(offset); // the nonce
    for (let offset = headerEnd + 16; offset < goodBackup.length; offset += 211) payloadOffsets.push(offset);
    payloadOffsets.push(goodBackup.length - 1);
    for (const offset of payloadOffsets) {
      const { code } = await refusal(flipped(offset));
      expect(code, `flip at ${offset}`).toBe('damaged');
    }
    await expectUnchanged();
  });

  it('a valid age file that is not a backup', async () => {
    const plainText = await refusal(await encryptText('Shopping list: milk, eggs'));
    expect(plainText.code).toBe('not-a-backup');
    const otherJson = await refusal(await encryptText(await gzipText('{"hello":"world"}\n')));
    expect(otherJson.code).toBe('not-a-backup');
    expect(otherJson.message).toMatch(/not a Guiding Hands backup/);
    const notAge = await refusal(new TextEncoder().encode('PK\u0003\u0004 this is a zip file, really'));
    expect(notAge.code).toBe('not-a-backup');
    await expectUnchanged();
  });

  it('a backup whose data breaks a rule names the record and the reason', async () => {
    const document = await goodDocumentText();
    const meetingLine = document
      .split('\n')
      .find((line) => line.includes('"relationshipId"') && line.includes('"notes"'));
    expect(meetingLine).toBeDefined();
    const meeting = JSON.parse((meetingLine as string).replace(/,$/, '')) as {
      id: string;
      relationshipId: string;
    };
    const broken = document.replace(
      `"relationshipId":"${meeting.relationshipId}","date"`,
      '"relationshipId":"nobody","date"',
    );
    expect(broken).not.toBe(document);
    // The checksum is recomputed, so only the broken rule is left to find.
    const tables = JSON.parse(broken).tables;
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    const rehashed = broken.replace(
      /"sha256":"[0-9a-f]{64}"/,
      `"sha256":"${bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(tables))))}"`,
    );
    let caught: unknown;
    try {
      await restoreBackupFile(await encryptText(await gzipText(rehashed)), PASSPHRASE);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidBackupDataError);
    const invalid = caught as InvalidBackupDataError;
    expect(invalid.issues[0]).toMatchObject({
      table: 'meetings',
      recordId: meeting.id,
      field: 'relationshipId',
    });
    expect(invalid.message).toMatch(/points at a mentoring pair that is not in the backup/);
    await expectUnchanged();
  });

  it("a backup whose records break the app's own rules (a date in 2999, a prototype id) changes nothing", async () => {
    const clinic = smallClinic();
    clinic.meetings[0].date = '2999-01-01';
    clinic.topics.push({ id: 'constructor', label: 'Odd', builtIn: false, archived: false });
    const file = await encryptText(await writeDocument(clinic));
    let caught: unknown;
    try {
      await restoreBackupFile(file, PASSPHRASE);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidBackupDataError);
    const message = (caught as Error).message;
    expect(message).toMatch(/nothing was restored/);
    expect(message).toMatch(new RegExp(`meetings record "${clinic.meetings[0].id}".*between 1900 and 2100`));
    expect((caught as InvalidBackupDataError).issues.map((issue) => issue.recordId)).toContain('constructor');
    await expectUnchanged();
  });

  it('a backup from a newer version of the app', async () => {
    const document = await goodDocumentText();
    const newerFormat = document.replace('"formatVersion":1', '"formatVersion":2');
    const newerSchema = document.replace(
      `"schemaVersion":${CURRENT_SCHEMA_VERSION}`,
      `"schemaVersion":${CURRENT_SCHEMA_VERSION + 1}`,
    );
    for (const text of [newerFormat, newerSchema]) {
      expect(text).not.toBe(document);
      const { code, message } = await refusal(await encryptText(await gzipText(text)));
      expect(code).toBe('newer-version');
      expect(message).toMatch(/newer version of Guiding Hands/);
    }
    await expectUnchanged();
  });

  it('a backup whose checksum does not match its data', async () => {
    const document = await goodDocumentText();
    const tampered = document.replace(
      /"sha256":"[0-9a-f]/,
      (match) => `${match.slice(0, -1)}${match.endsWith('0') ? '1' : '0'}`,
    );
    const { code } = await refusal(await encryptText(await gzipText(tampered)));
    expect(code).toBe('damaged');
    await expectUnchanged();
  });

  it('a backup encrypted with a higher scrypt work factor than the app opens says so, not "damaged"', async () => {
    // latin1 keeps one character per byte, so offsets in the text are offsets in the file.
    const header = new TextDecoder('latin1').decode(goodBackup.subarray(0, 200));
    const stanza = /-> scrypt (\S+) (\d+)\n/.exec(header);
    if (!stanza) throw new Error('the backup has no scrypt stanza');
    const raised = new TextEncoder().encode(`-> scrypt ${stanza[1]} 22\n`);
    const crafted = new Uint8Array([
      ...goodBackup.subarray(0, stanza.index),
      ...raised,
      ...goodBackup.subarray(stanza.index + stanza[0].length),
    ]);
    const { code, message } = await refusal(crafted);
    expect(code).toBe('work-factor-too-high');
    expect(message).toMatch(/scrypt work factor of 22; this app opens up to 20/);
    expect(message).not.toMatch(/damaged or incomplete/);
    await expectUnchanged();
  });

  it('each kind of failure has its own message', async () => {
    const messages = new Set([
      (await refusal(goodBackup, 'wrong')).message,
      (await refusal(new Uint8Array(0))).message,
      (await refusal(goodBackup.subarray(0, 500))).message.replace(/:.*$/, ''),
      (await refusal(await encryptText('not a backup'))).message.replace(/:.*$/, ''),
    ]);
    expect(messages.size).toBe(4);
  });
});
