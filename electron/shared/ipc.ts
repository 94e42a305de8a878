import { z } from 'zod';
import { MAX_IPC_FILE_BYTES, PAYLOAD_TOO_LARGE } from './limits';

// The IPC contract: one map of channel → request and response, with runtime schemas.
// The main process validates every request against these schemas; the preload exposes one named
// function per channel; the renderer's platform API is typed from the same map.
// Only plain, structured-cloneable data crosses: strings, numbers, booleans, arrays, objects, Uint8Array.

// The plain values of the contract live in limits.ts, which the page can load without the schemas.
export { DEFAULT_ROTATION, MAX_IPC_FILE_BYTES, PAYLOAD_TOO_LARGE } from './limits';

const bytes = z.instanceof(Uint8Array).refine((data) => data.byteLength <= MAX_IPC_FILE_BYTES, {
  message: PAYLOAD_TOO_LARGE,
  params: { limit: MAX_IPC_FILE_BYTES },
});
/** Paths and names the main process sends back: as long as any operating system allows. */
const anyPath = z.string().max(4096);
/** A plain file name: no folder, nothing a file system refuses. */
export const plainFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) => !hasControlCharacter(name) && !/[\\/:*?"<>|]/.test(name) && name !== '.' && name !== '..',
    {
      message: 'not a plain file name',
    },
  );

function hasControlCharacter(text: string): boolean {
  for (const char of text) if (char.charCodeAt(0) < 32) return true;
  return false;
}
const folderPath = z.string().min(1).max(4096);
const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(
      z
        .string()
        .max(10)
        .regex(/^[a-z0-9]{1,10}$/i),
    )
    .min(1)
    .max(10),
});

export const paperSizeSchema = z.enum(['A4', 'Letter']);

export const rotationSchema = z.object({
  daily: z.number().int().min(0).max(366),
  weekly: z.number().int().min(0).max(520),
  monthly: z.number().int().min(0).max(1200),
});
export type Rotation = z.infer<typeof rotationSchema>;

export const autoBackupSettingsSchema = z.object({
  enabled: z.boolean(),
  folder: folderPath.nullable(),
  onQuit: z.boolean(),
  daily: z.boolean(),
  rotation: rotationSchema,
});
export type AutoBackupSettings = z.infer<typeof autoBackupSettingsSchema>;

/** An age X25519 recipient ("age1" + 58 bech32 characters): the clinic lock's public key. */
export const ageRecipientSchema = z
  .string()
  .max(62)
  .regex(/^age1[02-9ac-hj-np-z]{58}$/);

export const autoBackupStatusSchema = autoBackupSettingsSchema.extend({
  /** False where the backups cannot be encrypted: no clinic lock and no protected storage for a passphrase. */
  available: z.boolean(),
  unavailableReason: z.string().max(500).nullable(),
  hasPassphrase: z.boolean(),
  /** True when automatic backups are encrypted to the clinic lock's recipient (no passphrase kept). */
  clinicLock: z.boolean(),
  lastAutoBackupAt: z.string().max(40).nullable(),
});
export type AutoBackupStatus = z.infer<typeof autoBackupStatusSchema>;

