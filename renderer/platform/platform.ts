import type { PlatformApi } from '../../electron/shared/ipc';
import { createBrowserPlatform } from './browser';
import { withPlatformErrors } from './errors';

export type { AutoBackupStatus, PlatformApi } from '../../electron/shared/ipc';
export { DEFAULT_ROTATION } from '../../electron/shared/limits';
export { isPlatformError, PlatformError, type PlatformErrorCode } from './errors';

let browserPlatform: PlatformApi | null = null;
let desktopPlatform: { from: PlatformApi; api: PlatformApi } | null = null;

/** The desktop app's preload API when running in Electron, else the browser implementation. */
export function getPlatform(): PlatformApi {
  const preload = typeof window !== 'undefined' ? window.guidingHands : undefined;
  if (preload) {
    if (desktopPlatform?.from !== preload)
      desktopPlatform = { from: preload, api: withPlatformErrors(preload) };
    return desktopPlatform.api;
  }
  browserPlatform ??= createBrowserPlatform();
  return browserPlatform;
}
