import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../electron/main/origin';
import { createAppProtocolHandler } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import {
  STOPPED_PAGE_URL,
  showStoppedPageWhenThePageDies,
  UNRESPONSIVE_GRACE_MS,
} from '../../electron/main/stopped-page';
import { createFakeElectron } from './fake-electron';

type FakeWindow = InstanceType<ReturnType<typeof createFakeElectron>['module']['BrowserWindow']>;

/** A window showing the app, watched, with timers the test moves by hand. */
function watchedWindow() {
  const fake = createFakeElectron({ appData: '/tmp/none', appPath: '/tmp/none' });
  const window = new fake.module.BrowserWindow({}) as FakeWindow;
  void window.loadURL('app://guiding-hands/index.html');
  let pending: { run: () => void; at: number } | null = null;
  let now = 0;
  const timers = {
    setTimeout: (run: () => void, ms: number) => {
      pending = { run, at: now + ms };
      return pending;
    },
    clearTimeout: (handle: unknown) => {
      if (handle === pending) pending = null;
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = pending;
    if (due && due.at <= now) {
      pending = null;
      due.run();
    }
  };
  showStoppedPageWhenThePageDies(window as never, timers);
  const gone = (reason: string) =>
    window.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 });
  return { window, advance, gone };
}

describe('when the page stops', () => {
  it.each(['crashed', 'oom', 'killed', 'abnormal-exit'])(
    'a page that is gone (%s) is replaced by the stopped page, not a blank window',
    (reason) => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { window, gone } = watchedWindow();
      gone(reason);
      expect(window.loadedUrl).toBe(STOPPED_PAGE_URL);
      vi.restoreAllMocks();
    },
  );

  it('a page that closes normally, or a window already closed, loads nothing', () => {
    const { window, gone } = watchedWindow();
    gone('clean-exit');
    expect(window.loadedUrl).toBe('app://guiding-hands/index.html');
    window.destroyed = true;
    gone('crashed');
    expect(window.loadedUrl).toBe('app://guiding-hands/index.html');
  });

  it('a page busy for a moment is left alone; one still hung after the grace period is ended and replaced', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { window, advance } = watchedWindow();
    window.emit('unresponsive');
    advance(UNRESPONSIVE_GRACE_MS - 1);
    window.emit('responsive');
    advance(UNRESPONSIVE_GRACE_MS);
    expect(window.loadedUrl).toBe('app://guiding-hands/index.html');

    window.emit('unresponsive');
    window.emit('unresponsive');
    advance(UNRESPONSIVE_GRACE_MS);
    expect(window.loadedUrl).toBe(STOPPED_PAGE_URL);
    vi.restoreAllMocks();
  });

  it('the stopped page failing in turn does not reload it forever', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { window, gone } = watchedWindow();
    gone('crashed');
    const load = vi.spyOn(window, 'loadURL');
    gone('crashed');
    expect(load).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});

describe('the stopped page', () => {
  const serve = createAppProtocolHandler('/nonexistent-renderer-folder');

  it('is served from the app origin with the strict policy, says what happened and offers Reload', async () => {
    expect(isAppUrl(STOPPED_PAGE_URL)).toBe(true);
    const response = await serve(new Request(STOPPED_PAGE_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<h1>Guiding Hands stopped unexpectedly</h1>');
    expect(html).toMatch(/<button type="button" id="reload"[^>]*>Reload<\/button>/);
    expect(html).toContain('<html lang="en">');
  });

  it('holds nothing the policy would block: no inline script, no inline handler, nothing from elsewhere', async () => {
    const html = await (await serve(new Request(STOPPED_PAGE_URL))).text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/src="\/[^/]/);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('its script, served from the same origin, reloads the app when Reload is pressed', async () => {
    const html = await (await serve(new Request(STOPPED_PAGE_URL))).text();
    const src = /<script src="([^"]+)"/.exec(html)?.[1] ?? '';
    const script = await serve(new Request(new URL(src, STOPPED_PAGE_URL).href));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    let onClick: (() => void) | null = null;
    const location = { replace: vi.fn() };
    const document = {
      getElementById: (id: string) =>
        id === 'reload'
          ? { addEventListener: (_type: string, listener: () => void) => (onClick = listener) }
          : null,
    };
    new Function('document', 'location', await script.text())(document, location);
    expect(location.replace).not.toHaveBeenCalled();
    (onClick as (() => void) | null)?.();
    expect(location.replace).toHaveBeenCalledWith('app://guiding-hands/index.html');
  });
});
