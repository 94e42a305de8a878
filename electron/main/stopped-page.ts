import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import { APP_NAME } from './app-identity';
import { APP_ORIGIN, APP_START_URL } from './origin';
import { CONTENT_SECURITY_POLICY } from './security';

// When the page crashes or hangs, the window shows a plain page with a Reload button instead of going
// blank. The page is served from the app's own origin, so the policy and the navigation rules apply to it
// as to the app; its one script is a file of that origin (the policy forbids inline scripts).

export const STOPPED_PAGE_PATH = '/stopped.html';
export const STOPPED_SCRIPT_PATH = '/stopped.js';
export const STOPPED_PAGE_URL = `${APP_ORIGIN}${STOPPED_PAGE_PATH}`;

/**
 * A page busy for a long moment (a large restore) is not stopped: Chromium reports it unresponsive after
 * some seconds of silence, and it is given this much longer to answer before it is ended.
 */
export const UNRESPONSIVE_GRACE_MS = 20_000;

export const STOPPED_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${APP_NAME} stopped unexpectedly</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #fff; color: #1d2733; }
  main { max-width: 34rem; padding: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 6px; border: 1px solid #1f5fa8; background: #1f5fa8; color: #fff; cursor: pointer; }
  button:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
</style>
<script src="${STOPPED_SCRIPT_PATH}" defer></script>
</head>
<body>
<main>
<h1>${APP_NAME} stopped unexpectedly</h1>
<p>The window stopped working. Your records are kept on this computer: everything that was saved is still there. Anything typed but not yet saved may need to be entered again.</p>
<p><button type="button" id="reload" autofocus>Reload</button></p>
</main>
</body>
</html>
`;

export const STOPPED_PAGE_SCRIPT = `document.getElementById('reload').addEventListener('click', () => {
  location.replace(${JSON.stringify(APP_START_URL)});
});
`;

/** True while the window shows the stopped page instead of the app. */
export function isShowingStoppedPage(window: {
  webContents: Pick<BrowserWindow['webContents'], 'getURL'>;
}): boolean {
  return window.webContents.getURL() === STOPPED_PAGE_URL;
}

type WatchedWindow = Pick<BrowserWindow, 'on' | 'isDestroyed' | 'loadURL'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'getURL' | 'forcefullyCrashRenderer'>;
};

interface WatchTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: WatchTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Shows the stopped page when the window's page crashes, is killed or runs out of memory, or stays
 * unresponsive past the grace period (it is then ended, which also rolls back any unfinished database
 * transaction). A page that closes normally, or the stopped page failing itself, loads nothing.
 */
export function showStoppedPageWhenThePageDies(
  window: WatchedWindow,
  timers: WatchTimers = realTimers,
): void {
  let hung: unknown = null;
  const stopWaiting = () => {
    if (hung !== null) timers.clearTimeout(hung);
    hung = null;
  };
  window.webContents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    stopWaiting();
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    console.error(`The page stopped (${details.reason}, exit code ${details.exitCode}).`);
    // The stopped page failing too would otherwise loop forever.
    if (window.webContents.getURL() === STOPPED_PAGE_URL) return;
    window.loadURL(STOPPED_PAGE_URL).catch(() => undefined);
  });
  window.on('unresponsive', () => {
    if (hung !== null) return;
    hung = timers.setTimeout(() => {
      hung = null;
      if (!window.isDestroyed()) window.webContents.forcefullyCrashRenderer();
    }, UNRESPONSIVE_GRACE_MS);
  });
  window.on('responsive', stopWaiting);
}
