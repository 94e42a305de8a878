import 'fake-indexeddb/auto';
import type { Page } from '@playwright/test';
import { createLock, readKeyRing } from '../../renderer/data/lock/keyring';
import { expect } from './helpers';

// Turning the clinic lock on in a browser test. The key ring is made by the app's own createLock (here,
// in Node, with a light scrypt cost so each unlock takes milliseconds) and written into the page's own
// key-ring database; the page then starts locked, and its first unlock seals the text already there
// (the key ring says 'sealing', as after a first use that was interrupted).

export const CLINIC_PASSPHRASE = 'copper lantern orchard seventeen';

/** The key ring as JSON: its byte arrays as lists of numbers. */
function ringAsJson(ring: unknown): string {
  return JSON.stringify(ring, (_key, value) =>
    value instanceof Uint8Array ? { __bytes: [...value] } : value,
  );
}

/** Writes a new key ring for `passphrase` into the page's database; the page reloads, locked. */
export async function turnLockOn(page: Page, passphrase = CLINIC_PASSPHRASE): Promise<string> {
  const name = `e2e-${crypto.randomUUID()}`;
  const { recoveryKey } = await createLock(name, passphrase, { logN: 10, r: 8, p: 1 });
  const ring = ringAsJson(await readKeyRing(name));
  await page.evaluate(async (json) => {
    const revived = JSON.parse(json, (_key, value) =>
      value && typeof value === 'object' && Array.isArray(value.__bytes)
        ? new Uint8Array(value.__bytes)
        : value,
    );
    // The app opened its key-ring database at start (and found it empty): write into it as it is.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('guiding-hands-keyring');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('rings', 'readwrite');
      tx.objectStore('rings').put(revived);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, ring);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'This clinic is locked' })).toBeVisible();
  return recoveryKey;
}

/** Unlocks from the lock screen and waits for the dashboard. */
export async function unlock(page: Page, passphrase = CLINIC_PASSPHRASE): Promise<void> {
  await page.getByLabel('Clinic passphrase').fill(passphrase);
  await page.getByLabel('Clinic passphrase').press('Enter');
  // A passphrase the app set itself is stretched at the full cost: seconds on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: 'This clinic is locked' })).toBeHidden({
    timeout: 60_000,
  });
}

export async function expectLocked(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'This clinic is locked' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
}

/**
 * Turns the lock on as the manager does, in Settings → Privacy (the full passphrase cost, the recovery
 * sheet, two groups typed back, sealing with progress); the app stays unlocked.
 */
export async function turnLockOnInSettings(page: Page, passphrase = CLINIC_PASSPHRASE): Promise<void> {
  await page.goto('/index.html#/settings');
  const card = page.getByRole('region', { name: 'Privacy and the clinic lock' });
  await card.getByRole('button', { name: 'Turn on the clinic lock' }).click();
  await card.getByLabel('Clinic passphrase', { exact: true }).fill(passphrase);
  await card.getByLabel('Type the passphrase again').fill(passphrase);
  await card.getByLabel('Where will the recovery sheet be kept?').fill('the locked drawer');
  await card.getByLabel(/I understand/).check();
  await card.getByRole('button', { name: 'Next: the recovery sheet' }).click();
  // The sheet shows once the passphrase is measured (its dictionaries load on first use): wait for it.
  const sheet = card.getByRole('list', { name: 'Recovery key' }).getByRole('listitem');
  await expect(sheet).toHaveCount(8);
  await expect(card.getByLabel(/^Group \d$/)).toHaveCount(2);
  const groups = await sheet.allTextContents();
  for (const input of await card.getByLabel(/^Group \d$/).all()) {
    const label = await input.evaluate(
      (element) => element.closest('.field')?.querySelector('label')?.textContent,
    );
    await input.fill(groups[Number(label?.replace('Group ', '')) - 1] as string);
  }
  await card.getByRole('button', { name: 'Turn on the clinic lock' }).click();
  await expect(card.getByText('The clinic lock is on.')).toBeVisible({ timeout: 60_000 });
}

/**
 * Waits until `count` passphrase workers are alive in the page: one waits while a passphrase form shows
 * (the lock screen, a confidential note's question, the settings' forms), none once they close.
 */
export async function expectPassphraseWorkers(page: Page, count: number): Promise<void> {
  await expect
    .poll(() => page.workers().filter((worker) => /kdf\.worker/.test(worker.url())).length)
    .toBe(count);
}
