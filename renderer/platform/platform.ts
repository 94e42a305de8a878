import type { PlatformApi } from '../../electron/shared/ipc';
import { createBrowserPlatform } from './browser';

export type { PlatformApi } from '../../electron/shared/ipc';

let browserPlatform: PlatformApi | null = null;

/** The desktop app's preload API when running in Electron, else the browser implementation. */
export function getPlatform(): PlatformApi {
  if (typeof window !== 'undefined' && window.guidingHands) return window.guidingHands;
  browserPlatform ??= createBrowserPlatform();
  return browserPlatform;
}
