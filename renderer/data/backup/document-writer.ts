import { TABLE_NAMES, type TableName } from '../db';
import type { BackupHeader } from './format';
import type { DocumentSink, PipelineResult } from './pipeline';

// The backup document: JSON, laid out one record per line so it can be written and read as a stream
// (memory stays near the size of the records themselves). Any JSON reader reads it whole.
//
//   {"format":"guiding-hands-backup",...,"counts":{...},"tables":{      ← header line
//   "people":[                                                           ← a table opens
//   {...one person...},
//   {...the last person...}
//   ],
//   ...
//   "auditLog":[
//   ]
//   },"sha256":"<64 hex digits>"}                                         ← closing line
//
// sha256 is the SHA-256 of the UTF-8 bytes of JSON.stringify(tables): the tables object written
// compactly, which is exactly the text from the "{" after "tables": to its closing "}" with the
// line breaks removed.

/**
 * Writes the document piece by piece into a sink (hash, gzip, encryption), so the whole text never
 * sits in memory at once. Every call but finish() is synchronous: the writer can be fed from inside
 * an IndexedDB transaction.
 */
export class DocumentWriter {
  private readonly encoder = new TextEncoder();
  private tableIndex = -1;
  private recordsInTable = 0;

  constructor(private readonly sink: DocumentSink) {}

  private emit(text: string, hashed: boolean): void {
    this.sink.write(this.encoder.encode(text), hashed);
  }

  start(header: BackupHeader): void {
    const opening = JSON.stringify(header);
    // The header object's closing brace gives way to "tables", whose "{" starts the checksummed part.
    this.emit(`${opening.slice(0, -1)},"tables":`, false);
    this.emit('{\n', true);
  }

  /** Tables must come in TABLE_NAMES order, each one exactly once. */
  openTable(table: TableName): void {
    this.tableIndex += 1;
    if (TABLE_NAMES[this.tableIndex] !== table) throw new Error(`Tables out of order: ${table}`);
    this.recordsInTable = 0;
    this.emit(`${JSON.stringify(table)}:[\n`, true);
  }

  /** Adds records to the open table, one line each. */
  addRecords(records: readonly unknown[]): void {
    if (records.length === 0) return;
    let text = '';
    for (const record of records) {
      if (this.recordsInTable > 0) text += ',\n';
      text += JSON.stringify(record);
      this.recordsInTable += 1;
    }
    this.emit(text, true);
  }

  closeTable(): void {
    const last = this.tableIndex === TABLE_NAMES.length - 1;
    this.emit(`${this.recordsInTable > 0 ? '\n' : ''}${last ? ']\n' : '],\n'}`, true);
  }

  /** Closes the tables; the sink adds the checksum line and returns the finished bytes. */
  finish(): Promise<PipelineResult> {
    if (this.tableIndex !== TABLE_NAMES.length - 1) throw new Error('Not every table was written.');
    this.emit('}', true);
    return this.sink.finish();
  }
}
