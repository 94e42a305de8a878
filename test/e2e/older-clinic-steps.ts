import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import type { OlderClinicRequest, OlderClinicWritten } from './clinic-at-older-version';

// Writing a clinic as an older version of the app left it, from a page of the app's origin before the
// app is opened there: the page-side writer (clinic-at-older-version.ts) is bundled once a test file and
// run in a blank page that loads no app code.

let writerScript: Promise<string> | undefined;

/** The page-side writer, bundled at its first use. */
function bundledWriter(): Promise<string> {
  writerScript ??= build({
    entryPoints: [fileURLToPath(new URL('./clinic-at-older-version.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'chrome120',
    logLevel: 'error',
  }).then((bundled) => bundled.outputFiles[0]?.text ?? '');
  return writerScript;
}

/** Writes the clinic at the older version asked for, from a blank page of the app's origin. */
export async function writeOlderClinic(page: Page, request: OlderClinicRequest): Promise<OlderClinicWritten> {
  const script = await bundledWriter();
  await page.route('**/older-clinic.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>Older clinic</title></head><body></body></html>',
    }),
  );
  await page.goto('/older-clinic.html');
  await page.addScriptTag({ content: script, type: 'module' });
  await page.waitForFunction(() => typeof window.writeClinicAtOlderVersion === 'function');
  return page.evaluate(
    (asked) => (window.writeClinicAtOlderVersion as NonNullable<Window['writeClinicAtOlderVersion']>)(asked),
    request,
  );
}
