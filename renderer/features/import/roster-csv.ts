import Papa from 'papaparse';
import { type RosterRow, TEMPLATE_HEADERS } from '../../domain/roster-import';

// Reading a roster file: bytes → text → header and rows, each row with the line it starts on in the
// file (the header is line 1 when the file starts with it). Anything that makes the whole file
// unreadable comes back as one plain message; problems of a single line stay with that line.

export type RosterFileOutcome =
  | { ok: true; headers: string[]; rows: RosterRow[] }
  | { ok: false; message: string };

type Decoded = { ok: true; text: string } | { ok: false; message: string };

/** A clinic roster is far smaller; a bigger file is almost surely the wrong one. */
export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

const SAVE_AS_CSV = 'In your spreadsheet program, choose Save As and the type “CSV UTF-8 (comma delimited)”.';

export function decodeRosterBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0)
    return { ok: false, message: 'The file is empty: it has no header line and no people.' };
  if (bytes.length > MAX_ROSTER_BYTES)
    return {
      ok: false,
      message: `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, more than a roster should be (at most 5 MB). Is it the right file?`,
    };
  // Zip signature: an Excel workbook (.xlsx) renamed or chosen by mistake.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { ok: false, message: `This is a spreadsheet workbook, not a CSV file. ${SAVE_AS_CSV}` };
  // Excel's "Unicode text" is UTF-16 with a byte-order mark; it can be read as it is.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  let text: string;
  try {
    // The decoder drops a UTF-8 byte-order mark, which Excel writes at the start of "CSV UTF-8".
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: `The file is not saved as UTF-8 text, so names with accents would come out wrong. ${SAVE_AS_CSV}`,
    };
  }
  if (text.includes('\u0000')) return { ok: false, message: `This is not a text file. ${SAVE_AS_CSV}` };
  return { ok: true, text };
}

function isBlankLine(line: string, delimiter: string): boolean {
  return line.split(delimiter).join('').replace(/"/g, '').trim() === '';
}

/** Parses roster text with papaparse (header row, empty lines skipped) and numbers each row's line. */
export function parseRosterText(input: string): RosterFileOutcome {
  // One kind of line break makes line counting exact; values keep their line breaks as "\n".
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    return { ok: false, message: 'The file is empty: it has no header line and no people.' };

  const delimitersToGuess = [',', ';', '\t'];
  // A first pass finds where the header line ends, so that the rows after it can be numbered.
  let headerEnd = 0;
  let headerQuoteBroken = false;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess,
    step(result, parser) {
      headerEnd = result.meta.cursor;
      headerQuoteBroken = result.errors.some((error) => error.type === 'Quotes');
      parser.abort();
    },
  });
  if (headerQuoteBroken) {
    const headerLine = text.slice(0, text.search(/\S/)).split('\n').length;
    return { ok: false, message: unclosedQuoteMessage(headerLine) };
  }

  const rows: RosterRow[] = [];
  let fatal: string | null = null;
  let fields: string[] = [];
  let delimiter = ',';
  let segmentStart = headerEnd;
  let linesBefore = countLineBreaks(text, 0, headerEnd);

  Papa.parse<Record<string, string | string[] | undefined>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess,
    transformHeader: (header) => header.trim(),
    step(result, parser) {
      fields = result.meta.fields ?? [];
      delimiter = result.meta.delimiter;
      const segment = text.slice(segmentStart, result.meta.cursor);
      const line = linesBefore + firstContentLine(segment, delimiter);
      linesBefore += countLineBreaks(segment, 0, segment.length);
      segmentStart = result.meta.cursor;

      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      if (quoteError) {
        fatal = unclosedQuoteMessage(line);
        parser.abort();
        return;
      }
      const { __parsed_extra: extra, ...named } = result.data;
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(named)) if (typeof value === 'string') values[key] = value;
      const count = Object.keys(values).length + (Array.isArray(extra) ? extra.length : 0);
      const row: RosterRow = { line, values };
      if (count !== fields.length)
        row.readProblem =
          count > fields.length
            ? `This line has ${count} values but the header has ${fields.length} columns; a value that contains a comma must be inside quotation marks.`
            : `This line has ${count} values but the header has ${fields.length} columns.`;
      rows.push(row);
    },
  });

  if (fatal) return { ok: false, message: fatal };
  if (rows.length === 0) {
    const header = parseHeaderOnly(text);
    if (header.length < 2) return { ok: false, message: oneColumnMessage(header[0] ?? '') };
    return { ok: false, message: 'The file has a header line but no people below it.' };
  }
  if (fields.length < 2) return { ok: false, message: oneColumnMessage(fields[0] ?? '') };
  return { ok: true, headers: fields, rows };
}

function unclosedQuoteMessage(line: number): string {
  return `Line ${line} has a quotation mark (") that is never closed, so the rest of the file cannot be read safely. Fix the quotation marks on that line, or open the file in your spreadsheet program and save it again as CSV.`;
}

function parseHeaderOnly(text: string): string[] {
  let header: string[] = [];
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    step(result, parser) {
      header = result.data;
      parser.abort();
    },
  });
  return header;
}

function oneColumnMessage(header: string): string {
  const shown = header.length > 60 ? `${header.slice(0, 60)}…` : header;
  return `We found only one column (“${shown}”). A roster CSV separates its columns with commas; semicolons and tabs work too. ${SAVE_AS_CSV}`;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (
    let index = text.indexOf('\n', from);
    index !== -1 && index < to;
    index = text.indexOf('\n', index + 1)
  )
    count += 1;
  return count;
}

/** 1-based line, within a chunk of text, of its first line holding more than blanks and delimiters. */
function firstContentLine(segment: string, delimiter: string): number {
  const index = segment.split('\n').findIndex((line) => !isBlankLine(line, delimiter));
  return index === -1 ? 1 : index + 1;
}

/** Reads a chosen file's bytes into header and numbered rows, or one plain message. */
export function readRosterFile(bytes: Uint8Array): RosterFileOutcome {
  const decoded = decodeRosterBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseRosterText(decoded.text);
}

/** The template offered for download: the header only, with a byte-order mark so Excel reads it as UTF-8. */
export function rosterTemplateCsv(): string {
  return `\uFEFF${Papa.unparse({ fields: [...TEMPLATE_HEADERS], data: [] }, { newline: '\r\n' })}\r\n`;
}
