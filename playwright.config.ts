import { defineConfig } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from './electron/main/security';

// Browser tests run in the system's Chromium against the built renderer served on localhost.
// GH_RENDERER_OUT and GH_PORT let several runs build and serve side by side.
const port = Number(process.env.GH_PORT ?? 4173);
const outDir = process.env.GH_RENDERER_OUT ?? 'dist/renderer';
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  // Many steps wait for real work (a backup's scrypt, a restore, a report) on a shared 2-core machine:
  // an assertion gets 15 seconds before it fails, not the default 5.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The second configuration runs the suites of the manager's main work again with the clinic lock on
  // (test/e2e/helpers.ts turns it on once the test's clinic exists and unlocks after every page load).
  projects: [
    { name: 'plain' },
    {
      name: 'locked',
      testMatch: [
        'e2e/main-path.spec.ts',
        'e2e/reports.spec.ts',
        'e2e/import.spec.ts',
        'e2e/backup.spec.ts',
        'e2e/agreement.spec.ts',
      ],
      // Those that turn the lock on themselves run in the first configuration only.
      grepInvert: /with the clinic lock on/,
    },
  ],
  // Every file is served with the desktop app's policy header, as its app:// protocol does, so a policy
  // that blocks something in a worker (which ignores the page's <meta> tag) fails here too.
  webServer: {
    command: `node scripts/serve-static.mjs ${outDir} ${port}`,
    env: { GH_CONTENT_SECURITY_POLICY: CONTENT_SECURITY_POLICY },
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
