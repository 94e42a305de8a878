import { APP_VERSION } from '../../renderer/data/backup';
import { DocumentWriter } from '../../renderer/data/backup/document-writer';
import {
  BACKUP_FORMAT_NAME,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
} from '../../renderer/data/backup/format';
import { createInlineSink } from '../../renderer/data/backup/pipeline';
import type { BackupTables } from '../../renderer/data/backup/schemas';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../../renderer/data/db';

// Backup documents made straight from tables, without a database: for tests that need a document the
// app would never write (a broken rule, an odd layout), made with the app's own writer.

/** The gzipped document of these tables, laid out as the app writes it. */
export async function writeDocument(tables: BackupTables, clinicName = 'Test Clinic'): Promise<Uint8Array> {
  const writer = new DocumentWriter(createInlineSink({ passphrase: null, scryptWorkFactor: 0 }));
  const counts = Object.fromEntries(TABLE_NAMES.map((name) => [name, tables[name].length])) as Record<
    TableName,
    number
  >;
  const header: BackupHeader = {
    format: BACKUP_FORMAT_NAME,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: APP_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: '2026-03-01T10:00:00.000Z',
    clinicName,
    counts,
  };
  writer.start(header);
  for (const name of TABLE_NAMES) {
    writer.openTable(name);
    writer.addRecords(tables[name]);
    writer.closeTable();
  }
  return (await writer.finish()).bytes;
}

export async function gunzipText(bytes: Uint8Array): Promise<string> {
  return new Response(
    new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')),
  ).text();
}

export async function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The document's text, laid out as the app writes it. */
export async function documentText(tables: BackupTables): Promise<string> {
  return gunzipText(await writeDocument(tables));
}
