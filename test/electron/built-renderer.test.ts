import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

// The renderer as it ships: built into a scratch folder, then read and served the way the desktop app does.
const projectRoot = resolve(__dirname, '../..');
let outDir: string;
let html: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'gh-renderer-build-'));
  const build = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
    {
      cwd: projectRoot,
      env: { ...process.env, GH_RENDERER_OUT: outDir },
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  if (build.status !== 0) throw new Error(`The renderer did not build:\n${build.stderr}${build.stdout}`);
  html = await readFile(join(outDir, 'index.html'), 'utf8');
}, 300_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values.sort()]),
  );
}

function referencedAssets(page: string): string[] {
  return [...page.matchAll(/\b(?:src|href)="([^"]+)"/g)]
    .map((match) => match[1])
    .filter((url) => !url.startsWith('data:'));
}

describe('the built renderer', () => {
  it('carries a policy with no eval and no network origin, the same as the app:// header', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).not.toBe('');
    expect(meta).not.toContain('unsafe-eval');
    expect(meta).not.toMatch(/https?:|wss?:|\*/);
    const page = directives(meta);
    expect(page.get('script-src')).toEqual(["'self'"]);
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(page).toEqual(header);
  });

  it('loads every script and style from its own folder, never from the network', () => {
    const assets = referencedAssets(html);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset).toMatch(/^\.\/assets\/[\w.-]+\.(js|css)$/);
  });

  it('ships no eval or new Function, which the policy would block at run time', async () => {
    // Libraries' `Function('return this')` fallbacks are not matched: they run only where `self` is missing.
    const scripts = (await readdir(join(outDir, 'assets'))).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const code = await readFile(join(outDir, 'assets', name), 'utf8');
      const found = /.{0,60}(?:\beval\(|\bnew Function\().{0,60}/.exec(code)?.[0] ?? null;
      expect(found, `${name} evaluates code`).toBeNull();
    }
  });

  it('is served on app:// with each file’s own type and the strict policy', async () => {
    const serve = createAppProtocolHandler(outDir);
    const page = await serve(new Request('app://guiding-hands/index.html'));
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const asset of referencedAssets(html)) {
      const response = await serve(new Request(new URL(asset, 'app://guiding-hands/index.html').href));
      expect(response.status, asset).toBe(200);
      const type = response.headers.get('content-type');
      expect(type, asset).toBe(
        asset.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      );
    }
  });
});
