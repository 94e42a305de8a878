import type { Rotation } from './ipc';

// The contract's plain values, without its runtime schemas: the page reads these at start, and the
// schemas (and their library) stay out of the page's first chunks.

/**
 * The most one file or backup may weigh when it crosses between the page and the main process. The
 * 20,000-pair benchmark clinic's backup is 23 MB (docs/benchmarks.md), so this leaves eight times that;
 * and it stays below the 256 MiB Chromium allows for one IPC message, past which the call would fail
 * with no words at all. A backup larger than this is refused with a plain message, never cut.
 */
export const MAX_IPC_FILE_BYTES = 200 * 1024 * 1024;
/** The zod message of a payload over its limit; the main process answers it with 'payload-too-large'. */
export const PAYLOAD_TOO_LARGE = 'payload too large';

/** How many automatic backups rotation keeps, unless the manager chooses otherwise. */
export const DEFAULT_ROTATION: Rotation = { daily: 7, weekly: 4, monthly: 12 };