export const ipcContract = {
  'app:getInfo': {
    request: z.undefined(),
    response: z.object({ version: z.string().max(50), platform: z.string().max(50), userDataPath: anyPath }),
  },
  /** Shows a save dialog and writes the bytes atomically. */
  'files:saveAs': {
    request: z.object({
      suggestedName: plainFileNameSchema,
      filters: z.array(fileFilter).max(10),
      data: bytes,
    }),
    response: z.object({ saved: z.boolean(), path: anyPath.nullable() }),
  },
  /** Shows an open dialog and returns the chosen file's bytes (at most maxBytes, and never over MAX_IPC_FILE_BYTES). */
  'files:open': {
    request: z.object({ filters: z.array(fileFilter).max(10), maxBytes: z.number().int().positive() }),
    response: z.object({ name: z.string().max(1024), data: bytes }).nullable(),
  },
  'backup:chooseFolder': {
    request: z.undefined(),
    response: z.object({ folder: folderPath }).nullable(),
  },
  /** Writes a backup file atomically into a folder the manager chose. */
  'backup:writeToFolder': {
    request: z.object({ folder: folderPath, fileName: plainFileNameSchema, data: bytes }),
    response: z.object({ path: anyPath }),
  },
  'autoBackup:getStatus': {
    request: z.undefined(),
    response: autoBackupStatusSchema,
  },
  /** Saves the settings; a passphrase, when given, is kept with the OS's protected storage. */
  'autoBackup:configure': {
    request: z.object({
      settings: autoBackupSettingsSchema,
      passphrase: z.string().min(1).max(1024).nullable(),
    }),
    response: autoBackupStatusSchema,
  },
  /**
   * The clinic lock's public age recipient (lock turned on, or seen at start), or null (lock off).
   * With a recipient, automatic backups are encrypted to it and any kept passphrase is forgotten.
   */
  'autoBackup:useClinicLock': {
    request: z.object({ ageRecipient: ageRecipientSchema.nullable() }),
    response: autoBackupStatusSchema,
  },
  /**
   * Encrypts the backup document (the gzipped export, not yet encrypted) to the clinic lock's recipient
   * or with the kept passphrase, writes
   * it into the configured folder, then applies the rotation. The passphrase never leaves the main
   * process: no channel answers with it. At most the rotation ledger's 10,000 entries can be removed.
   */
  'autoBackup:write': {
    request: z.object({
      fileName: plainFileNameSchema,
      data: bytes,
      reason: z.enum(['daily', 'quit', 'manual']),
    }),
    response: z.object({ path: anyPath, removed: z.array(z.string().max(1024)).max(10_000) }),
  },
  /** The renderer could not make a due automatic backup (no passphrase kept, or it failed): stop waiting. */
  'autoBackup:notMade': {
    request: z.object({ reason: z.enum(['daily', 'quit']), why: z.string().min(1).max(500) }),
    response: z.null(),
  },
  /** Shows the system's print dialog for the sender's page, as its print styles lay it out. */
  'print:page': {
    request: z.undefined(),
    response: z.object({ printed: z.boolean() }),
  },
  /** Prints the sender's page to PDF and saves it through a save dialog. */
  'print:toPdf': {
    request: z.object({ suggestedName: plainFileNameSchema, paperSize: paperSizeSchema }),
    response: z.object({ saved: z.boolean(), path: anyPath.nullable() }),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['response']>;

/** Commands the main process sends to the renderer (from the menu or a timer). */
export const MAIN_EVENTS = [
  'menu:backup',
  'menu:restore',
  'menu:print',
  'menu:navigate',
  'autoBackup:due',
  'lock:now',
] as const;
export type MainEvent = (typeof MAIN_EVENTS)[number];
export const mainEventPayload = {
  'menu:backup': z.undefined(),
  'menu:restore': z.undefined(),
  'menu:print': z.undefined(),
  'menu:navigate': z.enum(['/', '/people', '/relationships', '/meetings/new', '/reports', '/settings']),
  'autoBackup:due': z.enum(['daily', 'quit']),
  'lock:now': z.undefined(),
} as const;
export type MainEventPayload<E extends MainEvent> = z.infer<(typeof mainEventPayload)[E]>;

/**
 * The API the preload exposes as `window.guidingHands`, and the browser build provides by browser means.
 */
export interface PlatformApi {
  readonly kind: 'electron' | 'browser';
  getInfo(): Promise<IpcResponse<'app:getInfo'>>;
  saveAs(request: IpcRequest<'files:saveAs'>): Promise<IpcResponse<'files:saveAs'>>;
  openFile(request: IpcRequest<'files:open'>): Promise<IpcResponse<'files:open'>>;
  chooseBackupFolder(): Promise<IpcResponse<'backup:chooseFolder'>>;
  writeBackupToFolder(
    request: IpcRequest<'backup:writeToFolder'>,
  ): Promise<IpcResponse<'backup:writeToFolder'>>;
  getAutoBackupStatus(): Promise<IpcResponse<'autoBackup:getStatus'>>;
  configureAutoBackup(
    request: IpcRequest<'autoBackup:configure'>,
  ): Promise<IpcResponse<'autoBackup:configure'>>;
  setAutoBackupRecipient(
    request: IpcRequest<'autoBackup:useClinicLock'>,
  ): Promise<IpcResponse<'autoBackup:useClinicLock'>>;
  writeAutoBackup(request: IpcRequest<'autoBackup:write'>): Promise<IpcResponse<'autoBackup:write'>>;
  reportAutoBackupNotMade(
    request: IpcRequest<'autoBackup:notMade'>,
  ): Promise<IpcResponse<'autoBackup:notMade'>>;
  /** Prints the page as its print styles lay it out: the system's dialog, or the browser's. */
  print(): Promise<IpcResponse<'print:page'>>;
  printToPdf(request: IpcRequest<'print:toPdf'>): Promise<IpcResponse<'print:toPdf'>>;
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<E extends MainEvent>(event: E, listener: (payload: MainEventPayload<E>) => void): () => void;
}
