// Failures cross IPC as a code from this list plus the words the manager reads. The codes let the page
// act on a failure (choose the folder again, free some space) without reading its wording; the words are
// written once, in ipcErrorWords, for the main process's own dialogs and for the page alike.

export const IPC_ERROR_CODES = [
  /** The request came from a page that is not the app's own. */
  'foreign-sender',
  /** The request did not match the channel's schema. */
  'bad-request',
  /** A file or a payload is larger than the channel carries. */
  'payload-too-large',
  /** The disk or the backup folder has too little free space; nothing was written. */
  'disk-full',
  /** The folder was not picked in the folder dialog, so the app will not write into it. */
  'folder-not-allowed',
  /** The folder cannot be found (a USB stick or network drive not connected). */
  'folder-missing',
  /** A file the manager chose is gone or unreadable. */
  'not-found',
  /** The operating system refused access to a file or folder. */
  'no-permission',
  /** A backup's file name does not end in .age. */
  'not-a-backup-name',
  /** A thousand backups of that name already exist in the folder. */
  'too-many-copies',
  /** No protected storage on this computer for the automatic-backup passphrase. */
  'no-protected-storage',
  /** Automatic backups need a folder first. */
  'folder-needed',
  /** Automatic backups need a passphrase first. */
  'passphrase-needed',
  /** Automatic backups are turned off. */
  'auto-backup-off',
  /** The browser build cannot do this; the desktop app can. */
  'needs-desktop-app',
  /** A file the manager chose could not be read. */
  'unreadable',
  /** The manager cancelled. */
  'cancelled',
  /** Anything else: the details stay in the main process. */
  'unexpected',
] as const;

export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** Facts a message names; never a passphrase or a record. */
export interface IpcErrorDetails {
  channel?: string;
  problem?: string;
  folder?: string;
  size?: number;
  limit?: number;
  needed?: number;
  free?: number;
  reason?: 'no-keyring';
  /** What the browser build cannot do. */
  feature?: 'auto-backup' | 'folder';
  fileName?: string;
}

// Each detail's rule, checked by hand rather than by a schema: the page decodes failures from its first
// chunk on, and the schema library would be most of that chunk's weight.
const text = (max: number) => (value: unknown) => typeof value === 'string' && value.length <= max;
const amount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const DETAIL_RULES: Record<keyof IpcErrorDetails, (value: unknown) => boolean> = {
  channel: text(100),
  problem: text(500),
  folder: text(4096),
  size: amount,
  limit: amount,
  needed: amount,
  free: amount,
  reason: (value) => value === 'no-keyring',
  feature: (value) => value === 'auto-backup' || value === 'folder',
  fileName: text(1024),
};

/** The details as the contract says, or none at all if any of them is unknown or not as it says. */
function checkedDetails(value: unknown): IpcErrorDetails {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const details: Record<string, unknown> = {};
  for (const [key, detail] of Object.entries(value)) {
    const rule = Object.hasOwn(DETAIL_RULES, key) ? DETAIL_RULES[key as keyof IpcErrorDetails] : null;
    if (!rule?.(detail)) return {};
    details[key] = detail;
  }
  return details as IpcErrorDetails;
}

/** A size for people; renderer/domain/file-size.ts is its twin for the page (kept equal by a test). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const NOTHING_CHANGED = 'Nothing was changed.';

/** The one table of words for every code. */
export function ipcErrorWords(code: IpcErrorCode, details: IpcErrorDetails = {}): string {
  const channel = details.channel ? ` (${details.channel})` : '';
  switch (code) {
    case 'foreign-sender':
      return `Refused a request from a page that is not part of Guiding Hands${channel}.`;
    case 'bad-request':
      return `Refused a request the app did not understand (${details.channel ?? 'unknown'}: ${details.problem ?? 'not as expected'}).`;
    case 'payload-too-large':
      return details.size !== undefined && details.limit !== undefined
        ? `That file is ${formatBytes(details.size)}, larger than the ${formatBytes(details.limit)} this app can open here.`
        : `That is more than the app can pass on in one piece${details.limit !== undefined ? ` (at most ${formatBytes(details.limit)})` : ''}. ${NOTHING_CHANGED}`;
    case 'disk-full': {
      const where = details.folder ? `The disk that holds "${details.folder}"` : 'The disk';
      const figures =
        details.needed !== undefined && details.free !== undefined
          ? ` (the file needs about ${formatBytes(details.needed)}, ${formatBytes(details.free)} is free)`
          : '';
      return `${where} is full${figures}, so the file was not saved and nothing was half-written. Free some space there or choose another folder, then try again. Your records are unchanged.`;
    }
    case 'folder-not-allowed':
      return 'Choose the backup folder again: backups are only written into a folder picked in the folder dialog.';
    case 'folder-missing':
      return `The folder "${details.folder ?? ''}" cannot be found. Is the USB stick or network drive connected?`;
    case 'not-found':
      return 'That file can no longer be found. Was it moved, renamed or on a drive that is no longer connected?';
    case 'no-permission':
      return `This computer does not allow the app to use that ${details.folder ? `folder ("${details.folder}")` : 'file or folder'}. Choose another one. ${NOTHING_CHANGED}`;
    case 'not-a-backup-name':
      return 'A backup file name must end in .age.';
    case 'too-many-copies':
      return 'This folder already holds a thousand backups with that name. Choose another folder.';
    case 'no-protected-storage':
      return details.reason === 'no-keyring'
        ? 'No password keyring (such as GNOME Keyring or KWallet) is running on this computer, so the backup passphrase cannot be kept safely and automatic backups stay off. You can still back up by hand.'
        : 'This computer offers no protected storage for the backup passphrase, so automatic backups stay off. You can still back up by hand.';
    case 'folder-needed':
      return 'Choose a folder for the automatic backups first.';
    case 'passphrase-needed':
      return 'Enter the passphrase the automatic backups should be locked with.';
    case 'auto-backup-off':
      return 'Automatic backups are turned off.';
    case 'needs-desktop-app':
      return details.feature === 'folder'
        ? 'Saving straight into a folder needs the desktop app; in the browser the backup is downloaded.'
        : 'Automatic backups need the desktop app.';
    case 'unreadable':
      return `The file "${details.fileName ?? ''}" could not be read.`;
    case 'cancelled':
      return `Cancelled. ${NOTHING_CHANGED}`;
    case 'unexpected':
      return `Guiding Hands could not finish that${channel}. Please try again.`;
  }
}

// The code and its details ride at the end of the error's message, because Electron carries only the
// message across IPC; the words before them are for the main process's own log and dialogs.
const CODE_MARK = /\s*⟪gh:([a-z-]+) (\{.*\})⟫$/s;

export function encodeIpcError(code: IpcErrorCode, details: IpcErrorDetails, words: string): string {
  return `${words} ⟪gh:${code} ${JSON.stringify(details)}⟫`;
}

/** The code and details of a failure that crossed IPC; null for a message that carries none. */
export function decodeIpcError(message: string): { code: IpcErrorCode; details: IpcErrorDetails } | null {
  const match = CODE_MARK.exec(message);
  const code = match?.[1] as IpcErrorCode | undefined;
  if (!match || !code || !(IPC_ERROR_CODES as readonly string[]).includes(code)) return null;
  let details: IpcErrorDetails = {};
  try {
    // Details that are not as expected are dropped: the code alone still has its words.
    details = checkedDetails(JSON.parse(match[2] ?? '{}'));
  } catch {
    details = {};
  }
  return { code, details };
}
