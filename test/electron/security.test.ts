import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, APP_START_URL, isAppUrl } from '../../electron/main/origin';
import {
  blockNetworkRequests,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  hardenEveryWebContents,
  hardenWebContents,
} from '../../electron/main/security';
import { mainWindowOptions } from '../../electron/main/window';
import { FakeEvent, FakeSession, FakeWebContents, type Listener } from './fake-electron';

type Hardenable = Parameters<typeof hardenWebContents>[0];

function hardened(): { contents: FakeWebContents; session: FakeSession } {
  const session = new FakeSession();
  const contents = new FakeWebContents(session);
  hardenWebContents(contents as unknown as Hardenable);
  return { contents, session };
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values.sort()]),
  );
}

describe('the app origin', () => {
  it('is app://guiding-hands and never changes (IndexedDB data belongs to it)', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('guiding-hands');
    expect(APP_ORIGIN).toBe('app://guiding-hands');
    expect(APP_START_URL).toBe('app://guiding-hands/index.html');
  });

  it('recognises only its own URLs', () => {
    expect(isAppUrl('app://guiding-hands/index.html#/people')).toBe(true);
    expect(isAppUrl('app://other-host/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('https://guiding-hands/')).toBe(false);
    expect(isAppUrl('app://evil@guiding-hands/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('content security policy', () => {
  it('sent with every page is the <meta> policy of renderer/index.html, plus frame-ancestors (header only)', async () => {
    const html = await readFile(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY);
    // Browsers ignore frame-ancestors in a <meta> tag, so only the header carries it.
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    header.delete('frame-ancestors');
    const page = directives(meta ?? '');
    page.delete('frame-ancestors');
    expect(header).toEqual(page);
  });

  it('allows no eval, no inline script, no plug-ins and no network origin', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(?<!wasm-)unsafe-eval/);
    // Scripts of the app's own origin, and WebAssembly compiled by them (the passphrase's scrypt): no more.
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });
});

describe('every web contents is kept on the app', () => {
  it('refuses navigation to another origin but allows moving within the app', () => {
    const { contents } = hardened();
    const away = new FakeEvent();
    contents.emit('will-navigate', away, 'https://example.org/phish');
    expect(away.defaultPrevented).toBe(true);
    const fileUrl = new FakeEvent();
    contents.emit('will-navigate', fileUrl, 'file:///etc/passwd');
    expect(fileUrl.defaultPrevented).toBe(true);
    const inside = new FakeEvent();
    contents.emit('will-navigate', inside, 'app://guiding-hands/index.html');
    expect(inside.defaultPrevented).toBe(false);
  });

  it('refuses redirects and frame navigation away from the app', () => {
    const { contents } = hardened();
    const redirect = new FakeEvent();
    contents.emit('will-redirect', redirect, 'https://example.org/');
    expect(redirect.defaultPrevented).toBe(true);
    const frame = new FakeEvent('https://example.org/frame');
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
  });

  it('denies window.open for any address, even the app’s own', () => {
    const { contents } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://guiding-hands/index.html' })).toEqual({
      action: 'deny',
    });
  });

  it('prevents webviews from being attached', () => {
    const { contents } = hardened();
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });

  it('applies to web contents created after start-up through app’s web-contents-created', () => {
    const listeners = new Map<string, Listener>();
    const app = {
      on: (event: string, listener: Listener) => {
        listeners.set(event, listener);
        return app;
      },
    };
    hardenEveryWebContents(app as unknown as Parameters<typeof hardenEveryWebContents>[0]);
    const later = new FakeWebContents();
    listeners.get('web-contents-created')?.(new FakeEvent(), later);
    const away = new FakeEvent();
    later.emit('will-navigate', away, 'https://example.org/');
    expect(away.defaultPrevented).toBe(true);
    expect(later.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('permissions and network', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyAllPermissions(session as unknown as Parameters<typeof denyAllPermissions>[0]);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      session.permissionRequestHandler?.(null, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(session.permissionCheckHandler?.(null, permission, 'app://guiding-hands', {})).toBe(false);
    }
    expect(session.devicePermissionHandler?.({})).toBe(false);
  });

  it('cancels any request to the network', () => {
    const session = new FakeSession();
    blockNetworkRequests(session as unknown as Parameters<typeof blockNetworkRequests>[0]);
    const answers: unknown[] = [];
    session.beforeRequest?.listener({ url: 'https://example.org/' }, (answer: unknown) =>
      answers.push(answer),
    );
    expect(answers).toEqual([{ cancel: true }]);
    expect(session.beforeRequest?.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'wss://*/*']),
    );
  });
});

describe('the main window', () => {
  it('runs the page sandboxed and isolated, without Node, with the bundled preload', () => {
    const options = mainWindowOptions(
      '/app/dist/electron/preload.cjs',
      { width: 1200, height: 800 },
      'linux',
    );
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.title).toBe('Guiding Hands');
  });

  it('spell-checks only where no dictionary has to be downloaded', () => {
    expect(mainWindowOptions('p', { width: 1, height: 1 }, 'linux').webPreferences?.spellcheck).toBe(false);
    expect(mainWindowOptions('p', { width: 1, height: 1 }, 'win32').webPreferences?.spellcheck).toBe(false);
    expect(mainWindowOptions('p', { width: 1, height: 1 }, 'darwin').webPreferences?.spellcheck).toBe(true);
  });
});
