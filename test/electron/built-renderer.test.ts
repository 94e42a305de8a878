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

/** The chunks a script names: its static imports, its dynamic imports and the files it preloads for them. */
function chunksNamedIn(code: string): { staticImports: string[]; later: string[] } {
  const staticImports = [
    ...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$\s{},*]*?from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g),
  ].map((match) => match[1] as string);
  const dynamicImports = [...code.matchAll(/\bimport\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g)].map(
    (match) => match[1] as string,
  );
  // The bundler's list of the files to preload with each dynamic import.
  const preloadList = /__vite__mapDeps=[^;]*?m\.f=\[([^\]]*)\]/.exec(code)?.[1] ?? '';
  const preloaded = [...preloadList.matchAll(/["'`]\.\/([\w.-]+\.(?:js|css))["'`]/g)].map(
    (match) => match[1] as string,
  );
  const later = [...dynamicImports, ...preloaded];
  return { staticImports, later: later.filter((name) => !staticImports.includes(name)) };
}

/** The chunks that load before `start` runs: it and everything it imports statically, transitively. */
async function loadedWith(start: string, found = new Set<string>()): Promise<Set<string>> {
  if (found.has(start)) return found;
  found.add(start);
  const code = await readFile(join(outDir, 'assets', start), 'utf8');
  for (const name of chunksNamedIn(code).staticImports) await loadedWith(name, found);
  return found;
}

describe('the built renderer', () => {
  it('carries a policy with no eval and no network origin, the same as the app:// header', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).not.toBe('');
    expect(meta).not.toMatch(/(?<!wasm-)unsafe-eval/);
    expect(meta).not.toMatch(/https?:|wss?:|\*/);
    const page = directives(meta);
    // WebAssembly compiled by the app's own scripts (the passphrase's scrypt), never eval.
    expect(page.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
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
  it('serves the passphrase worker with the policy that lets it compile its WebAssembly, and only it', async () => {
    const serve = createAppProtocolHandler(outDir);
    const scripts = (await readdir(join(outDir, 'assets'))).filter((name) => name.endsWith('.js'));
    const worker = scripts.find((name) => /^kdf\.worker-[\w-]+\.js$/.test(name));
    expect(worker).toBeDefined();
    // A worker is held to the policy sent with its own script, not to the page's <meta> tag.
    const response = await serve(new Request(`app://guiding-hands/assets/${worker}`));
    expect(response.status).toBe(200);
    expect(directives(response.headers.get('content-security-policy') ?? '').get('script-src')).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
    ]);
    expect(await response.text()).toContain('WebAssembly.compile');
    // The WebAssembly scrypt is loaded by the key worker alone, never by the window.
    for (const name of scripts.filter((other) => other !== worker)) {
      const code = await readFile(join(outDir, 'assets', name), 'utf8');
      expect(code.includes('WebAssembly.compile'), name).toBe(false);
    }
  });

  it('finds every chunk loaded later (a screen on its first visit) in its folder, served on app://', async () => {
    const serve = createAppProtocolHandler(outDir);
    const files = new Set(await readdir(join(outDir, 'assets')));
    const named = new Set<string>();
    for (const name of files) {
      if (!name.endsWith('.js')) continue;
      const { staticImports, later } = chunksNamedIn(await readFile(join(outDir, 'assets', name), 'utf8'));
      for (const chunk of [...staticImports, ...later]) named.add(chunk);
    }
    // The screens are chunks of their own, named relative to the chunk that loads them.
    expect(named.size).toBeGreaterThan(20);
    for (const chunk of named) {
      expect(files.has(chunk), `${chunk} is named but not built`).toBe(true);
      const response = await serve(new Request(`app://guiding-hands/assets/${chunk}`));
      expect(response.status, chunk).toBe(200);
      expect(response.headers.get('content-type'), chunk).toBe(
        chunk.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      );
    }
  });

  it('starts with the shell, the lock screen and the dashboard only: other screens and their libraries load later', async () => {
    const entry = /<script type="module"[^>]*src="\.\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const entryCode = await readFile(join(outDir, 'assets', entry as string), 'utf8');
    // The entry starts the first reads, then loads the app's chunk (renderer/app/mount.tsx).
    const app = chunksNamedIn(entryCode).later.find((name) => name.startsWith('mount-'));
    expect(app).toBeDefined();
    const start = await loadedWith(entry as string);
    await loadedWith(app as string, start);
    const startCode = (
      await Promise.all([...start].map((name) => readFile(join(outDir, 'assets', name), 'utf8')))
    ).join('\n');
    expect(startCode).toContain('Dashboard');
    // Libraries of other screens: the schema library (backups), zip, spreadsheets, CSV.
    for (const marker of ['$ZodType', 'JSZip', 'exceljs', '__parsed_extra'])
      expect(startCode.includes(marker), `${marker} is loaded at start`).toBe(false);
    const files = await readdir(join(outDir, 'assets'));
    for (const screen of [
      'PeopleScreen',
      'PersonScreen',
      'RelationshipScreen',
      'MeetingFormScreen',
      'ReportsScreen',
      'SettingsScreen',
      'BackupScreen',
      'ImportScreen',
      'FirstRun',
    ]) {
      const chunk = files.find((name) => name.startsWith(`${screen}-`) && name.endsWith('.js'));
      expect(chunk, `${screen} is a chunk of its own`).toBeDefined();
      expect(start.has(chunk as string), `${screen} is loaded at start`).toBe(false);
    }
  });
});
