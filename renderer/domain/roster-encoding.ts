// Turning a roster file's bytes into text. Excel writes "CSV UTF-8" with a byte-order mark, plain "CSV"
// in the computer's code page (Windows-1252 on Western European and American Windows), and "Unicode
// text" as UTF-16. The bytes decide, never the file name.

export type RosterEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const ENCODING_LABELS: Record<RosterEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'Unicode (UTF-16)',
  'utf-16be': 'Unicode (UTF-16)',
  'windows-1252': 'Windows-1252 (Western European, what Excel’s plain “CSV” writes on Windows)',
};

export type DecodedRoster =
  | { ok: true; text: string; encoding: RosterEncoding }
  | { ok: false; message: string };

/** A clinic roster is far smaller; a bigger file is almost surely the wrong one. */
export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
  return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than a roster should be (at most 5 MB). Is it the right file?`;
}

/** Zip signature: every .xlsx workbook is a zip archive. */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The signature of Excel 97-2003 files (.xls), a format other than .xlsx. */
function looksLikeOldWorkbook(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return signature.every((byte, index) => bytes[index] === byte);
}

/**
 * Valid UTF-8 (with or without a byte-order mark) is read as UTF-8; UTF-16 is read by its byte-order
 * mark; anything else is read as Windows-1252, which gives every byte a character, so a Latin-1 file's
 * accented names come out right.
 */
export function decodeRosterBytes(bytes: Uint8Array): DecodedRoster {
  if (bytes.length === 0)
    return { ok: false, message: 'The file is empty: it has no header line and no people.' };
  if (bytes.length > MAX_ROSTER_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  if (looksLikeOldWorkbook(bytes))
    return {
      ok: false,
      message:
        'This is an older Excel workbook (.xls), which cannot be read here. Open it in your spreadsheet program and save it as an Excel Workbook (.xlsx) or as CSV UTF-8.',
    };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  let decoded: { text: string; encoding: RosterEncoding };
  try {
    // The decoder drops a UTF-8 byte-order mark.
    decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  // Text files hold no NUL characters; a picture or a PDF chosen by mistake does.
  if (decoded.text.includes('\u0000'))
    return {
      ok: false,
      message:
        'This is not a text file or an Excel workbook. Choose the roster saved as CSV, or the Excel workbook (.xlsx) itself.',
    };
  return { ok: true, ...decoded };
}

// Windows-1252 puts curly quotes, dashes and € where Latin-1 has control codes (0x80-0x9F). Some
// TextDecoder implementations (Node's among them) decode the label as Latin-1, so those bytes are
// mapped here; the five bytes Windows-1252 leaves undefined stay as they are.
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);
}
