import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

let root: string;
let rendererDir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gh-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Guiding Hands</title>');
  await writeFile(join(rendererDir, 'assets', 'main.js'), 'export {};');
  await writeFile(join(root, 'outside.txt'), 'private');
  await mkdir(join(root, 'renderer-evil'), { recursive: true });
  await writeFile(join(root, 'renderer-evil', 'x.txt'), 'sibling');
  serve = createAppProtocolHandler(rendererDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the app:// protocol', () => {
  it('serves the page and its scripts with the strict policy and the right types', async () => {
    const page = await serve(new Request('app://guiding-hands/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Guiding Hands</title>');
    const script = await serve(new Request('app://guiding-hands/assets/main.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const root = await serve(new Request('app://guiding-hands/'));
    expect(await root.text()).toContain('Guiding Hands');
  });

  it.each([
    'app://guiding-hands/..%2Foutside.txt',
    'app://guiding-hands/%2e%2e/outside.txt',
    'app://guiding-hands/assets/..%2F..%2Foutside.txt',
    'app://guiding-hands/..%5Coutside.txt',
    'app://guiding-hands/%2Fetc%2Fpasswd',
    'app://guiding-hands/..%2Frenderer-evil%2Fx.txt',
    'app://guiding-hands/index.html%00.js',
    'app://another-host/index.html',
  ])('refuses %s and reveals nothing outside the renderer folder', async (url) => {
    const response = await serve(new Request(url));
    expect([403, 404]).toContain(response.status);
    const text = await response.text();
    expect(text).not.toContain('private');
    expect(text).not.toContain('sibling');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('maps URLs only to files inside the folder', () => {
    expect(resolveAppFile(rendererDir, 'app://guiding-hands/assets/main.js')).toBe(
      join(rendererDir, 'assets', 'main.js'),
    );
    expect(resolveAppFile(rendererDir, 'app://guiding-hands/..%2Foutside.txt')).toBeNull();
    expect(resolveAppFile(rendererDir, 'app://guiding-hands/%E0%A4%A')).toBeNull();
  });

  it('answers missing files with 404 and refuses anything but reading', async () => {
    expect((await serve(new Request('app://guiding-hands/nope.js'))).status).toBe(404);
    expect((await serve(new Request('app://guiding-hands/assets'))).status).toBe(404);
    expect(
      (await serve(new Request('app://guiding-hands/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });
});
