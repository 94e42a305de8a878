// The app's origin is chosen once: IndexedDB belongs to it, so changing any part of it strands every
// clinic's data. A test pins these values.
export const APP_SCHEME = 'app';
export const APP_HOST = 'guiding-hands';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True when the URL belongs to the app's own origin (custom schemes have an opaque URL.origin in Node). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '';
  } catch {
    return false;
  }
}
