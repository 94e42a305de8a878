import { readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ipcErrorWords } from '../../shared/errors';
import {
  type AutoBackupSettings,
  type AutoBackupStatus,
  ageRecipientSchema,
  autoBackupSettingsSchema,
  DEFAULT_ROTATION,
  type IpcRequest,
  type IpcResponse,
} from '../../shared/ipc';
import { IpcFailure } from '../failure';
import { AGE_SCRYPT_WORK_FACTOR, encryptToRecipient, encryptWithPassphrase } from './age-passphrase';
import { writeFileAtomically } from './atomic-write';
import { BackupLedger, sha256Hex } from './backup-ledger';
import { type SpaceFs, writeWithRoomCheck } from './free-space';
import { autoBackupFileName } from './rotation';

/**
 * The part of Electron's safeStorage this service uses (injected so both branches can be tested). Only
 * the asynchronous calls: the synchronous ones are deprecated and leave with the next Electron major.
 */
export interface ProtectedStorage {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

export interface Availability {
  available: boolean;
  reason: string | null;
}

export const NO_PROTECTED_STORAGE = ipcErrorWords('no-protected-storage');
export const NO_KEYRING = ipcErrorWords('no-protected-storage', { reason: 'no-keyring' });

/** Only call after the app is ready: safeStorage is not usable before. */
export async function checkProtectedStorage(
  storage: ProtectedStorage,
  platform: NodeJS.Platform,
): Promise<Availability> {
  const available = await storage.isAsyncEncryptionAvailable().catch(() => false);
  if (!available) return { available: false, reason: NO_PROTECTED_STORAGE };
  // On Linux without a keyring Chromium falls back to a hard-coded key: that is plain text in disguise.
  if (platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text') {
    return { available: false, reason: NO_KEYRING };
  }
  return { available: true, reason: null };
}

export const DEFAULT_AUTO_BACKUP_SETTINGS: AutoBackupSettings = {
  enabled: false,
  folder: null,
  onQuit: true,
  daily: true,
  rotation: DEFAULT_ROTATION,
};

const storedStateSchema = z.object({
  // Version 1 files (before the clinic lock) have no ageRecipient: read as null.
  version: z.union([z.literal(1), z.literal(2)]),
  settings: autoBackupSettingsSchema,
  /** The clinic lock's public age recipient: backups are encrypted to it and no secret is kept. */
  ageRecipient: ageRecipientSchema.nullable().default(null),
  encryptedPassphrase: z.string().nullable(),
  lastAutoBackupAt: z.string().nullable(),
});
type StoredState = z.infer<typeof storedStateSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AutoBackupServiceOptions {
  /** JSON file in userData that holds the settings and the protected passphrase. */
  stateFile: string;
  /** JSON file in userData listing the automatic backups written here; beside stateFile unless given. */
  ledgerFile?: string;
  storage: ProtectedStorage;
  platform: NodeJS.Platform;
  now?: () => Date;
  /** Tests only: a low scrypt work factor keeps them fast. The app always uses the age default. */
  scryptWorkFactor?: number;
  /** Tests only: the free space the backup folder reports. */
  spaceFs?: SpaceFs;
}

const CHECKING: Availability = { available: false, reason: null };

/**
 * Settings, the key automatic backups are encrypted with, writing and rotation. With the clinic lock,
 * backups are encrypted to the clinic's public age recipient and nothing secret is kept; without it, to
 * a passphrase kept with the system's protected storage (asynchronous safeStorage).
 */
export class AutoBackupService {
  private state: StoredState;
  private readonly now: () => Date;
  private readonly ledger: BackupLedger;
  /** Protected storage is asked once, after ready; the timer and the quit guard read the answer. */
  private storageAvailability: Availability = CHECKING;
  private readonly checked: Promise<void>;

  constructor(private readonly options: AutoBackupServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.state = readState(options.stateFile);
    this.ledger = new BackupLedger(
      options.ledgerFile ?? join(dirname(options.stateFile), 'auto-backup-ledger.json'),
    );
    this.checked = checkProtectedStorage(options.storage, options.platform).then((availability) => {
      this.storageAvailability = availability;
    });
  }

  /** Whether backups can be encrypted here: always with the clinic lock, else if storage protects. */
  private availability(): Availability {
    if (this.state.ageRecipient !== null) return { available: true, reason: null };
    return this.storageAvailability;
  }

  private statusNow(): AutoBackupStatus {
    const { available, reason } = this.availability();
    const { settings, encryptedPassphrase, lastAutoBackupAt, ageRecipient } = this.state;
    return {
      ...settings,
      enabled: settings.enabled && available,
      available,
      unavailableReason: reason,
      hasPassphrase: available && ageRecipient === null && encryptedPassphrase !== null,
      clinicLock: ageRecipient !== null,
      lastAutoBackupAt,
    };
  }

  async getStatus(): Promise<AutoBackupStatus> {
    await this.checked;
    return this.statusNow();
  }

  /** True when a backup can be encrypted now: to the clinic's recipient, or with a kept passphrase. */
  private canEncrypt(status: AutoBackupStatus): boolean {
    return status.clinicLock || status.hasPassphrase;
  }

