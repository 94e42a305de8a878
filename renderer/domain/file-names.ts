// File names the app suggests. The main process refuses any name that is not plain (electron/shared/ipc.ts,
// `plainFileNameSchema`); test/unit/file-names.test.ts proves every name made here passes that check.

/** Characters that some file system refuses in a name. */
const FORBIDDEN = /[\\/:*?"<>|]/;

/** A stem any file system accepts: forbidden and control characters become a dash, no leading or trailing dots. */
export function plainFileStem(text: string, fallback: string, maxLength = 80): string {
  const cleaned = [...text]
    .map((char) =>
      char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 || FORBIDDEN.test(char) ? '-' : char,
    )
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, maxLength)
    .trim();
  return cleaned || fallback;
}
