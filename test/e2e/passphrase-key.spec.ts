import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { expect, startEmpty, test } from './helpers';
import { expectLocked, turnLockOn, unlock } from './lock-steps';

// The passphrase's key is derived in WebAssembly in the key worker, which the page's policy must allow
// ('wasm-unsafe-eval' in script-src): the worker is held to the policy sent with its own script, which
// the test server sends as the desktop app does. The key ring here was written by the app's code in Node
// (the JavaScript scrypt), as a clinic's stored slot: the WebAssembly key must open it.

interface KeyMark {
  engine?: string;
}

/** The engine of each derivation so far (the key worker's answer, marked by the page). */
async function derivations(page: Page): Promise<KeyMark[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('passphrase-key').map((mark) => (mark as PerformanceMark).detail as KeyMark),
  );
}

/** What the worker's console says (a refused compilation is reported there, not in the page's). */
function workerMessages(page: Page): string[] {
  const messages: string[] = [];
  page.on('worker', (worker) => {
    worker.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  });
  return messages;
}

test.describe('with the clinic lock on', () => {
  test('unlocks with the WebAssembly scrypt under the desktop app’s policy, with no policy violation', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const fromWorkers = workerMessages(page);
    const workerPolicies: (string | null)[] = [];
    page.on('response', async (response) => {
      if (/kdf\.worker/.test(response.url()))
        workerPolicies.push(await response.headerValue('content-security-policy'));
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
        );
      });
    });

    await startEmpty(page);
    await turnLockOn(page);
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    expect(workerPolicies.length).toBeGreaterThan(0);
    for (const policy of workerPolicies) expect(policy).toBe(CONTENT_SECURITY_POLICY);
    expect(await derivations(page)).toEqual([{ engine: 'webassembly' }]);
    expect(violations).toEqual([]);
    expect(fromWorkers).toEqual([]);
  });

  test('still unlocks, in JavaScript, where a policy refuses WebAssembly to the worker', async ({ page }) => {
    // The policy of before: scripts of the app's own origin, no WebAssembly.
    const refusing = CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", '');
    expect(refusing).not.toContain('wasm-unsafe-eval');
    await page.route(/kdf\.worker/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': refusing },
      });
    });
    const fromWorkers = workerMessages(page);

    await startEmpty(page);
    await turnLockOn(page);
    await page.getByLabel('Clinic passphrase').fill('not the passphrase at all');
    await page.getByLabel('Clinic passphrase').press('Enter');
    await expect(page.getByRole('alert')).toHaveText(/does not open the clinic lock/);
    await expectLocked(page);
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    // Each derivation in JavaScript: the policy the worker was served with refused its WebAssembly, as
    // the first test would see had the app's own policy done so.
    expect(await derivations(page)).toEqual([{ engine: 'javascript' }, { engine: 'javascript' }]);
    expect(fromWorkers).toEqual([]);
  });
});
