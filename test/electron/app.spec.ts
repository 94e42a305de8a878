import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';

// Launches the real desktop app from the built files (npm run build). `require('electron')` would try to
// download a missing runtime, so the binary is located by hand and the test skips, visibly, without it.
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

function findElectronBinary(): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  try {
    const relativePath = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = join(packageDir, 'dist', relativePath);
    return relativePath && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = findElectronBinary();
const skipReason =
  'Electron runtime binary not installed on this computer, so the desktop app cannot be launched here';
// Said out loud as well, so that a run without the runtime never reads as a pass.
if (binary === null) console.warn(`SKIPPED: the desktop app tests. ${skipReason}.`);

test.describe('the desktop app', () => {
  test.skip(binary === null, skipReason);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    expect(existsSync(join(projectRoot, 'dist/electron/main.cjs')), 'run `npm run build` first').toBe(true);
    userData = mkdtempSync(join(tmpdir(), 'gh-electron-app-'));
    app = await electron.launch({
      executablePath: binary ?? '',
      args: [projectRoot],
      env: { ...process.env, GH_USER_DATA_DIR: userData },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window titled Guiding Hands on the app:// origin', async () => {
    await expect(page).toHaveTitle('Guiding Hands');
    expect(page.url()).toMatch(/^app:\/\/guiding-hands\//);
    expect(app.windows()).toHaveLength(1);
  });

  test('the page has the preload API but no Node', async () => {
    const seen = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const api = scope.guidingHands as { kind?: string } | undefined;
      return {
        api: typeof api,
        kind: api?.kind,
        require: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(seen).toEqual({ api: 'object', kind: 'electron', require: 'undefined', process: 'undefined' });
  });

  test('the preload answers through the main process', async () => {
    const info = await page.evaluate(() => {
      const api = (globalThis as unknown as { guidingHands: { getInfo(): Promise<{ version: string }> } })
        .guidingHands;
      return api.getInfo();
    });
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    expect(info.version).toBe(pkg.version);
  });

  test('IndexedDB works on the app:// origin', async () => {
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolvePromise, reject) => {
          const request = indexedDB.open('electron-probe', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('things');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('things', 'readwrite');
            tx.objectStore('things').put('kept', 'key');
            tx.oncomplete = () => {
              const read = db.transaction('things').objectStore('things').get('key');
              read.onsuccess = () => resolvePromise(String(read.result));
              read.onerror = () => reject(read.error);
            };
          };
        }),
    );
    expect(stored).toBe('kept');
  });

  test('refuses to navigate away or open new windows', async () => {
    const opened = await page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/guiding-hands\//);
    expect(app.windows()).toHaveLength(1);
  });
});
