import type { AutoBackupStatus, PlatformApi } from '../../platform/platform';

// The backup folder has one home: the main process keeps it with the automatic-backup settings, so a
// backup made by hand and the automatic ones go to the same place, and choosing it once is enough.
// (Before, the folder for backups made by hand was also kept in the page's localStorage.)

type FolderPlatform = Pick<
  PlatformApi,
  'kind' | 'chooseBackupFolder' | 'getAutoBackupStatus' | 'configureAutoBackup'
>;

/** Where the folder was kept by earlier versions, for backups made by hand; read once, then removed. */
export const LEGACY_FOLDER_KEY = 'guiding-hands.backup-folder';

function settingsOf(status: AutoBackupStatus) {
  const { enabled, folder, onQuit, daily, rotation } = status;
  return { enabled, folder, onQuit, daily, rotation };
}

/** Keeps `folder` as the backup folder, changing nothing else of the automatic-backup settings. */
async function keepFolder(platform: FolderPlatform, status: AutoBackupStatus, folder: string) {
  return platform.configureAutoBackup({ settings: { ...settingsOf(status), folder }, passphrase: null });
}

function takeLegacyFolder(): string | null {
  try {
    const folder = localStorage.getItem(LEGACY_FOLDER_KEY);
    localStorage.removeItem(LEGACY_FOLDER_KEY);
    return folder;
  } catch {
    return null;
  }
}

/** The backup folder, or null when none was chosen (always null in the browser, which downloads). */
export async function readBackupFolder(platform: FolderPlatform): Promise<string | null> {
  if (platform.kind !== 'electron') return null;
  const status = await platform.getAutoBackupStatus();
  if (status.folder) return status.folder;
  const legacy = takeLegacyFolder();
  if (!legacy) return null;
  // The main process only accepts a folder picked in its dialog; if it forgot this one, ask again.
  return keepFolder(platform, status, legacy).then(
    (kept) => kept.folder,
    () => null,
  );
}

/** Asks for a folder in the system's dialog and keeps it; null when the manager cancels. */
export async function chooseBackupFolder(platform: FolderPlatform): Promise<string | null> {
  const chosen = await platform.chooseBackupFolder();
  if (!chosen) return null;
  const kept = await keepFolder(platform, await platform.getAutoBackupStatus(), chosen.folder);
  return kept.folder;
}
