import { readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ipcErrorWords } from '../../shared/errors';
import {
  type AutoBackupSettings,
  type AutoBackupStatus,
  autoBackupSettingsSchema,
  DEFAULT_ROTATION,
  type IpcRequest,
  type IpcResponse,
} from '../../shared/ipc';
import { IpcFailure } from '../failure';
import { AGE_SCRYPT_WORK_FACTOR, encryptWithPassphrase } from './age-passphrase';
import { writeFileAtomically } from './atomic-write';
import { BackupLedger, sha256Hex } from './backup-ledger';
import { type SpaceFs, writeWithRoomCheck } from './free-space';
import { autoBackupFileName } from './rotation';

/** The part of Electron's safeStorage this service uses (injected so both branches can be tested). */
export interface ProtectedStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend(): string;
}

export interface Availability {
  available: boolean;
  reason: string | null;
}

export const NO_PROTECTED_STORAGE = ipcErrorWords('no-protected-storage');
export const NO_KEYRING = ipcErrorWords('no-protected-storage', { reason: 'no-keyring' });

/** Only call after the app is ready: safeStorage is not usable before. */
export function checkProtectedStorage(storage: ProtectedStorage, platform: NodeJS.Platform): Availability {
  if (!storage.isEncryptionAvailable()) return { available: false, reason: NO_PROTECTED_STORAGE };
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
  version: z.literal(1),
  settings: autoBackupSettingsSchema,
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

/** Settings, protected passphrase, writing and rotation of the automatic backups. */
export class AutoBackupService {
  private state: StoredState;
  private readonly now: () => Date;
  private readonly ledger: BackupLedger;

  constructor(private readonly options: AutoBackupServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.state = readState(options.stateFile);
    this.ledger = new BackupLedger(
      options.ledgerFile ?? join(dirname(options.stateFile), 'auto-backup-ledger.json'),
    );
  }

  availability(): Availability {
    return checkProtectedStorage(this.options.storage, this.options.platform);
  }

  getStatus(): AutoBackupStatus {
    const { available, reason } = this.availability();
    const { settings, encryptedPassphrase, lastAutoBackupAt } = this.state;
    return {
      ...settings,
      enabled: settings.enabled && available,
      available,
      unavailableReason: reason,
      hasPassphrase: available && encryptedPassphrase !== null,
      lastAutoBackupAt,
    };
  }

  async configure(request: IpcRequest<'autoBackup:configure'>): Promise<AutoBackupStatus> {
    const { settings, passphrase } = request;
    const { available, reason } = this.availability();
    if (!available && (settings.enabled || passphrase !== null))
      throw new IpcFailure('no-protected-storage', reason === NO_KEYRING ? { reason: 'no-keyring' } : {});
    if (settings.enabled) {
      if (settings.folder === null) throw new IpcFailure('folder-needed');
      await assertFolderExists(settings.folder);
      if (passphrase === null && this.state.encryptedPassphrase === null) {
        throw new IpcFailure('passphrase-needed');
      }
    }
    let encryptedPassphrase = this.state.encryptedPassphrase;
    if (!settings.enabled)
      encryptedPassphrase = null; // off means nothing is kept
    else if (passphrase !== null) {
      encryptedPassphrase = this.options.storage.encryptString(passphrase).toString('base64');
    }
    await this.save({ ...this.state, settings, encryptedPassphrase });
    return this.getStatus();
  }

  /** For this process only: no IPC channel answers with it. */
  getPassphrase(): string | null {
    if (!this.availability().available || this.state.encryptedPassphrase === null) return null;
    return this.options.storage.decryptString(Buffer.from(this.state.encryptedPassphrase, 'base64'));
  }

  /**
   * Encrypts the document with the kept passphrase, writes it atomically into the configured folder, then
   * deletes what the rotation lets go.
   */
  async write(request: IpcRequest<'autoBackup:write'>): Promise<IpcResponse<'autoBackup:write'>> {
    const status = this.getStatus();
    if (!status.enabled || status.folder === null) throw new IpcFailure('auto-backup-off');
    const passphrase = this.getPassphrase();
    if (passphrase === null) throw new IpcFailure('passphrase-needed');
    const folder = status.folder;
    await assertFolderExists(folder);
    const encrypted = await encryptWithPassphrase(
      request.data,
      passphrase,
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
    const status = this.getStatus();
    if (!status.enabled || !status.daily || !status.hasPassphrase) return false;
    if (status.lastAutoBackupAt === null) return true;
    return this.now().getTime() - Date.parse(status.lastAutoBackupAt) >= DAY_MS;
  }

  isQuitBackupWanted(): boolean {
    const status = this.getStatus();
    return status.enabled && status.onQuit && status.hasPassphrase;
  }

  private async save(next: StoredState): Promise<void> {
    // The data folder may not exist yet on a first run.
    await mkdir(dirname(this.options.stateFile), { recursive: true });
    await writeFileAtomically(this.options.stateFile, JSON.stringify(next, null, 2));
    this.state = next;
  }
}

function readState(file: string): StoredState {
  try {
    return storedStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // Missing or damaged settings: start from "off", which is always safe.
    return {
      version: 1,
      settings: DEFAULT_AUTO_BACKUP_SETTINGS,
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
