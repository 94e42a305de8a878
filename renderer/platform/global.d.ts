import type { PlatformApi } from '../../electron/shared/ipc';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    guidingHands?: PlatformApi;
  }
}