  async configure(request: IpcRequest<'autoBackup:configure'>): Promise<AutoBackupStatus> {
    await this.checked;
    const { settings, passphrase } = request;
    const locked = this.state.ageRecipient !== null;
    const { available, reason } = this.availability();
    if (!available && (settings.enabled || passphrase !== null))
      throw new IpcFailure('no-protected-storage', reason === NO_KEYRING ? { reason: 'no-keyring' } : {});
    if (settings.enabled) {
      if (settings.folder === null) throw new IpcFailure('folder-needed');
      await assertFolderExists(settings.folder);
      if (!locked && passphrase === null && this.state.encryptedPassphrase === null) {
        throw new IpcFailure('passphrase-needed');
      }
    }
    let encryptedPassphrase = this.state.encryptedPassphrase;
    // Off means nothing is kept; with the clinic lock a passphrase is never needed, so never kept.
    if (!settings.enabled || locked) encryptedPassphrase = null;
    else if (passphrase !== null) {
      encryptedPassphrase = (await this.options.storage.encryptStringAsync(passphrase)).toString('base64');
    }
    await this.save({ ...this.state, settings, encryptedPassphrase });
    return this.statusNow();
  }

  /**
   * The clinic lock was turned on (its public recipient) or off (null). With a recipient, any kept
   * passphrase is forgotten: the settings file then holds no secret at all. Turned off, automatic
   * backups wait for a passphrase again (the Backups screen asks for one).
   */
  async useClinicLock(request: IpcRequest<'autoBackup:useClinicLock'>): Promise<AutoBackupStatus> {
    await this.checked;
    const { ageRecipient } = request;
    if (ageRecipient !== this.state.ageRecipient || (ageRecipient !== null && this.state.encryptedPassphrase))
      await this.save({ ...this.state, ageRecipient, encryptedPassphrase: null });
    return this.statusNow();
  }

  /** For this process only: no IPC channel answers with it. */
  async getPassphrase(): Promise<string | null> {
    await this.checked;
    if (!this.storageAvailability.available || this.state.encryptedPassphrase === null) return null;
    const encrypted = Buffer.from(this.state.encryptedPassphrase, 'base64');
    const { result, shouldReEncrypt } = await this.options.storage.decryptStringAsync(encrypted);
    // The system rotated its key: keep the passphrase under the new one (best effort).
    if (shouldReEncrypt) {
      const again = (await this.options.storage.encryptStringAsync(result)).toString('base64');
      await this.save({ ...this.state, encryptedPassphrase: again }).catch(() => undefined);
    }
    return result;
  }

  /**
   * Encrypts the document (to the clinic's recipient, or with the kept passphrase), writes it atomically
   * into the configured folder, then deletes what the rotation lets go.
   */
  async write(request: IpcRequest<'autoBackup:write'>): Promise<IpcResponse<'autoBackup:write'>> {
    const status = await this.getStatus();
    if (!status.enabled || status.folder === null) throw new IpcFailure('auto-backup-off');
    const recipient = this.state.ageRecipient;
    const passphrase = recipient === null ? await this.getPassphrase() : null;
    if (recipient === null && passphrase === null) throw new IpcFailure('passphrase-needed');
    const folder = status.folder;
    await assertFolderExists(folder);
    const encrypted =
      recipient !== null
        ? await encryptToRecipient(request.data, recipient)
        : await encryptWithPassphrase(
            request.data,
            passphrase as string,
            this.options.scryptWorkFactor ?? AGE_SCRYPT_WORK_FACTOR,
          );
    const now = this.now();
    const fileName = await unusedName(folder, autoBackupFileName(request.fileName, now));
    const path = join(folder, fileName);
    await writeWithRoomCheck(path, encrypted, { spaceFs: this.options.spaceFs });
    await this.save({ ...this.state, lastAutoBackupAt: now.toISOString() });
    // Only this installation's backups, recorded as written, are ever rotated away. A backup that was
    // written but could not be recorded is simply never rotated: kept, never lost.
    const recorded = await this.ledger
      .record(folder, fileName, sha256Hex(encrypted), now)
      .then(() => true)
      .catch(() => false);
    if (!recorded) console.warn('The automatic backup was written but could not be recorded for rotation.');
    const removed = await this.ledger.rotate(folder, status.rotation, now).catch(() => [] as string[]);
    return { path, removed };
  }

  /** True when daily backups are on and a day has passed since the last automatic one. */
  isDailyBackupDue(): boolean {
    const status = this.statusNow();
    if (!status.enabled || !status.daily || !this.canEncrypt(status)) return false;
    if (status.lastAutoBackupAt === null) return true;
    return this.now().getTime() - Date.parse(status.lastAutoBackupAt) >= DAY_MS;
  }

  isQuitBackupWanted(): boolean {
    const status = this.statusNow();
    return status.enabled && status.onQuit && this.canEncrypt(status);
  }

  private async save(next: StoredState): Promise<void> {
    // The data folder may not exist yet on a first run.
    await mkdir(dirname(this.options.stateFile), { recursive: true });
    await writeFileAtomically(this.options.stateFile, JSON.stringify({ ...next, version: 2 }, null, 2));
    this.state = next;
  }
}

function readState(file: string): StoredState {
  try {
    return storedStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // Missing or damaged settings: start from "off", which is always safe.
    return {
      version: 2,
      settings: DEFAULT_AUTO_BACKUP_SETTINGS,
      ageRecipient: null,
      encryptedPassphrase: null,
      lastAutoBackupAt: null,
    };
  }
}

export async function assertFolderExists(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    throw new IpcFailure('folder-missing', { folder });
  }
}

/** A clock set back could name a backup like an existing one: never write over it, add a number instead. */
async function unusedName(folder: string, fileName: string): Promise<string> {
  const stem = fileName.slice(0, -'.age'.length);
  for (let copy = 1; copy < 1000; copy++) {
    const candidate = copy === 1 ? fileName : `${stem} (${copy}).age`;
    if (
      !(await stat(join(folder, candidate)).then(
        () => true,
        () => false,
      ))
    )
      return candidate;
  }
  throw new IpcFailure('too-many-copies');
}
