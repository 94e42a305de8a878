import type { App, Event, Privileges, Session, WebContents } from 'electron';
import { APP_SCHEME, isAppUrl } from './origin';

/**
 * The policy sent with every page the app serves: the `<meta>` policy of renderer/index.html (a test keeps
 * them equal) plus frame-ancestors, which works only as a header. Nothing but the app's own origin, no eval.
 * 'wasm-unsafe-eval' lets the app compile its own WebAssembly (the passphrase's scrypt, in the key
 * worker) and nothing else: eval and new Function stay blocked ('unsafe-eval' is never allowed). A
 * worker takes its policy from this header (sent with its script), not from the page's `<meta>`, so the
 * header must carry it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `standard` gives the scheme web storage (IndexedDB); `secure` makes it a secure context. */
export const APP_SCHEME_PRIVILEGES: Privileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
};

type PrivilegedSchemeRegistrar = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Privileges }[]): void;
};

/** Must run before the app is ready; Electron ignores it afterwards. */
export function registerAppScheme(protocol: PrivilegedSchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/** The app needs no camera, microphone, notifications or any other permission: refuse them all. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'session'>;

/** Keeps a web contents on the app's origin: no navigation away, no new windows, no webviews. */
export function hardenWebContents(contents: HardenableContents): void {
  const refuseForeign = (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => refuseForeign(event, url));
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-redirect', (event, url) => refuseForeign(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  denyAllPermissions(contents.session);
}

/** Applies the rules to every web contents the app ever creates, not only the main window's. */
export function hardenEveryWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

type WebRequestSession = { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/** A second line behind the policy: any request to the network is cancelled before it leaves. */
export function blockNetworkRequests(session: WebRequestSession): void {
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}
